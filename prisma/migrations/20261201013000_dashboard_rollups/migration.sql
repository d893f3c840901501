-- Dashboard roll-ups (issue 7): the dashboard reads small pre-computed sums instead of aggregating the base tables on
-- every request. Triggers keep them current in the same transaction as every change to the base rows, whatever
-- writes them (commands, seed, scripts). `dashboard_rebuild()` recomputes them all from the base tables (backfill,
-- bulk loads with the triggers disabled, tests).
--
-- The tables are not in schema.prisma: only the dashboard's raw SQL reads them and only these triggers write them.
-- Rows whose counts fall to zero are kept (readers filter on the count); the key space is small.
--
-- Concurrency: every trigger that reads an initiative's keys (lead department, primary pillar, archived) locks the
-- initiative row FOR SHARE first, so it cannot interleave with a change of those keys (which holds the row lock
-- until commit); each multi-key upsert is applied in key order to avoid deadlocks between two writers.

-- Health as a number, worse is higher; 0 = unrated. The order "worst health" and "worsened" use.
CREATE FUNCTION dashboard_health_rank(h health) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (CASE h WHEN 'RED' THEN 3 WHEN 'AMBER' THEN 2 WHEN 'GREEN' THEN 1 ELSE 0 END)::smallint $$;

CREATE FUNCTION dashboard_health_of_rank(r smallint) RETURNS health LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (CASE r WHEN 3 THEN 'RED' WHEN 2 THEN 'AMBER' WHEN 1 THEN 'GREEN' END)::health $$;

-- Per initiative and reporting period: the health of its last update of the period (created_at, then id).
CREATE TABLE dashboard_period_health (
  initiative_id    uuid        NOT NULL,
  reporting_period varchar(20) NOT NULL,
  health           health      NOT NULL,
  PRIMARY KEY (initiative_id, reporting_period)
);

-- The last meeting held (the latest start among HELD meetings) that dashboard_meeting_health is taken at; one row.
CREATE TABLE dashboard_snapshot_meeting (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  starts_at timestamptz(3)
);
INSERT INTO dashboard_snapshot_meeting (singleton, starts_at) VALUES (true, NULL);

-- Per initiative: the health of its last update posted at or before the last held meeting started.
CREATE TABLE dashboard_meeting_health (
  initiative_id uuid   PRIMARY KEY,
  health        health NOT NULL
);

-- Initiatives not archived, by lead department, primary pillar, current health and health at the last held meeting.
CREATE TABLE dashboard_initiative_counts (
  lead_department_id uuid     NOT NULL,
  primary_pillar_id  uuid     NOT NULL,
  health_rank        smallint NOT NULL,
  meeting_rank       smallint NOT NULL,
  initiatives        integer  NOT NULL,
  progress_sum       bigint   NOT NULL,
  PRIMARY KEY (lead_department_id, primary_pillar_id, health_rank, meeting_rank)
);

-- Funding lines not deleted, by fiscal year and their initiative's lead department, primary pillar and archived state
-- (the fiscal years offered count lines of archived initiatives too).
CREATE TABLE dashboard_funding_sums (
  fiscal_year        integer NOT NULL,
  lead_department_id uuid    NOT NULL,
  primary_pillar_id  uuid    NOT NULL,
  archived           boolean NOT NULL,
  lines              integer NOT NULL,
  allocated_cents    bigint  NOT NULL,
  spent_cents        bigint  NOT NULL,
  PRIMARY KEY (fiscal_year, lead_department_id, primary_pillar_id, archived)
);

-- Initiatives not archived counted once per reporting period with the health of their last update of the period.
CREATE TABLE dashboard_trend_counts (
  reporting_period   varchar(20) NOT NULL,
  lead_department_id uuid        NOT NULL,
  primary_pillar_id  uuid        NOT NULL,
  health             health      NOT NULL,
  initiatives        integer     NOT NULL,
  PRIMARY KEY (reporting_period, lead_department_id, primary_pillar_id, health)
);

-- Open action items (neither DONE nor CANCELLED) by owner department, pillar and due date. The pillar is the primary
-- pillar of the linked initiative while it is not archived, else the nil UUID. The due date stays in the key because
-- "overdue" depends on today.
CREATE TABLE dashboard_open_actions (
  owner_department_id uuid    NOT NULL,
  pillar_id           uuid    NOT NULL,
  due_date            date    NOT NULL,
  items               integer NOT NULL,
  PRIMARY KEY (owner_department_id, pillar_id, due_date)
);

-- The needs-attention list reads the first RED (or AMBER) initiatives of a pillar by code.
CREATE INDEX initiatives_dashboard_attention_idx ON initiatives (primary_pillar_id, health, code) WHERE archived_at IS NULL;
CREATE INDEX initiatives_dashboard_attention_dept_idx ON initiatives (primary_pillar_id, lead_department_id, health, code) WHERE archived_at IS NULL;

-- ---------------------------------------------------------------------------------------------------------------
-- Deltas
-- ---------------------------------------------------------------------------------------------------------------

-- Moves an initiative's contribution from its old row `o` to its new row `n` (either may be NULL: insert, delete).
-- `counts_only` skips the children (funding lines, period healths, action items): only health/progress changed.
CREATE FUNCTION dashboard_move_initiative(o initiatives, n initiatives, counts_only boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  meeting smallint := 0;
  nil CONSTANT uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  SELECT dashboard_health_rank(mh.health) INTO meeting
  FROM dashboard_meeting_health mh WHERE mh.initiative_id = COALESCE(n.id, o.id);
  meeting := COALESCE(meeting, 0);

  INSERT INTO dashboard_initiative_counts AS t (lead_department_id, primary_pillar_id, health_rank, meeting_rank, initiatives, progress_sum)
  SELECT d.dept, d.pillar, d.rank, meeting, sum(d.n)::int, sum(d.p)::bigint
  FROM (SELECT o.lead_department_id, o.primary_pillar_id, dashboard_health_rank(o.health), -1, -o.progress
        WHERE o.id IS NOT NULL AND o.archived_at IS NULL
        UNION ALL
        SELECT n.lead_department_id, n.primary_pillar_id, dashboard_health_rank(n.health), 1, n.progress
        WHERE n.id IS NOT NULL AND n.archived_at IS NULL) AS d (dept, pillar, rank, n, p)
  GROUP BY d.dept, d.pillar, d.rank
  ORDER BY d.dept, d.pillar, d.rank
  ON CONFLICT (lead_department_id, primary_pillar_id, health_rank, meeting_rank)
  DO UPDATE SET initiatives = t.initiatives + EXCLUDED.initiatives, progress_sum = t.progress_sum + EXCLUDED.progress_sum;

  IF counts_only THEN
    RETURN;
  END IF;

  INSERT INTO dashboard_funding_sums AS t (fiscal_year, lead_department_id, primary_pillar_id, archived, lines, allocated_cents, spent_cents)
  SELECT f.fiscal_year, k.dept, k.pillar, k.archived, sum(k.sign)::int, sum(k.sign * f.allocated_cents)::bigint, sum(k.sign * f.spent_cents)::bigint
  FROM funding_lines f
  CROSS JOIN (SELECT o.lead_department_id, o.primary_pillar_id, o.archived_at IS NOT NULL, -1 WHERE o.id IS NOT NULL
              UNION ALL
              SELECT n.lead_department_id, n.primary_pillar_id, n.archived_at IS NOT NULL, 1 WHERE n.id IS NOT NULL) AS k (dept, pillar, archived, sign)
  WHERE f.initiative_id = COALESCE(n.id, o.id) AND f.deleted_at IS NULL
  GROUP BY f.fiscal_year, k.dept, k.pillar, k.archived
  ORDER BY f.fiscal_year, k.dept, k.pillar, k.archived
  ON CONFLICT (fiscal_year, lead_department_id, primary_pillar_id, archived)
  DO UPDATE SET lines = t.lines + EXCLUDED.lines, allocated_cents = t.allocated_cents + EXCLUDED.allocated_cents,
                spent_cents = t.spent_cents + EXCLUDED.spent_cents;

  INSERT INTO dashboard_trend_counts AS t (reporting_period, lead_department_id, primary_pillar_id, health, initiatives)
  SELECT ph.reporting_period, k.dept, k.pillar, ph.health, sum(k.sign)::int
  FROM dashboard_period_health ph
  CROSS JOIN (SELECT o.lead_department_id, o.primary_pillar_id, -1 WHERE o.id IS NOT NULL AND o.archived_at IS NULL
              UNION ALL
              SELECT n.lead_department_id, n.primary_pillar_id, 1 WHERE n.id IS NOT NULL AND n.archived_at IS NULL) AS k (dept, pillar, sign)
  WHERE ph.initiative_id = COALESCE(n.id, o.id)
  GROUP BY ph.reporting_period, k.dept, k.pillar, ph.health
  ORDER BY ph.reporting_period, k.dept, k.pillar, ph.health
  ON CONFLICT (reporting_period, lead_department_id, primary_pillar_id, health)
  DO UPDATE SET initiatives = t.initiatives + EXCLUDED.initiatives;

  INSERT INTO dashboard_open_actions AS t (owner_department_id, pillar_id, due_date, items)
  SELECT a.owner_department_id, k.pillar, a.due_date, sum(k.sign)::int
  FROM action_items a
  CROSS JOIN (SELECT CASE WHEN o.archived_at IS NULL THEN o.primary_pillar_id ELSE nil END, -1 WHERE o.id IS NOT NULL
              UNION ALL
              SELECT CASE WHEN n.archived_at IS NULL THEN n.primary_pillar_id ELSE nil END, 1 WHERE n.id IS NOT NULL) AS k (pillar, sign)
  WHERE a.initiative_id = COALESCE(n.id, o.id) AND a.status NOT IN ('DONE', 'CANCELLED')
  GROUP BY a.owner_department_id, k.pillar, a.due_date
  ORDER BY a.owner_department_id, k.pillar, a.due_date
  ON CONFLICT (owner_department_id, pillar_id, due_date)
  DO UPDATE SET items = t.items + EXCLUDED.items;
END $$;

-- Recomputes one initiative's health for one reporting period and moves its trend count accordingly.
CREATE FUNCTION dashboard_refresh_period(initiative uuid, period varchar) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  i initiatives;
  before health;
  after health;
BEGIN
  SELECT * INTO i FROM initiatives WHERE id = initiative FOR SHARE;
  SELECT su.health INTO after FROM status_updates su
  WHERE su.initiative_id = initiative AND su.reporting_period = period
  ORDER BY su.created_at DESC, su.id DESC LIMIT 1;
  SELECT ph.health INTO before FROM dashboard_period_health ph
  WHERE ph.initiative_id = initiative AND ph.reporting_period = period FOR UPDATE;
  IF before IS NOT DISTINCT FROM after THEN
    RETURN;
  END IF;
  IF after IS NULL THEN
    DELETE FROM dashboard_period_health WHERE initiative_id = initiative AND reporting_period = period;
  ELSE
    INSERT INTO dashboard_period_health (initiative_id, reporting_period, health) VALUES (initiative, period, after)
    ON CONFLICT (initiative_id, reporting_period) DO UPDATE SET health = EXCLUDED.health;
  END IF;
  IF i.id IS NULL OR i.archived_at IS NOT NULL THEN
    RETURN;
  END IF;
  INSERT INTO dashboard_trend_counts AS t (reporting_period, lead_department_id, primary_pillar_id, health, initiatives)
  SELECT period, i.lead_department_id, i.primary_pillar_id, d.health, d.n
  FROM (SELECT before, -1 WHERE before IS NOT NULL UNION ALL SELECT after, 1 WHERE after IS NOT NULL) AS d (health, n)
  ORDER BY d.health
  ON CONFLICT (reporting_period, lead_department_id, primary_pillar_id, health)
  DO UPDATE SET initiatives = t.initiatives + EXCLUDED.initiatives;
END $$;

-- Recomputes one initiative's health at the last held meeting and moves its count accordingly.
CREATE FUNCTION dashboard_refresh_meeting_health(initiative uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  i initiatives;
  meeting_start timestamptz;
  before health;
  after health;
BEGIN
  SELECT * INTO i FROM initiatives WHERE id = initiative FOR SHARE;
  SELECT starts_at INTO meeting_start FROM dashboard_snapshot_meeting FOR SHARE;
  IF meeting_start IS NOT NULL THEN
    SELECT su.health INTO after FROM status_updates su
    WHERE su.initiative_id = initiative AND su.created_at <= meeting_start
    ORDER BY su.created_at DESC, su.id DESC LIMIT 1;
  END IF;
  SELECT mh.health INTO before FROM dashboard_meeting_health mh WHERE mh.initiative_id = initiative FOR UPDATE;
  IF before IS NOT DISTINCT FROM after THEN
    RETURN;
  END IF;
  -- Take the initiative out under its old meeting health, change it, put it back under the new one.
  IF i.id IS NOT NULL THEN
    PERFORM dashboard_move_initiative(i, NULL, true);
  END IF;
  IF after IS NULL THEN
    DELETE FROM dashboard_meeting_health WHERE initiative_id = initiative;
  ELSE
    INSERT INTO dashboard_meeting_health (initiative_id, health) VALUES (initiative, after)
    ON CONFLICT (initiative_id) DO UPDATE SET health = EXCLUDED.health;
  END IF;
  IF i.id IS NOT NULL THEN
    PERFORM dashboard_move_initiative(NULL, i, true);
  END IF;
END $$;

-- Recomputes every roll-up from the base tables.
CREATE FUNCTION dashboard_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE dashboard_period_health, dashboard_snapshot_meeting, dashboard_meeting_health, dashboard_initiative_counts,
             dashboard_funding_sums, dashboard_trend_counts, dashboard_open_actions IN EXCLUSIVE MODE;
  DELETE FROM dashboard_period_health;
  DELETE FROM dashboard_meeting_health;
  DELETE FROM dashboard_initiative_counts;
  DELETE FROM dashboard_funding_sums;
  DELETE FROM dashboard_trend_counts;
  DELETE FROM dashboard_open_actions;

  INSERT INTO dashboard_period_health (initiative_id, reporting_period, health)
  SELECT DISTINCT ON (su.initiative_id, su.reporting_period) su.initiative_id, su.reporting_period, su.health
  FROM status_updates su
  ORDER BY su.initiative_id, su.reporting_period, su.created_at DESC, su.id DESC;

  UPDATE dashboard_snapshot_meeting
  SET starts_at = (SELECT max(starts_at) FROM meetings WHERE agenda_status = 'HELD');

  INSERT INTO dashboard_meeting_health (initiative_id, health)
  SELECT DISTINCT ON (su.initiative_id) su.initiative_id, su.health
  FROM status_updates su, dashboard_snapshot_meeting m
  WHERE su.created_at <= m.starts_at
  ORDER BY su.initiative_id, su.created_at DESC, su.id DESC;

  INSERT INTO dashboard_initiative_counts (lead_department_id, primary_pillar_id, health_rank, meeting_rank, initiatives, progress_sum)
  SELECT i.lead_department_id, i.primary_pillar_id, dashboard_health_rank(i.health), dashboard_health_rank(mh.health), count(*), sum(i.progress)
  FROM initiatives i LEFT JOIN dashboard_meeting_health mh ON mh.initiative_id = i.id
  WHERE i.archived_at IS NULL
  GROUP BY 1, 2, 3, 4;

  INSERT INTO dashboard_funding_sums (fiscal_year, lead_department_id, primary_pillar_id, archived, lines, allocated_cents, spent_cents)
  SELECT f.fiscal_year, i.lead_department_id, i.primary_pillar_id, i.archived_at IS NOT NULL, count(*), sum(f.allocated_cents), sum(f.spent_cents)
  FROM funding_lines f JOIN initiatives i ON i.id = f.initiative_id
  WHERE f.deleted_at IS NULL
  GROUP BY 1, 2, 3, 4;

  INSERT INTO dashboard_trend_counts (reporting_period, lead_department_id, primary_pillar_id, health, initiatives)
  SELECT ph.reporting_period, i.lead_department_id, i.primary_pillar_id, ph.health, count(*)
  FROM dashboard_period_health ph JOIN initiatives i ON i.id = ph.initiative_id
  WHERE i.archived_at IS NULL
  GROUP BY 1, 2, 3, 4;

  INSERT INTO dashboard_open_actions (owner_department_id, pillar_id, due_date, items)
  SELECT a.owner_department_id,
         COALESCE(CASE WHEN i.archived_at IS NULL THEN i.primary_pillar_id END, '00000000-0000-0000-0000-000000000000'::uuid),
         a.due_date, count(*)
  FROM action_items a LEFT JOIN initiatives i ON i.id = a.initiative_id
  WHERE a.status NOT IN ('DONE', 'CANCELLED')
  GROUP BY 1, 2, 3;
END $$;

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------

CREATE FUNCTION dashboard_initiatives_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- A new initiative has no children yet (they reference it).
    PERFORM dashboard_move_initiative(NULL, NEW, true);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM dashboard_move_initiative(OLD, NULL, false);
  ELSIF OLD.lead_department_id IS DISTINCT FROM NEW.lead_department_id
     OR OLD.primary_pillar_id IS DISTINCT FROM NEW.primary_pillar_id
     OR (OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL) THEN
    PERFORM dashboard_move_initiative(OLD, NEW, false);
  ELSIF OLD.health IS DISTINCT FROM NEW.health OR OLD.progress IS DISTINCT FROM NEW.progress THEN
    PERFORM dashboard_move_initiative(OLD, NEW, true);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER dashboard_initiatives AFTER INSERT OR DELETE OR UPDATE OF lead_department_id, primary_pillar_id, health, progress, archived_at
  ON initiatives FOR EACH ROW EXECUTE FUNCTION dashboard_initiatives_changed();

CREATE FUNCTION dashboard_funding_lines_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_funding_sums AS t (fiscal_year, lead_department_id, primary_pillar_id, archived, lines, allocated_cents, spent_cents)
  SELECT d.fiscal_year, i.lead_department_id, i.primary_pillar_id, i.archived_at IS NOT NULL,
         sum(d.sign)::int, sum(d.sign * d.allocated)::bigint, sum(d.sign * d.spent)::bigint
  FROM (SELECT OLD.initiative_id, OLD.fiscal_year, -1, OLD.allocated_cents, OLD.spent_cents
        WHERE TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL
        UNION ALL
        SELECT NEW.initiative_id, NEW.fiscal_year, 1, NEW.allocated_cents, NEW.spent_cents
        WHERE TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL) AS d (initiative_id, fiscal_year, sign, allocated, spent)
  JOIN LATERAL (SELECT * FROM initiatives WHERE id = d.initiative_id FOR SHARE) AS i ON true
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (fiscal_year, lead_department_id, primary_pillar_id, archived)
  DO UPDATE SET lines = t.lines + EXCLUDED.lines, allocated_cents = t.allocated_cents + EXCLUDED.allocated_cents,
                spent_cents = t.spent_cents + EXCLUDED.spent_cents;
  RETURN NULL;
END $$;

CREATE TRIGGER dashboard_funding_lines AFTER INSERT OR DELETE OR UPDATE OF initiative_id, fiscal_year, allocated_cents, spent_cents, deleted_at
  ON funding_lines FOR EACH ROW EXECUTE FUNCTION dashboard_funding_lines_changed();

CREATE FUNCTION dashboard_action_items_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_open_actions AS t (owner_department_id, pillar_id, due_date, items)
  SELECT d.owner, COALESCE(i.pillar, '00000000-0000-0000-0000-000000000000'::uuid), d.due_date, sum(d.sign)::int
  FROM (SELECT OLD.owner_department_id, OLD.initiative_id, OLD.due_date, -1
        WHERE TG_OP <> 'INSERT' AND OLD.status NOT IN ('DONE', 'CANCELLED')
        UNION ALL
        SELECT NEW.owner_department_id, NEW.initiative_id, NEW.due_date, 1
        WHERE TG_OP <> 'DELETE' AND NEW.status NOT IN ('DONE', 'CANCELLED')) AS d (owner, initiative_id, due_date, sign)
  LEFT JOIN LATERAL (SELECT CASE WHEN archived_at IS NULL THEN primary_pillar_id END AS pillar
                     FROM initiatives WHERE id = d.initiative_id FOR SHARE) AS i ON true
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (owner_department_id, pillar_id, due_date)
  DO UPDATE SET items = t.items + EXCLUDED.items;
  RETURN NULL;
END $$;

CREATE TRIGGER dashboard_action_items AFTER INSERT OR DELETE OR UPDATE OF owner_department_id, initiative_id, due_date, status
  ON action_items FOR EACH ROW EXECUTE FUNCTION dashboard_action_items_changed();

CREATE FUNCTION dashboard_status_updates_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  meeting_start timestamptz;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.initiative_id, OLD.reporting_period, OLD.health, OLD.created_at)
                          IS NOT DISTINCT FROM (NEW.initiative_id, NEW.reporting_period, NEW.health, NEW.created_at) THEN
    RETURN NULL;
  END IF;
  SELECT starts_at INTO meeting_start FROM dashboard_snapshot_meeting FOR SHARE;
  IF TG_OP <> 'INSERT' THEN
    PERFORM dashboard_refresh_period(OLD.initiative_id, OLD.reporting_period);
    IF OLD.created_at <= meeting_start THEN
      PERFORM dashboard_refresh_meeting_health(OLD.initiative_id);
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM dashboard_refresh_period(NEW.initiative_id, NEW.reporting_period);
    IF NEW.created_at <= meeting_start THEN
      PERFORM dashboard_refresh_meeting_health(NEW.initiative_id);
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER dashboard_status_updates AFTER INSERT OR DELETE OR UPDATE OF initiative_id, reporting_period, health, created_at
  ON status_updates FOR EACH ROW EXECUTE FUNCTION dashboard_status_updates_changed();

-- When the last held meeting changes (a meeting is marked HELD, moved, or no longer HELD), every initiative's health
-- at the meeting is taken anew: one pass over the status updates, as when the meeting is recorded.
CREATE FUNCTION dashboard_meetings_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  latest timestamptz;
  current timestamptz;
BEGIN
  SELECT starts_at INTO current FROM dashboard_snapshot_meeting;
  SELECT max(starts_at) INTO latest FROM meetings WHERE agenda_status = 'HELD';
  IF latest IS NOT DISTINCT FROM current THEN
    RETURN NULL;
  END IF;
  -- The tables first, then the snapshot row: a status update holds count rows before it reads the snapshot row, so
  -- taking them in this order cannot deadlock with it.
  LOCK TABLE dashboard_initiative_counts, dashboard_meeting_health IN EXCLUSIVE MODE;
  PERFORM 1 FROM dashboard_snapshot_meeting FOR UPDATE;
  SELECT max(starts_at) INTO latest FROM meetings WHERE agenda_status = 'HELD';
  UPDATE dashboard_snapshot_meeting SET starts_at = latest;
  DELETE FROM dashboard_meeting_health;
  INSERT INTO dashboard_meeting_health (initiative_id, health)
  SELECT DISTINCT ON (su.initiative_id) su.initiative_id, su.health
  FROM status_updates su
  WHERE su.created_at <= latest
  ORDER BY su.initiative_id, su.created_at DESC, su.id DESC;
  DELETE FROM dashboard_initiative_counts;
  INSERT INTO dashboard_initiative_counts (lead_department_id, primary_pillar_id, health_rank, meeting_rank, initiatives, progress_sum)
  SELECT i.lead_department_id, i.primary_pillar_id, dashboard_health_rank(i.health), dashboard_health_rank(mh.health), count(*), sum(i.progress)
  FROM initiatives i LEFT JOIN dashboard_meeting_health mh ON mh.initiative_id = i.id
  WHERE i.archived_at IS NULL
  GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;

CREATE TRIGGER dashboard_meetings AFTER INSERT OR DELETE OR UPDATE OF agenda_status, starts_at
  ON meetings FOR EACH STATEMENT EXECUTE FUNCTION dashboard_meetings_changed();

-- Backfill.
SELECT dashboard_rebuild();
