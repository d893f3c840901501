-- CreateTable
CREATE TABLE "data_versions" (
    "name" VARCHAR(40) NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "data_versions_pkey" PRIMARY KEY ("name")
);

-- Issue 23: the version of the portfolio's data (what the dashboard and the pillar pages draw), bumped once per
-- transaction that changes a row of any of its tables, in that transaction: a reader sees the new version exactly
-- when it sees the change. Row triggers, so a statement that changes no row (a refused or replayed one-statement
-- command) bumps nothing; a transaction-local setting makes it one UPDATE per transaction, not one per row.
-- Deferred to the commit: the version row is the last row a transaction locks, so two writers can wait on it only
-- one after the other at commit, never in a cycle with the rows they change (no deadlock), and it is held for the
-- commit only. The dashboard_* roll-ups are written only by the row triggers of these same tables.
INSERT INTO data_versions (name, version) VALUES ('portfolio', 1);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('portal.data_version_bumped_' || TG_ARGV[0], true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE data_versions SET version = version + 1 WHERE name = TG_ARGV[0];
    PERFORM set_config('portal.data_version_bumped_' || TG_ARGV[0], txid_current()::text, true);
  END IF;
  RETURN NULL;
END;
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['initiatives', 'status_updates', 'funding_lines', 'action_items', 'meetings', 'pillars', 'departments', 'settings'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER data_version_%s AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version(%L)', t, t, 'portfolio');
    EXECUTE format('CREATE TRIGGER data_version_%s_truncate AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version(%L)', t, t, 'portfolio');
  END LOOP;
END;
$$;
