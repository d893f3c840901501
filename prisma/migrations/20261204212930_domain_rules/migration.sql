-- Hand-written migration: add SQL below, each block with a comment saying why.

-- Issue 16: each domain rule defined once for SQL, beside its one TypeScript definition (lib/kernel/rules.ts).
-- tests/integration/db/rules.test.ts checks that the two agree on generated values (fast-check, this database).
-- LANGUAGE sql with a single expression: PostgreSQL inlines the call, so a query that uses one plans as if the
-- expression were written out (the partial indexes on open action items and on active initiatives still apply).
-- Health severity is `dashboard_health_rank(health)` (migration dashboard_rollups, used by the roll-up triggers).

-- Stale: an ACTIVE initiative with no status update in `stale_days` days (the staleDays setting) before `at`. Days
-- of 24 hours, whatever the session's time zone (as TypeScript counts them), so the two never differ across a
-- change to or from daylight saving time.
CREATE FUNCTION initiative_is_stale(status lifecycle_status, last_updated_at timestamptz, stale_days integer, at timestamptz)
  RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT status = 'ACTIVE' AND (last_updated_at IS NULL OR last_updated_at < at - make_interval(hours => 24 * stale_days)) $$;

-- Open action item: neither done nor cancelled. Overdue: open, and due before `today` (a calendar date in
-- America/Toronto, lib/kernel/time.ts).
CREATE FUNCTION action_item_is_open(status action_item_status)
  RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT status IN ('OPEN', 'IN_PROGRESS') $$;

CREATE FUNCTION action_item_is_overdue(status action_item_status, due_date date, today date)
  RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT status IN ('OPEN', 'IN_PROGRESS') AND due_date < today $$;

-- Fiscal years run 1 April to 31 March and are named by their starting year (2007 = 2007-08).
CREATE FUNCTION fiscal_year_of(day date)
  RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (EXTRACT(YEAR FROM day)::integer - CASE WHEN EXTRACT(MONTH FROM day) < 4 THEN 1 ELSE 0 END) $$;

CREATE FUNCTION fiscal_year_start(fiscal_year integer)
  RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT make_date(fiscal_year, 4, 1) $$;

CREATE FUNCTION fiscal_year_end(fiscal_year integer)
  RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT make_date(fiscal_year + 1, 3, 31) $$;
