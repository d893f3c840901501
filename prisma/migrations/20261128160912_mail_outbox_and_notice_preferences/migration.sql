-- CreateEnum
CREATE TYPE "notice_kind" AS ENUM ('UPDATE_CALL_OPENED', 'UPDATE_CALL_REMINDER', 'ACTION_ITEM_ASSIGNED', 'OVERDUE_DIGEST', 'AGENDA', 'MINUTES_CIRCULATED');

-- CreateEnum
CREATE TYPE "mail_status" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "notice_preferences" (
    "user_id" UUID NOT NULL,
    "kind" "notice_kind" NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notice_preferences_pkey" PRIMARY KEY ("user_id","kind")
);

-- CreateTable
CREATE TABLE "outbound_messages" (
    "id" UUID NOT NULL,
    "dedupe_key" VARCHAR(300) NOT NULL,
    "kind" "notice_kind",
    "recipient_id" UUID,
    "to_address" VARCHAR(320) NOT NULL,
    "language" "language" NOT NULL,
    "subject" VARCHAR(500) NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT NOT NULL,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "status" "mail_status" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMPTZ(3),
    "claim_token" UUID,
    "last_error" TEXT,
    "failure_reason" VARCHAR(40),
    "smtp_message_id" VARCHAR(300),
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbound_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbound_messages_dedupe_key_key" ON "outbound_messages"("dedupe_key");

-- CreateIndex
CREATE INDEX "outbound_messages_status_next_attempt_at_idx" ON "outbound_messages"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbound_messages_recipient_id_idx" ON "outbound_messages"("recipient_id");

-- CreateIndex
CREATE INDEX "outbound_messages_created_at_idx" ON "outbound_messages"("created_at");

-- AddForeignKey
ALTER TABLE "notice_preferences" ADD CONSTRAINT "notice_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the outbox's states must stay consistent whichever worker writes them.
-- A message being sent has a lease (so a dead worker's claim expires); a failed one says why; a sent one says when.
ALTER TABLE "outbound_messages"
  ADD CONSTRAINT "outbound_messages_attempts_check" CHECK ("attempts" >= 0),
  ADD CONSTRAINT "outbound_messages_dedupe_key_check" CHECK (btrim("dedupe_key") <> ''),
  ADD CONSTRAINT "outbound_messages_to_address_check" CHECK (btrim("to_address") <> ''),
  ADD CONSTRAINT "outbound_messages_failure_reason_check"
    CHECK ("failure_reason" IS NULL OR "failure_reason" IN ('invalid_address', 'rejected', 'gave_up')),
  ADD CONSTRAINT "outbound_messages_sending_lease_check" CHECK ("status" <> 'SENDING' OR "lease_until" IS NOT NULL),
  ADD CONSTRAINT "outbound_messages_failed_reason_check" CHECK ("status" <> 'FAILED' OR "failure_reason" IS NOT NULL),
  ADD CONSTRAINT "outbound_messages_sent_at_check" CHECK ("status" <> 'SENT' OR "sent_at" IS NOT NULL);

-- The queue's hot path: due messages in order. A partial index stays small however many sent messages are kept.
CREATE INDEX "outbound_messages_due_idx" ON "outbound_messages" ("next_attempt_at")
  WHERE "status" IN ('QUEUED', 'SENDING');
