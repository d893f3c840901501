-- AlterTable
ALTER TABLE "document_versions" ADD COLUMN     "text" TEXT,
ADD COLUMN     "text_extracted_at" TIMESTAMPTZ(3);

-- Hand-written (issue 20): the versions whose text the worker has still to extract.
CREATE INDEX "document_versions_text_pending" ON "document_versions" ("created_at") WHERE "text_extracted_at" IS NULL;
-- Bounded like every text column: the worker keeps at most a million characters (lib/documents/extract.ts).
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_text_length" CHECK (char_length("text") <= 1000000);
