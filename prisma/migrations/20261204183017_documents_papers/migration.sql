-- CreateEnum
CREATE TYPE "document_language" AS ENUM ('en', 'fr', 'bilingual');

-- CreateEnum
CREATE TYPE "document_marking" AS ENUM ('UNCLASSIFIED', 'PROTECTED_A', 'PROTECTED_B');

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL,
    "meeting_id" UUID,
    "agenda_item_id" UUID,
    "initiative_id" UUID,
    "paper_request_id" UUID,
    "title_en" VARCHAR(300) NOT NULL,
    "title_fr" VARCHAR(300) NOT NULL,
    "language" "document_language" NOT NULL,
    "marking" "document_marking" NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "department_id" UUID,
    "current_version" INTEGER NOT NULL DEFAULT 1,
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdrawn_by_id" UUID,
    "withdraw_reason" VARCHAR(1000),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_versions" (
    "id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "file_name" VARCHAR(200) NOT NULL,
    "kind" VARCHAR(10) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "blob_id" UUID NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "changed_after_publication" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_blobs" (
    "id" UUID NOT NULL,
    "size_bytes" INTEGER NOT NULL DEFAULT 0,
    "sha256" CHAR(64),
    "completed_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_blobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_chunks" (
    "blob_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "document_chunks_pkey" PRIMARY KEY ("blob_id","seq")
);

-- CreateTable
CREATE TABLE "paper_requests" (
    "id" UUID NOT NULL,
    "agenda_item_id" UUID NOT NULL,
    "department_id" UUID NOT NULL,
    "due_date" DATE NOT NULL,
    "note_en" VARCHAR(1000),
    "note_fr" VARCHAR(1000),
    "requested_by_id" UUID NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "paper_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "documents_meeting_id_idx" ON "documents"("meeting_id");

-- CreateIndex
CREATE INDEX "documents_agenda_item_id_idx" ON "documents"("agenda_item_id");

-- CreateIndex
CREATE INDEX "documents_initiative_id_idx" ON "documents"("initiative_id");

-- CreateIndex
CREATE INDEX "documents_paper_request_id_idx" ON "documents"("paper_request_id");

-- CreateIndex
CREATE UNIQUE INDEX "document_versions_blob_id_key" ON "document_versions"("blob_id");

-- CreateIndex
CREATE UNIQUE INDEX "document_versions_document_id_number_key" ON "document_versions"("document_id", "number");

-- CreateIndex
CREATE INDEX "paper_requests_agenda_item_id_idx" ON "paper_requests"("agenda_item_id");

-- CreateIndex
CREATE INDEX "paper_requests_department_id_idx" ON "paper_requests"("department_id");

-- AddForeignKey
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_blob_id_fkey" FOREIGN KEY ("blob_id") REFERENCES "document_blobs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_chunks" ADD CONSTRAINT "document_chunks_blob_id_fkey" FOREIGN KEY ("blob_id") REFERENCES "document_blobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (issue 20): a document belongs to exactly one of a meeting, an agenda item or an initiative.
ALTER TABLE "documents" ADD CONSTRAINT "documents_exactly_one_parent"
  CHECK (num_nonnulls("meeting_id", "agenda_item_id", "initiative_id") = 1);
ALTER TABLE "documents" ADD CONSTRAINT "documents_withdrawn_has_reason"
  CHECK (("withdrawn_at" IS NULL) = ("withdraw_reason" IS NULL));
ALTER TABLE "documents" ADD CONSTRAINT "documents_current_version_positive" CHECK ("current_version" >= 1);
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_size_positive" CHECK ("size_bytes" > 0);
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_number_positive" CHECK ("number" >= 1);
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_kind_known"
  CHECK ("kind" IN ('pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'csv', 'txt', 'png', 'jpeg'));

-- Foreign keys kept out of Prisma's relations, so the other domains' models are unchanged.
ALTER TABLE "documents" ADD CONSTRAINT "documents_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT;
ALTER TABLE "documents" ADD CONSTRAINT "documents_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT;
ALTER TABLE "documents" ADD CONSTRAINT "documents_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE RESTRICT;
ALTER TABLE "documents" ADD CONSTRAINT "documents_paper_request_id_fkey" FOREIGN KEY ("paper_request_id") REFERENCES "paper_requests"("id") ON DELETE RESTRICT;
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT;
ALTER TABLE "documents" ADD CONSTRAINT "documents_withdrawn_by_id_fkey" FOREIGN KEY ("withdrawn_by_id") REFERENCES "users"("id") ON DELETE RESTRICT;
ALTER TABLE "documents" ADD CONSTRAINT "documents_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT;
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT;
ALTER TABLE "paper_requests" ADD CONSTRAINT "paper_requests_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT;
ALTER TABLE "paper_requests" ADD CONSTRAINT "paper_requests_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT;
ALTER TABLE "paper_requests" ADD CONSTRAINT "paper_requests_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT;
-- One open request per agenda item and department.
CREATE UNIQUE INDEX "paper_requests_one_open" ON "paper_requests" ("agenda_item_id", "department_id") WHERE "cancelled_at" IS NULL;
ALTER TABLE "document_blobs" ADD CONSTRAINT "document_blobs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT;
