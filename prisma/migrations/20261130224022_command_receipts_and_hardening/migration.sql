-- CreateTable
CREATE TABLE "command_receipts" (
    "actor_id" UUID NOT NULL,
    "command" VARCHAR(100) NOT NULL,
    "key" UUID NOT NULL,
    "result" JSONB,
    "request_id" VARCHAR(100),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "command_receipts_pkey" PRIMARY KEY ("actor_id","command","key")
);

-- CreateIndex
CREATE INDEX "command_receipts_created_at_idx" ON "command_receipts"("created_at");

-- AddForeignKey
ALTER TABLE "command_receipts" ADD CONSTRAINT "command_receipts_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log refuses TRUNCATE too (a statement-level trigger: row triggers never see it, and TRUNCATE of a
-- table that references it with CASCADE would empty it). The same function names the refused operation.
CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_refuse_change"();

-- Every text column has a length limit in the database (varchar(n), or a CHECK on char_length for text and
-- citext). The mail outbox was the last without: bodies are rendered from bounded fields; errors are cut at 1000.
ALTER TABLE "outbound_messages"
  ADD CONSTRAINT "outbound_messages_bodies_length_check" CHECK (char_length("text_body") <= 1000000 AND char_length("html_body") <= 1000000),
  ADD CONSTRAINT "outbound_messages_last_error_length_check" CHECK (char_length("last_error") <= 2000);
