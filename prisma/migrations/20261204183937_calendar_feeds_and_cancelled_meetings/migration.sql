-- AlterTable
ALTER TABLE "meetings" ADD COLUMN     "cancellation_reason" VARCHAR(1000),
ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "calendar_feeds" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_fetched_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds"("token_hash");

-- CreateIndex
CREATE INDEX "calendar_feeds_user_id_idx" ON "calendar_feeds"("user_id");

-- AddForeignKey
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One open feed per person: creating a new address revokes the old one in the same transaction.
CREATE UNIQUE INDEX "calendar_feeds_one_open_per_user" ON "calendar_feeds" ("user_id") WHERE "revoked_at" IS NULL;

-- A cancelled meeting says why.
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_cancellation_reason" CHECK ("cancelled_at" IS NULL OR char_length(btrim("cancellation_reason")) > 0);
