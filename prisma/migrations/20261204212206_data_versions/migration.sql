-- CreateTable
CREATE TABLE "data_versions" (
    "name" VARCHAR(40) NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "data_versions_pkey" PRIMARY KEY ("name")
);

-- Issue 23: the version of the portfolio's data (what the dashboard and the pillar pages draw), bumped once per
-- statement that changes any of its tables, in that statement's transaction: a reader sees the new version exactly
-- when it sees the change. The dashboard_* roll-ups are written only by the row triggers of these same tables.
INSERT INTO data_versions (name, version) VALUES ('portfolio', 1);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = TG_ARGV[0];
  RETURN NULL;
END;
$$;

CREATE TRIGGER data_version_initiatives AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON initiatives FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('portfolio');
CREATE TRIGGER data_version_status_updates AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON status_updates FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('portfolio');
CREATE TRIGGER data_version_funding_lines AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON funding_lines FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('portfolio');
CREATE TRIGGER data_version_action_items AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON action_items FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('portfolio');
CREATE TRIGGER data_version_meetings AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('portfolio');
CREATE TRIGGER data_version_pillars AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pillars FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('portfolio');
CREATE TRIGGER data_version_departments AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON departments FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('portfolio');
CREATE TRIGGER data_version_settings AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('portfolio');
