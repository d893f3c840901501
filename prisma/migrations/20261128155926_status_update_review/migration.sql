-- AlterTable
ALTER TABLE "status_updates" ADD COLUMN     "reviewed_at" TIMESTAMPTZ(3),
ADD COLUMN     "reviewed_by_id" UUID;

-- CreateIndex
CREATE INDEX "status_updates_reviewed_by_id_idx" ON "status_updates"("reviewed_by_id");

-- AddForeignKey
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A review records both who and when, or neither.
ALTER TABLE "status_updates"
  ADD CONSTRAINT "status_updates_review_check" CHECK (("reviewed_at" IS NULL) = ("reviewed_by_id" IS NULL));
