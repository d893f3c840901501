-- CreateEnum
CREATE TYPE "agenda_proposal_status" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "minutes_sign_off_response" AS ENUM ('CONCURRED', 'COMMENTED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "notice_kind" ADD VALUE 'PAPER_REQUESTED';
ALTER TYPE "notice_kind" ADD VALUE 'AGENDA_PROPOSAL';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "notification_kind" ADD VALUE 'PAPER_REQUESTED';
ALTER TYPE "notification_kind" ADD VALUE 'MINUTES_SIGN_OFF';
ALTER TYPE "notification_kind" ADD VALUE 'PROPOSAL_ACCEPTED';
ALTER TYPE "notification_kind" ADD VALUE 'PROPOSAL_DECLINED';

-- CreateTable
CREATE TABLE "agenda_proposals" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "proposer_id" UUID NOT NULL,
    "department_id" UUID,
    "title_en" VARCHAR(300) NOT NULL,
    "title_fr" VARCHAR(300) NOT NULL,
    "kind" "agenda_item_kind" NOT NULL,
    "minutes" INTEGER NOT NULL,
    "initiative_id" UUID,
    "rationale" TEXT NOT NULL,
    "status" "agenda_proposal_status" NOT NULL DEFAULT 'PENDING',
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decline_reason" VARCHAR(1000),
    "agenda_item_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agenda_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "minutes_circulations" (
    "id" UUID NOT NULL,
    "minutes_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "due_date" DATE NOT NULL,
    "circulated_by_id" UUID NOT NULL,
    "circulated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "minutes_circulations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "minutes_sign_offs" (
    "id" UUID NOT NULL,
    "circulation_id" UUID NOT NULL,
    "department_id" UUID NOT NULL,
    "response" "minutes_sign_off_response" NOT NULL,
    "comments" TEXT,
    "responded_by_id" UUID NOT NULL,
    "responded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "minutes_sign_offs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agenda_proposals_agenda_item_id_key" ON "agenda_proposals"("agenda_item_id");

-- CreateIndex
CREATE INDEX "agenda_proposals_meeting_id_status_idx" ON "agenda_proposals"("meeting_id", "status");

-- CreateIndex
CREATE INDEX "agenda_proposals_proposer_id_created_at_idx" ON "agenda_proposals"("proposer_id", "created_at");

-- CreateIndex
CREATE INDEX "agenda_proposals_department_id_idx" ON "agenda_proposals"("department_id");

-- CreateIndex
CREATE INDEX "agenda_proposals_initiative_id_idx" ON "agenda_proposals"("initiative_id");

-- CreateIndex
CREATE INDEX "agenda_proposals_decided_by_id_idx" ON "agenda_proposals"("decided_by_id");

-- CreateIndex
CREATE INDEX "minutes_circulations_circulated_by_id_idx" ON "minutes_circulations"("circulated_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "minutes_circulations_minutes_id_round_key" ON "minutes_circulations"("minutes_id", "round");

-- CreateIndex
CREATE INDEX "minutes_sign_offs_department_id_idx" ON "minutes_sign_offs"("department_id");

-- CreateIndex
CREATE INDEX "minutes_sign_offs_responded_by_id_idx" ON "minutes_sign_offs"("responded_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "minutes_sign_offs_circulation_id_department_id_key" ON "minutes_sign_offs"("circulation_id", "department_id");

-- Hand-written (collab2, issue 22.3–22.4) ---------------------------------------------------------------------

-- Foreign keys (plain uuid columns in the Prisma schema, as documents do). Nothing is deleted: RESTRICT.
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT;
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_proposer_id_fkey" FOREIGN KEY ("proposer_id") REFERENCES "users"("id") ON DELETE RESTRICT;
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT;
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE RESTRICT;
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT;
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT;
ALTER TABLE "minutes_circulations" ADD CONSTRAINT "minutes_circulations_minutes_id_fkey" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE RESTRICT;
ALTER TABLE "minutes_circulations" ADD CONSTRAINT "minutes_circulations_circulated_by_id_fkey" FOREIGN KEY ("circulated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT;
ALTER TABLE "minutes_sign_offs" ADD CONSTRAINT "minutes_sign_offs_circulation_id_fkey" FOREIGN KEY ("circulation_id") REFERENCES "minutes_circulations"("id") ON DELETE RESTRICT;
ALTER TABLE "minutes_sign_offs" ADD CONSTRAINT "minutes_sign_offs_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT;
ALTER TABLE "minutes_sign_offs" ADD CONSTRAINT "minutes_sign_offs_responded_by_id_fkey" FOREIGN KEY ("responded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT;

-- A proposal: a title in at least one language, 1–600 minutes, a reason of 1–2,000 characters; decided ones say
-- by whom and when, an accepted one names its agenda item, a declined one its reason.
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_title" CHECK (btrim("title_en") <> '' OR btrim("title_fr") <> '');
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_minutes_range" CHECK ("minutes" BETWEEN 1 AND 600);
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_rationale_length" CHECK (char_length("rationale") BETWEEN 1 AND 2000);
ALTER TABLE "agenda_proposals" ADD CONSTRAINT "agenda_proposals_decided" CHECK (
  ("status" = 'PENDING' AND "decided_at" IS NULL AND "decided_by_id" IS NULL AND "agenda_item_id" IS NULL AND "decline_reason" IS NULL)
  OR ("status" = 'ACCEPTED' AND "decided_at" IS NOT NULL AND "decided_by_id" IS NOT NULL AND "agenda_item_id" IS NOT NULL AND "decline_reason" IS NULL)
  OR ("status" = 'DECLINED' AND "decided_at" IS NOT NULL AND "decided_by_id" IS NOT NULL AND "agenda_item_id" IS NULL AND btrim(coalesce("decline_reason", '')) <> '')
);

-- Rounds count from 1; comments are required with COMMENTED (at most 5,000 characters), none with CONCURRED.
ALTER TABLE "minutes_circulations" ADD CONSTRAINT "minutes_circulations_round_positive" CHECK ("round" >= 1);
ALTER TABLE "minutes_sign_offs" ADD CONSTRAINT "minutes_sign_offs_comments" CHECK (
  ("response" = 'CONCURRED' AND "comments" IS NULL)
  OR ("response" = 'COMMENTED' AND char_length(btrim(coalesce("comments", ''))) BETWEEN 1 AND 5000)
);
ALTER TABLE "minutes_sign_offs" ADD CONSTRAINT "minutes_sign_offs_comments_length" CHECK (char_length("comments") <= 5000);
