-- CreateTable
CREATE TABLE "board_books" (
    "meeting_id" UUID NOT NULL,
    "locale" VARCHAR(2) NOT NULL,
    "fingerprint" CHAR(64) NOT NULL,
    "blob_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "board_books_pkey" PRIMARY KEY ("meeting_id","locale")
);

-- CreateIndex
CREATE UNIQUE INDEX "board_books_blob_id_key" ON "board_books"("blob_id");

-- Hand-written (issue 20): the meeting and the stored file of a cached board book.
ALTER TABLE "board_books" ADD CONSTRAINT "board_books_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE;
ALTER TABLE "board_books" ADD CONSTRAINT "board_books_blob_id_fkey" FOREIGN KEY ("blob_id") REFERENCES "document_blobs"("id") ON DELETE RESTRICT;
ALTER TABLE "board_books" ADD CONSTRAINT "board_books_locale_known" CHECK ("locale" IN ('en', 'fr'));
