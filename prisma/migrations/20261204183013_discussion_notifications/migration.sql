-- CreateEnum
CREATE TYPE "notification_kind" AS ENUM ('MENTION', 'REPLY', 'COMMENT', 'ACTION_ITEM_ASSIGNED');

-- CreateTable
CREATE TABLE "comments" (
    "id" UUID NOT NULL,
    "initiative_id" UUID,
    "status_update_id" UUID,
    "agenda_item_id" UUID,
    "action_item_id" UUID,
    "indicator_id" UUID,
    "parent_id" UUID,
    "author_id" UUID NOT NULL,
    "language" "language" NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "edited_at" TIMESTAMPTZ(3),
    "hidden_at" TIMESTAMPTZ(3),
    "hidden_by_id" UUID,
    "hidden_reason" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment_edits" (
    "id" UUID NOT NULL,
    "comment_id" UUID NOT NULL,
    "editor_id" UUID NOT NULL,
    "language" "language" NOT NULL,
    "body" TEXT NOT NULL,
    "edited_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_edits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment_mentions" (
    "comment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "comment_mentions_pkey" PRIMARY KEY ("comment_id","user_id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "recipient_id" UUID NOT NULL,
    "kind" "notification_kind" NOT NULL,
    "actor_id" UUID,
    "comment_id" UUID,
    "href" VARCHAR(500) NOT NULL,
    "title_en" VARCHAR(400) NOT NULL,
    "title_fr" VARCHAR(400) NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follows" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "initiative_id" UUID,
    "meeting_id" UUID,
    "following" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follows_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "comments_initiative_id_created_at_idx" ON "comments"("initiative_id", "created_at");

-- CreateIndex
CREATE INDEX "comments_status_update_id_created_at_idx" ON "comments"("status_update_id", "created_at");

-- CreateIndex
CREATE INDEX "comments_agenda_item_id_created_at_idx" ON "comments"("agenda_item_id", "created_at");

-- CreateIndex
CREATE INDEX "comments_action_item_id_created_at_idx" ON "comments"("action_item_id", "created_at");

-- CreateIndex
CREATE INDEX "comments_indicator_id_created_at_idx" ON "comments"("indicator_id", "created_at");

-- CreateIndex
CREATE INDEX "comments_parent_id_idx" ON "comments"("parent_id");

-- CreateIndex
CREATE INDEX "comments_author_id_idx" ON "comments"("author_id");

-- CreateIndex
CREATE INDEX "comments_hidden_by_id_idx" ON "comments"("hidden_by_id");

-- CreateIndex
CREATE INDEX "comment_edits_comment_id_edited_at_idx" ON "comment_edits"("comment_id", "edited_at");

-- CreateIndex
CREATE INDEX "comment_edits_editor_id_idx" ON "comment_edits"("editor_id");

-- CreateIndex
CREATE INDEX "comment_mentions_user_id_idx" ON "comment_mentions"("user_id");

-- CreateIndex
CREATE INDEX "notifications_recipient_id_created_at_idx" ON "notifications"("recipient_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_actor_id_idx" ON "notifications"("actor_id");

-- CreateIndex
CREATE INDEX "notifications_comment_id_idx" ON "notifications"("comment_id");

-- CreateIndex
CREATE INDEX "follows_initiative_id_idx" ON "follows"("initiative_id");

-- CreateIndex
CREATE INDEX "follows_meeting_id_idx" ON "follows"("meeting_id");

-- CreateIndex
CREATE UNIQUE INDEX "follows_user_id_initiative_id_key" ON "follows"("user_id", "initiative_id");

-- CreateIndex
CREATE UNIQUE INDEX "follows_user_id_meeting_id_key" ON "follows"("user_id", "meeting_id");

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_status_update_id_fkey" FOREIGN KEY ("status_update_id") REFERENCES "status_updates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_action_item_id_fkey" FOREIGN KEY ("action_item_id") REFERENCES "action_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_hidden_by_id_fkey" FOREIGN KEY ("hidden_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_edits" ADD CONSTRAINT "comment_edits_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_edits" ADD CONSTRAINT "comment_edits_editor_id_fkey" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follows" ADD CONSTRAINT "follows_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follows" ADD CONSTRAINT "follows_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follows" ADD CONSTRAINT "follows_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (issue 22) -------------------------------------------------------------------------------------

-- A comment is about exactly one record, has text of 1 to 5,000 characters, and is hidden with a reason and by someone.
ALTER TABLE "comments" ADD CONSTRAINT "comments_one_subject" CHECK (num_nonnulls("initiative_id", "status_update_id", "agenda_item_id", "action_item_id", "indicator_id") = 1);
ALTER TABLE "comments" ADD CONSTRAINT "comments_body_length" CHECK (char_length("body") BETWEEN 1 AND 5000 AND btrim("body") <> '');
ALTER TABLE "comments" ADD CONSTRAINT "comments_hidden_complete" CHECK (("hidden_at" IS NULL AND "hidden_by_id" IS NULL AND "hidden_reason" IS NULL) OR ("hidden_at" IS NOT NULL AND "hidden_by_id" IS NOT NULL AND char_length(btrim("hidden_reason")) > 0));
ALTER TABLE "comments" ADD CONSTRAINT "comments_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id");
ALTER TABLE "comment_edits" ADD CONSTRAINT "comment_edits_body_length" CHECK (char_length("body") BETWEEN 1 AND 5000);

-- The header's unread count reads only this index.
CREATE INDEX "notifications_unread_idx" ON "notifications" ("recipient_id") WHERE "read_at" IS NULL;

-- A follow is of exactly one initiative or meeting.
ALTER TABLE "follows" ADD CONSTRAINT "follows_one_subject" CHECK (num_nonnulls("initiative_id", "meeting_id") = 1);
