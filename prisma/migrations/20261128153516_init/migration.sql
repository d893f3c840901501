-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- ============================================================================================================
-- Hand-written (before the generated tables, which use citext): extensions.
-- citext gives case-insensitive e-mails and acronyms; unaccent makes full-text search accent-insensitive.
-- Both are "trusted" extensions since PostgreSQL 13, so a database owner may create them on a managed server.
-- ============================================================================================================
CREATE EXTENSION IF NOT EXISTS "citext" WITH SCHEMA "public";
CREATE EXTENSION IF NOT EXISTS "unaccent" WITH SCHEMA "public";

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('ADMIN', 'COORDINATOR', 'DEPARTMENT_REP', 'EXECUTIVE');

-- CreateEnum
CREATE TYPE "language" AS ENUM ('en', 'fr');

-- CreateEnum
CREATE TYPE "health" AS ENUM ('GREEN', 'AMBER', 'RED');

-- CreateEnum
CREATE TYPE "lifecycle_status" AS ENUM ('PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "action_item_status" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "agenda_status" AS ENUM ('DRAFT', 'PUBLISHED', 'HELD');

-- CreateEnum
CREATE TYPE "agenda_item_kind" AS ENUM ('DECISION', 'DISCUSSION', 'INFORMATION');

-- CreateEnum
CREATE TYPE "attendance_status" AS ENUM ('DELEGATE', 'ALTERNATE', 'ABSENT');

-- CreateEnum
CREATE TYPE "minutes_status" AS ENUM ('DRAFT', 'CIRCULATED', 'APPROVED');

-- CreateEnum
CREATE TYPE "update_call_status" AS ENUM ('OPEN', 'CLOSED');

-- CreateTable
CREATE TABLE "departments" (
    "id" UUID NOT NULL,
    "acronym_en" CITEXT NOT NULL,
    "acronym_fr" CITEXT NOT NULL,
    "name_en" VARCHAR(200) NOT NULL,
    "name_fr" VARCHAR(200) NOT NULL,
    "is_chair" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "departments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pillars" (
    "id" UUID NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name_en" VARCHAR(100) NOT NULL,
    "name_fr" VARCHAR(100) NOT NULL,
    "description_en" TEXT NOT NULL,
    "description_fr" TEXT NOT NULL,
    "colour" VARCHAR(7) NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pillars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" VARCHAR(100) NOT NULL,
    "value" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" CITEXT NOT NULL,
    "display_name" VARCHAR(120) NOT NULL,
    "role" "user_role" NOT NULL,
    "department_id" UUID,
    "preferred_language" "language" NOT NULL DEFAULT 'en',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "password_hash" VARCHAR(255),
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "failed_sign_in_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_sign_in_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempts" (
    "id" UUID NOT NULL,
    "email" CITEXT,
    "ip" VARCHAR(64) NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "initiatives" (
    "id" UUID NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "title_en" VARCHAR(300) NOT NULL,
    "title_fr" VARCHAR(300) NOT NULL,
    "summary_en" TEXT,
    "summary_fr" TEXT,
    "lead_department_id" UUID NOT NULL,
    "primary_pillar_id" UUID NOT NULL,
    "status" "lifecycle_status" NOT NULL DEFAULT 'PLANNED',
    "health" "health",
    "progress" INTEGER NOT NULL DEFAULT 0,
    "start_date" DATE,
    "target_end_date" DATE,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "last_updated_at" TIMESTAMPTZ(3),
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "search_vector" tsvector,

    CONSTRAINT "initiatives_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "initiative_partners" (
    "initiative_id" UUID NOT NULL,
    "department_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "initiative_partners_pkey" PRIMARY KEY ("initiative_id","department_id")
);

-- CreateTable
CREATE TABLE "initiative_pillars" (
    "initiative_id" UUID NOT NULL,
    "pillar_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "initiative_pillars_pkey" PRIMARY KEY ("initiative_id","pillar_id")
);

-- CreateTable
CREATE TABLE "status_updates" (
    "id" UUID NOT NULL,
    "initiative_id" UUID NOT NULL,
    "author_id" UUID,
    "update_call_id" UUID,
    "reporting_period" VARCHAR(20) NOT NULL,
    "health" "health" NOT NULL,
    "progress" INTEGER NOT NULL,
    "narrative_en" TEXT,
    "narrative_fr" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_updates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestones" (
    "id" UUID NOT NULL,
    "initiative_id" UUID NOT NULL,
    "title_en" VARCHAR(300) NOT NULL,
    "title_fr" VARCHAR(300) NOT NULL,
    "due_date" DATE,
    "completed_date" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "milestones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "funding_lines" (
    "id" UUID NOT NULL,
    "initiative_id" UUID NOT NULL,
    "source" VARCHAR(200) NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "allocated_cents" BIGINT NOT NULL DEFAULT 0,
    "spent_cents" BIGINT NOT NULL DEFAULT 0,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "funding_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_items" (
    "id" UUID NOT NULL,
    "title_en" VARCHAR(300) NOT NULL,
    "title_fr" VARCHAR(300) NOT NULL,
    "details_en" TEXT,
    "details_fr" TEXT,
    "owner_department_id" UUID NOT NULL,
    "assignee_id" UUID,
    "initiative_id" UUID,
    "meeting_id" UUID,
    "agenda_item_id" UUID,
    "due_date" DATE NOT NULL,
    "status" "action_item_status" NOT NULL DEFAULT 'OPEN',
    "completion_note" TEXT,
    "completed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "update_calls" (
    "id" UUID NOT NULL,
    "reporting_period" VARCHAR(20) NOT NULL,
    "due_date" DATE NOT NULL,
    "status" "update_call_status" NOT NULL DEFAULT 'OPEN',
    "message_en" TEXT,
    "message_fr" TEXT,
    "created_by_id" UUID,
    "closed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "update_calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "update_call_initiatives" (
    "update_call_id" UUID NOT NULL,
    "initiative_id" UUID NOT NULL,

    CONSTRAINT "update_call_initiatives_pkey" PRIMARY KEY ("update_call_id","initiative_id")
);

-- CreateTable
CREATE TABLE "meetings" (
    "id" UUID NOT NULL,
    "sequence_number" INTEGER NOT NULL,
    "title_en" VARCHAR(300) NOT NULL,
    "title_fr" VARCHAR(300) NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "location" VARCHAR(300),
    "video_url" VARCHAR(2000),
    "agenda_status" "agenda_status" NOT NULL DEFAULT 'DRAFT',
    "published_at" TIMESTAMPTZ(3),
    "ics_sequence" INTEGER NOT NULL DEFAULT 0,
    "quorum_met" BOOLEAN,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_attendance" (
    "meeting_id" UUID NOT NULL,
    "department_id" UUID NOT NULL,
    "status" "attendance_status" NOT NULL,
    "delegate_name" VARCHAR(120),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_attendance_pkey" PRIMARY KEY ("meeting_id","department_id")
);

-- CreateTable
CREATE TABLE "agenda_items" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title_en" VARCHAR(300) NOT NULL,
    "title_fr" VARCHAR(300) NOT NULL,
    "kind" "agenda_item_kind" NOT NULL DEFAULT 'DISCUSSION',
    "minutes" INTEGER NOT NULL DEFAULT 10,
    "presenting_department_id" UUID,
    "initiative_id" UUID,
    "action_item_id" UUID,
    "outcome" TEXT,
    "deferred" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agenda_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decisions" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "text_en" TEXT NOT NULL,
    "text_fr" TEXT NOT NULL,
    "agenda_item_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision_initiatives" (
    "decision_id" UUID NOT NULL,
    "initiative_id" UUID NOT NULL,

    CONSTRAINT "decision_initiatives_pkey" PRIMARY KEY ("decision_id","initiative_id")
);

-- CreateTable
CREATE TABLE "minutes" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "body_en" TEXT,
    "body_fr" TEXT,
    "status" "minutes_status" NOT NULL DEFAULT 'DRAFT',
    "circulated_at" TIMESTAMPTZ(3),
    "approved_at" TIMESTAMPTZ(3),
    "approved_at_meeting_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "minutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "minutes_amendments" (
    "id" UUID NOT NULL,
    "minutes_id" UUID NOT NULL,
    "text_en" TEXT NOT NULL,
    "text_fr" TEXT NOT NULL,
    "author_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "minutes_amendments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "action" VARCHAR(100) NOT NULL,
    "entity_type" VARCHAR(60) NOT NULL,
    "entity_id" VARCHAR(100) NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "request_id" VARCHAR(100),
    "ip" VARCHAR(64),

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "departments_acronym_en_key" ON "departments"("acronym_en");

-- CreateIndex
CREATE UNIQUE INDEX "departments_acronym_fr_key" ON "departments"("acronym_fr");

-- CreateIndex
CREATE INDEX "departments_active_sort_order_idx" ON "departments"("active", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "pillars_code_key" ON "pillars"("code");

-- CreateIndex
CREATE INDEX "pillars_active_sort_order_idx" ON "pillars"("active", "sort_order");

-- CreateIndex
CREATE INDEX "settings_updated_by_id_idx" ON "settings"("updated_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_department_id_idx" ON "users"("department_id");

-- CreateIndex
CREATE INDEX "users_role_idx" ON "users"("role");

-- CreateIndex
CREATE INDEX "sign_in_attempts_ip_attempted_at_idx" ON "sign_in_attempts"("ip", "attempted_at");

-- CreateIndex
CREATE INDEX "sign_in_attempts_email_attempted_at_idx" ON "sign_in_attempts"("email", "attempted_at");

-- CreateIndex
CREATE INDEX "sign_in_attempts_attempted_at_idx" ON "sign_in_attempts"("attempted_at");

-- CreateIndex
CREATE UNIQUE INDEX "initiatives_code_key" ON "initiatives"("code");

-- CreateIndex
CREATE INDEX "initiatives_lead_department_id_idx" ON "initiatives"("lead_department_id");

-- CreateIndex
CREATE INDEX "initiatives_primary_pillar_id_idx" ON "initiatives"("primary_pillar_id");

-- CreateIndex
CREATE INDEX "initiatives_status_idx" ON "initiatives"("status");

-- CreateIndex
CREATE INDEX "initiatives_health_idx" ON "initiatives"("health");

-- CreateIndex
CREATE INDEX "initiatives_archived_at_idx" ON "initiatives"("archived_at");

-- CreateIndex
CREATE INDEX "initiatives_last_updated_at_idx" ON "initiatives"("last_updated_at");

-- CreateIndex
CREATE INDEX "initiative_partners_department_id_idx" ON "initiative_partners"("department_id");

-- CreateIndex
CREATE INDEX "initiative_pillars_pillar_id_idx" ON "initiative_pillars"("pillar_id");

-- CreateIndex
CREATE INDEX "status_updates_initiative_id_created_at_idx" ON "status_updates"("initiative_id", "created_at");

-- CreateIndex
CREATE INDEX "status_updates_author_id_idx" ON "status_updates"("author_id");

-- CreateIndex
CREATE INDEX "status_updates_update_call_id_idx" ON "status_updates"("update_call_id");

-- CreateIndex
CREATE INDEX "status_updates_reporting_period_idx" ON "status_updates"("reporting_period");

-- CreateIndex
CREATE INDEX "milestones_initiative_id_due_date_idx" ON "milestones"("initiative_id", "due_date");

-- CreateIndex
CREATE INDEX "funding_lines_initiative_id_idx" ON "funding_lines"("initiative_id");

-- CreateIndex
CREATE INDEX "funding_lines_fiscal_year_idx" ON "funding_lines"("fiscal_year");

-- CreateIndex
CREATE INDEX "action_items_owner_department_id_status_idx" ON "action_items"("owner_department_id", "status");

-- CreateIndex
CREATE INDEX "action_items_assignee_id_idx" ON "action_items"("assignee_id");

-- CreateIndex
CREATE INDEX "action_items_initiative_id_idx" ON "action_items"("initiative_id");

-- CreateIndex
CREATE INDEX "action_items_meeting_id_idx" ON "action_items"("meeting_id");

-- CreateIndex
CREATE INDEX "action_items_agenda_item_id_idx" ON "action_items"("agenda_item_id");

-- CreateIndex
CREATE INDEX "action_items_status_due_date_idx" ON "action_items"("status", "due_date");

-- CreateIndex
CREATE INDEX "update_calls_status_due_date_idx" ON "update_calls"("status", "due_date");

-- CreateIndex
CREATE INDEX "update_calls_reporting_period_idx" ON "update_calls"("reporting_period");

-- CreateIndex
CREATE INDEX "update_calls_created_by_id_idx" ON "update_calls"("created_by_id");

-- CreateIndex
CREATE INDEX "update_call_initiatives_initiative_id_idx" ON "update_call_initiatives"("initiative_id");

-- CreateIndex
CREATE UNIQUE INDEX "meetings_sequence_number_key" ON "meetings"("sequence_number");

-- CreateIndex
CREATE INDEX "meetings_starts_at_idx" ON "meetings"("starts_at");

-- CreateIndex
CREATE INDEX "meetings_agenda_status_idx" ON "meetings"("agenda_status");

-- CreateIndex
CREATE INDEX "meeting_attendance_department_id_idx" ON "meeting_attendance"("department_id");

-- CreateIndex
CREATE INDEX "agenda_items_presenting_department_id_idx" ON "agenda_items"("presenting_department_id");

-- CreateIndex
CREATE INDEX "agenda_items_initiative_id_idx" ON "agenda_items"("initiative_id");

-- CreateIndex
CREATE INDEX "agenda_items_action_item_id_idx" ON "agenda_items"("action_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "agenda_items_meeting_id_position_key" ON "agenda_items"("meeting_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "decisions_number_key" ON "decisions"("number");

-- CreateIndex
CREATE INDEX "decisions_meeting_id_idx" ON "decisions"("meeting_id");

-- CreateIndex
CREATE INDEX "decisions_agenda_item_id_idx" ON "decisions"("agenda_item_id");

-- CreateIndex
CREATE INDEX "decision_initiatives_initiative_id_idx" ON "decision_initiatives"("initiative_id");

-- CreateIndex
CREATE UNIQUE INDEX "minutes_meeting_id_key" ON "minutes"("meeting_id");

-- CreateIndex
CREATE INDEX "minutes_approved_at_meeting_id_idx" ON "minutes"("approved_at_meeting_id");

-- CreateIndex
CREATE INDEX "minutes_status_idx" ON "minutes"("status");

-- CreateIndex
CREATE INDEX "minutes_amendments_minutes_id_created_at_idx" ON "minutes_amendments"("minutes_id", "created_at");

-- CreateIndex
CREATE INDEX "minutes_amendments_author_id_idx" ON "minutes_amendments"("author_id");

-- CreateIndex
CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events"("occurred_at");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_occurred_at_idx" ON "audit_events"("entity_type", "entity_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_occurred_at_idx" ON "audit_events"("actor_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_events_action_occurred_at_idx" ON "audit_events"("action", "occurred_at");

-- AddForeignKey
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_lead_department_id_fkey" FOREIGN KEY ("lead_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_primary_pillar_id_fkey" FOREIGN KEY ("primary_pillar_id") REFERENCES "pillars"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_partners" ADD CONSTRAINT "initiative_partners_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_partners" ADD CONSTRAINT "initiative_partners_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_pillars" ADD CONSTRAINT "initiative_pillars_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_pillars" ADD CONSTRAINT "initiative_pillars_pillar_id_fkey" FOREIGN KEY ("pillar_id") REFERENCES "pillars"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_update_call_id_fkey" FOREIGN KEY ("update_call_id") REFERENCES "update_calls"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_department_id_fkey" FOREIGN KEY ("owner_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "update_calls" ADD CONSTRAINT "update_calls_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "update_call_initiatives" ADD CONSTRAINT "update_call_initiatives_update_call_id_fkey" FOREIGN KEY ("update_call_id") REFERENCES "update_calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "update_call_initiatives" ADD CONSTRAINT "update_call_initiatives_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_presenting_department_id_fkey" FOREIGN KEY ("presenting_department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_action_item_id_fkey" FOREIGN KEY ("action_item_id") REFERENCES "action_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_initiatives" ADD CONSTRAINT "decision_initiatives_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_initiatives" ADD CONSTRAINT "decision_initiatives_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_approved_at_meeting_id_fkey" FOREIGN KEY ("approved_at_meeting_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes_amendments" ADD CONSTRAINT "minutes_amendments_minutes_id_fkey" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes_amendments" ADD CONSTRAINT "minutes_amendments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ============================================================================================================
-- Hand-written from here on: what Prisma's schema language cannot express. Each block says why it exists.
-- Helper: "not blank" means at least one non-space character, so a title of spaces is refused like an empty one.
-- ============================================================================================================

-- Departments: names present; acronyms short (citext has no length, so the limit is a CHECK). Uniqueness of each
-- acronym is the case-insensitive unique index above (citext).
ALTER TABLE "departments"
  ADD CONSTRAINT "departments_acronym_en_check" CHECK (char_length("acronym_en") BETWEEN 1 AND 20 AND btrim("acronym_en") <> ''),
  ADD CONSTRAINT "departments_acronym_fr_check" CHECK (char_length("acronym_fr") BETWEEN 1 AND 20 AND btrim("acronym_fr") <> ''),
  ADD CONSTRAINT "departments_names_check" CHECK (btrim("name_en") <> '' AND btrim("name_fr") <> ''),
  ADD CONSTRAINT "departments_version_check" CHECK ("version" >= 1);

-- Pillars: the code appears in URLs (/dashboard/pillars/PREVENTION); the colour is drawn on dashboards as #RRGGBB.
ALTER TABLE "pillars"
  ADD CONSTRAINT "pillars_code_check" CHECK ("code" ~ '^[A-Z][A-Z0-9_]*$'),
  ADD CONSTRAINT "pillars_names_check" CHECK (btrim("name_en") <> '' AND btrim("name_fr") <> ''),
  ADD CONSTRAINT "pillars_descriptions_length_check" CHECK (char_length("description_en") <= 2000 AND char_length("description_fr") <= 2000),
  ADD CONSTRAINT "pillars_colour_check" CHECK ("colour" ~ '^#[0-9A-Fa-f]{6}$'),
  ADD CONSTRAINT "pillars_version_check" CHECK ("version" >= 1);

ALTER TABLE "settings"
  ADD CONSTRAINT "settings_key_check" CHECK ("key" ~ '^[A-Za-z][A-Za-z0-9_.]*$'),
  ADD CONSTRAINT "settings_version_check" CHECK ("version" >= 1);

-- Users: the e-mail is unique case-insensitively (citext unique index above) and looks like an address; a
-- department representative must belong to a department (the access policy depends on it).
ALTER TABLE "users"
  ADD CONSTRAINT "users_email_check" CHECK (char_length("email") <= 254 AND "email" ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  ADD CONSTRAINT "users_display_name_check" CHECK (btrim("display_name") <> ''),
  ADD CONSTRAINT "users_department_required_for_rep_check" CHECK ("role" <> 'DEPARTMENT_REP' OR "department_id" IS NOT NULL),
  ADD CONSTRAINT "users_failed_sign_in_count_check" CHECK ("failed_sign_in_count" >= 0),
  ADD CONSTRAINT "users_version_check" CHECK ("version" >= 1);

ALTER TABLE "sign_in_attempts"
  ADD CONSTRAINT "sign_in_attempts_email_length_check" CHECK (char_length("email") <= 254);

-- Initiatives: progress is a percentage; long texts are bounded; an end date cannot precede the start.
ALTER TABLE "initiatives"
  ADD CONSTRAINT "initiatives_code_check" CHECK ("code" ~ '^[A-Z0-9][A-Z0-9-]*$'),
  ADD CONSTRAINT "initiatives_titles_check" CHECK (btrim("title_en") <> '' AND btrim("title_fr") <> ''),
  ADD CONSTRAINT "initiatives_summaries_length_check" CHECK (char_length("summary_en") <= 4000 AND char_length("summary_fr") <= 4000),
  ADD CONSTRAINT "initiatives_notes_length_check" CHECK (char_length("notes") <= 4000),
  ADD CONSTRAINT "initiatives_progress_check" CHECK ("progress" BETWEEN 0 AND 100),
  ADD CONSTRAINT "initiatives_dates_check" CHECK ("target_end_date" >= "start_date"),
  ADD CONSTRAINT "initiatives_version_check" CHECK ("version" >= 1);

-- Status updates and calls for updates name a fiscal-year quarter, "2007-08 Q2": dashboards group trends by it.
ALTER TABLE "status_updates"
  ADD CONSTRAINT "status_updates_reporting_period_check" CHECK ("reporting_period" ~ '^[0-9]{4}-[0-9]{2} Q[1-4]$'),
  ADD CONSTRAINT "status_updates_progress_check" CHECK ("progress" BETWEEN 0 AND 100),
  ADD CONSTRAINT "status_updates_narratives_length_check" CHECK (char_length("narrative_en") <= 8000 AND char_length("narrative_fr") <= 8000);

ALTER TABLE "update_calls"
  ADD CONSTRAINT "update_calls_reporting_period_check" CHECK ("reporting_period" ~ '^[0-9]{4}-[0-9]{2} Q[1-4]$'),
  ADD CONSTRAINT "update_calls_messages_length_check" CHECK (char_length("message_en") <= 4000 AND char_length("message_fr") <= 4000),
  ADD CONSTRAINT "update_calls_version_check" CHECK ("version" >= 1);

ALTER TABLE "milestones"
  ADD CONSTRAINT "milestones_titles_check" CHECK (btrim("title_en") <> '' AND btrim("title_fr") <> ''),
  ADD CONSTRAINT "milestones_version_check" CHECK ("version" >= 1);

-- Funding: amounts in cents are never negative; a fiscal year is its starting calendar year.
ALTER TABLE "funding_lines"
  ADD CONSTRAINT "funding_lines_source_check" CHECK (btrim("source") <> ''),
  ADD CONSTRAINT "funding_lines_fiscal_year_check" CHECK ("fiscal_year" BETWEEN 1900 AND 2200),
  ADD CONSTRAINT "funding_lines_allocated_cents_check" CHECK ("allocated_cents" >= 0),
  ADD CONSTRAINT "funding_lines_spent_cents_check" CHECK ("spent_cents" >= 0),
  ADD CONSTRAINT "funding_lines_notes_length_check" CHECK (char_length("notes") <= 2000),
  ADD CONSTRAINT "funding_lines_version_check" CHECK ("version" >= 1);

-- One row per source per fiscal year and initiative ("$6 million per year" is one row per year). Partial, so a
-- deleted row does not block re-entering it; case-insensitive on the source, which people type.
CREATE UNIQUE INDEX "funding_lines_initiative_source_fiscal_year_key"
  ON "funding_lines" ("initiative_id", lower("source"), "fiscal_year")
  WHERE "deleted_at" IS NULL;

-- Action items: a DONE item records when it was done.
ALTER TABLE "action_items"
  ADD CONSTRAINT "action_items_titles_check" CHECK (btrim("title_en") <> '' AND btrim("title_fr") <> ''),
  ADD CONSTRAINT "action_items_details_length_check" CHECK (char_length("details_en") <= 4000 AND char_length("details_fr") <= 4000),
  ADD CONSTRAINT "action_items_completion_note_length_check" CHECK (char_length("completion_note") <= 2000),
  ADD CONSTRAINT "action_items_done_has_completed_at_check" CHECK ("status" <> 'DONE' OR "completed_at" IS NOT NULL),
  ADD CONSTRAINT "action_items_version_check" CHECK ("version" >= 1);

-- Meetings: a meeting ends after it starts; a video link is a web address.
ALTER TABLE "meetings"
  ADD CONSTRAINT "meetings_sequence_number_check" CHECK ("sequence_number" >= 1),
  ADD CONSTRAINT "meetings_titles_check" CHECK (btrim("title_en") <> '' AND btrim("title_fr") <> ''),
  ADD CONSTRAINT "meetings_ends_after_start_check" CHECK ("ends_at" > "starts_at"),
  ADD CONSTRAINT "meetings_video_url_check" CHECK ("video_url" ~ '^https?://'),
  ADD CONSTRAINT "meetings_ics_sequence_check" CHECK ("ics_sequence" >= 0),
  ADD CONSTRAINT "meetings_version_check" CHECK ("version" >= 1);

ALTER TABLE "meeting_attendance"
  ADD CONSTRAINT "meeting_attendance_delegate_name_check" CHECK (btrim("delegate_name") <> '');

-- Agenda items: minutes allotted are never negative (at most a working day).
ALTER TABLE "agenda_items"
  ADD CONSTRAINT "agenda_items_position_check" CHECK ("position" >= 0),
  ADD CONSTRAINT "agenda_items_minutes_check" CHECK ("minutes" BETWEEN 0 AND 600),
  ADD CONSTRAINT "agenda_items_titles_check" CHECK (btrim("title_en") <> '' AND btrim("title_fr") <> ''),
  ADD CONSTRAINT "agenda_items_outcome_length_check" CHECK (char_length("outcome") <= 4000);

-- Agenda positions are unique per meeting, checked at COMMIT rather than per statement, so that reordering
-- (swapping positions 2 and 3) works inside one transaction. A unique *index* cannot be deferred, so the index
-- Prisma generated for @@unique([meetingId, position]) is replaced by a constraint of the same name.
DROP INDEX "agenda_items_meeting_id_position_key";
ALTER TABLE "agenda_items"
  ADD CONSTRAINT "agenda_items_meeting_id_position_key" UNIQUE ("meeting_id", "position") DEFERRABLE INITIALLY DEFERRED;

-- Decisions are numbered per meeting: "2007-09-D1".
ALTER TABLE "decisions"
  ADD CONSTRAINT "decisions_number_check" CHECK ("number" ~ '^[0-9]{4}-[0-9]{2}-D[0-9]+$'),
  ADD CONSTRAINT "decisions_texts_check" CHECK (btrim("text_en") <> '' AND btrim("text_fr") <> '' AND char_length("text_en") <= 4000 AND char_length("text_fr") <= 4000),
  ADD CONSTRAINT "decisions_version_check" CHECK ("version" >= 1);

-- Minutes: approved minutes say when they were approved.
ALTER TABLE "minutes"
  ADD CONSTRAINT "minutes_bodies_length_check" CHECK (char_length("body_en") <= 100000 AND char_length("body_fr") <= 100000),
  ADD CONSTRAINT "minutes_approved_has_approved_at_check" CHECK ("status" <> 'APPROVED' OR "approved_at" IS NOT NULL),
  ADD CONSTRAINT "minutes_version_check" CHECK ("version" >= 1);

ALTER TABLE "minutes_amendments"
  ADD CONSTRAINT "minutes_amendments_texts_check" CHECK (btrim("text_en") <> '' AND btrim("text_fr") <> '' AND char_length("text_en") <= 4000 AND char_length("text_fr") <= 4000);

-- Approved minutes are the record: they are locked. Their text, status and approval can no longer change and
-- they cannot be deleted; a correction is a new row in minutes_amendments.
CREATE FUNCTION "minutes_refuse_change_after_approval"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'approved minutes cannot be deleted (minutes %)', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.body_en IS DISTINCT FROM OLD.body_en OR NEW.body_fr IS DISTINCT FROM OLD.body_fr
     OR NEW.status IS DISTINCT FROM OLD.status OR NEW.meeting_id IS DISTINCT FROM OLD.meeting_id
     OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
     OR NEW.approved_at_meeting_id IS DISTINCT FROM OLD.approved_at_meeting_id THEN
    RAISE EXCEPTION 'approved minutes are locked; record a correction as an amendment (minutes %)', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "minutes_locked_after_approval"
  BEFORE UPDATE OR DELETE ON "minutes"
  FOR EACH ROW WHEN (OLD.status = 'APPROVED')
  EXECUTE FUNCTION "minutes_refuse_change_after_approval"();

-- The audit log is append-only: every UPDATE and DELETE is refused, whoever asks. (TRUNCATE is left to the
-- database owner, for resetting a test database.)
ALTER TABLE "audit_events"
  ADD CONSTRAINT "audit_events_action_check" CHECK (btrim("action") <> ''),
  ADD CONSTRAINT "audit_events_entity_check" CHECK (btrim("entity_type") <> '' AND btrim("entity_id") <> '');

CREATE FUNCTION "audit_events_refuse_change"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_refuse_change"();

-- Full-text search over initiatives, in both languages and regardless of accents ("traite" finds "Traité").
-- unaccent() is only STABLE (it reads a dictionary chosen by search_path), so a generated column cannot call it;
-- this wrapper names the dictionary explicitly, which makes it safe to declare IMMUTABLE.
CREATE FUNCTION "immutable_unaccent"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, input) $$;

-- English fields are stemmed as English, French fields as French; titles (and the code) weigh more than
-- summaries. The column Prisma created for the Unsupported("tsvector") field is replaced by a generated one.
ALTER TABLE "initiatives" DROP COLUMN "search_vector";
ALTER TABLE "initiatives" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, "code"), 'A')
  || setweight(to_tsvector('english'::regconfig, public.immutable_unaccent("title_en")), 'A')
  || setweight(to_tsvector('french'::regconfig, public.immutable_unaccent("title_fr")), 'A')
  || setweight(to_tsvector('english'::regconfig, public.immutable_unaccent(coalesce("summary_en", ''))), 'B')
  || setweight(to_tsvector('french'::regconfig, public.immutable_unaccent(coalesce("summary_fr", ''))), 'B')
) STORED;
CREATE INDEX "initiatives_search_vector_idx" ON "initiatives" USING GIN ("search_vector");

-- The matching query, so that callers need not repeat the recipe: a search typed in either language, with or
-- without accents, in web-search syntax ("quoted phrase", -excluded, or). Use:
--   WHERE search_vector @@ initiative_search_query($1)  ORDER BY ts_rank(search_vector, initiative_search_query($1)) DESC
CREATE FUNCTION "initiative_search_query"(search text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT websearch_to_tsquery('english'::regconfig, public.immutable_unaccent(search))
        || websearch_to_tsquery('french'::regconfig, public.immutable_unaccent(search))
        || websearch_to_tsquery('simple'::regconfig, public.immutable_unaccent(search))
  $$;
