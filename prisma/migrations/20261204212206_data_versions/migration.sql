-- CreateTable
CREATE TABLE "data_versions" (
    "name" VARCHAR(40) NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "data_versions_pkey" PRIMARY KEY ("name")
);

-- Issue 23: the version of the portfolio's data (what the dashboard and the pillar pages draw), bumped once per
-- transaction that changes a row of any of its tables, in that transaction: a reader sees the new version exactly
-- when it sees the change. Row triggers, so a statement that changes no row (a refused or replayed one-statement
-- command) bumps nothing. The trigger's WHEN marks the transaction (a transaction-local setting) at its first row, so
-- only that row queues an event: one UPDATE per transaction, whatever the number of rows. The event is deferred to
-- the commit: the version row is the last row a transaction locks, so two writers wait on it only one after the
-- other at commit, never in a cycle with the rows they change (no deadlock), and hold it for the commit only.
-- Deferred events pending make PostgreSQL refuse an ALTER TABLE of the table later in the same transaction: a
-- script that changes rows and then alters their table in one transaction runs `SET CONSTRAINTS ALL IMMEDIATE`
-- first (bench/scale-data.sql does). The dashboard_* roll-ups are written only by the row triggers of these tables.
INSERT INTO data_versions (name, version) VALUES ('portfolio', 1);

-- True for the first row of a transaction, for a group; marks the transaction (undone with a rolled-back savepoint,
-- like the event it lets through).
CREATE FUNCTION data_version_first_change(data_group text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF current_setting('portal.data_version_changed_' || data_group, true) IS NOT DISTINCT FROM 'yes' THEN
    RETURN false;
  END IF;
  PERFORM set_config('portal.data_version_changed_' || data_group, 'yes', true);
  RETURN true;
END;
$$;

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = TG_ARGV[0];
  RETURN NULL;
END;
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['initiatives', 'status_updates', 'funding_lines', 'action_items', 'meetings', 'pillars', 'departments', 'settings'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER data_version_%s AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (data_version_first_change(%L)) EXECUTE FUNCTION bump_data_version(%L)', t, t, 'portfolio', 'portfolio');
    EXECUTE format('CREATE TRIGGER data_version_%s_truncate AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version(%L)', t, t, 'portfolio');
  END LOOP;
END;
$$;
