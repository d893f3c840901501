-- Agenda items are removed by setting deleted_at, never deleted (the project's rule); `version` guards the edit form.

-- The deferrable UNIQUE (meeting_id, position) of the init migration is a constraint, not a bare index: drop it
-- as one. It is replaced below by a partial one that ignores removed items.
ALTER TABLE "agenda_items" DROP CONSTRAINT "agenda_items_meeting_id_position_key";

-- AlterTable
ALTER TABLE "agenda_items" ADD COLUMN     "deleted_at" TIMESTAMPTZ(3),
ADD COLUMN     "deleted_by_id" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "agenda_items_meeting_id_position_idx" ON "agenda_items"("meeting_id", "position");

-- CreateIndex
CREATE INDEX "agenda_items_deleted_by_id_idx" ON "agenda_items"("deleted_by_id");

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_deleted_by_id_fkey" FOREIGN KEY ("deleted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Positions are unique among the items still on the agenda (a removed item keeps the position it had, for the
-- record). A partial unique *index* cannot be deferred, and reordering writes one position at a time (swapping 2
-- and 3 passes through a duplicate), so this is an exclusion constraint with the same meaning (= on both
-- columns), restricted to live items and checked at COMMIT.
ALTER TABLE "agenda_items"
  ADD CONSTRAINT "agenda_items_live_position_key"
  EXCLUDE USING btree ("meeting_id" WITH =, "position" WITH =) WHERE ("deleted_at" IS NULL)
  DEFERRABLE INITIALLY DEFERRED;

-- A removed item says who removed it; an item on the agenda names nobody. Versions start at 1.
ALTER TABLE "agenda_items"
  ADD CONSTRAINT "agenda_items_deleted_check" CHECK (("deleted_at" IS NULL) = ("deleted_by_id" IS NULL)),
  ADD CONSTRAINT "agenda_items_version_check" CHECK ("version" >= 1);
