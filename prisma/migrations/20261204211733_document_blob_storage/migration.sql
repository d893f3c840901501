-- AlterTable
ALTER TABLE "document_blobs" ADD COLUMN     "storage" VARCHAR(16) NOT NULL DEFAULT 'postgres',
ADD COLUMN     "upload_id" VARCHAR(1024);

-- CreateIndex
CREATE INDEX "document_blobs_completed_at_created_at_idx" ON "document_blobs"("completed_at", "created_at");

-- Hand-written: the two stores the portal knows (lib/documents/storage.ts); only the S3 store has an upload id.
ALTER TABLE "document_blobs" ADD CONSTRAINT "document_blobs_storage_check" CHECK ("storage" IN ('postgres', 's3'));
ALTER TABLE "document_blobs" ADD CONSTRAINT "document_blobs_upload_id_check" CHECK ("upload_id" IS NULL OR "storage" = 's3');
