import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DashboardScope } from "@/lib/dashboard/filters";

/*
 * The oracle of the roll-ups: the dashboard's aggregate SQL as it was before the roll-ups (issue 7), reading the base
 * tables on every call. Kept here verbatim (bar the JSON packaging) so a test can hold every figure the roll-ups give
 * against the same figure recomputed from the base rows.
 */

const departmentIs = (scope: DashboardScope) => scope.department;
const pillarIs = (scope: DashboardScope) => scope.pillar;

function tilesSql(scope: DashboardScope) {
  return Prisma.sql`
    WITH fy AS (
      SELECT COALESCE(${scope.fiscalYear}::int, (SELECT max(fiscal_year) FROM funding_lines WHERE deleted_at IS NULL)) AS year
    ),
    scoped AS (
      SELECT i.id, i.primary_pillar_id, i.health, i.progress
      FROM initiatives i
      JOIN departments d ON d.id = i.lead_department_id
      WHERE i.archived_at IS NULL
        AND (${departmentIs(scope)}::text IS NULL OR d.acronym_en = ${departmentIs(scope)}::citext)
    ),
    counts AS (
      SELECT primary_pillar_id AS pillar_id,
             count(*)::int AS total,
             (count(*) FILTER (WHERE health = 'GREEN'))::int AS green,
             (count(*) FILTER (WHERE health = 'AMBER'))::int AS amber,
             (count(*) FILTER (WHERE health = 'RED'))::int AS red,
             (count(*) FILTER (WHERE health IS NULL))::int AS unrated,
             round(avg(progress))::int AS average_progress
      FROM scoped
      GROUP BY primary_pillar_id
    ),
    money AS (
      SELECT s.primary_pillar_id AS pillar_id,
             sum(f.allocated_cents)::bigint AS allocated,
             sum(f.spent_cents)::bigint AS spent
      FROM funding_lines f
      JOIN scoped s ON s.id = f.initiative_id
      WHERE f.deleted_at IS NULL AND f.fiscal_year = (SELECT year FROM fy)
      GROUP BY s.primary_pillar_id
    )
    SELECT p.id::text AS id, p.code, p.name_en AS "nameEn", p.name_fr AS "nameFr", p.colour,
           p.description_en AS "descriptionEn", p.description_fr AS "descriptionFr",
           COALESCE(c.total, 0) AS total, COALESCE(c.green, 0) AS green, COALESCE(c.amber, 0) AS amber,
           COALESCE(c.red, 0) AS red, COALESCE(c.unrated, 0) AS unrated,
           c.average_progress AS "averageProgress",
           (SELECT year FROM fy) AS "fiscalYear",
           COALESCE(m.allocated, 0)::bigint AS "allocatedCents",
           COALESCE(m.spent, 0)::bigint AS "spentCents"
    FROM pillars p
    LEFT JOIN counts c ON c.pillar_id = p.id
    LEFT JOIN money m ON m.pillar_id = p.id
    WHERE p.active AND (${pillarIs(scope)}::text IS NULL OR p.code = ${pillarIs(scope)})
    ORDER BY p.sort_order, p.code`;
}

function matrixSql(scope: DashboardScope) {
  return Prisma.sql`
    WITH cells AS (
      SELECT i.lead_department_id AS department_id, i.primary_pillar_id AS pillar_id,
             count(*)::int AS total,
             max(dashboard_health_rank(i.health)) AS worst
      FROM initiatives i
      WHERE i.archived_at IS NULL
      GROUP BY i.lead_department_id, i.primary_pillar_id
    )
    SELECT d.id::text AS "departmentId", d.acronym_en::text AS "acronymEn", d.acronym_fr::text AS "acronymFr",
           d.name_en AS "nameEn", d.name_fr AS "nameFr", p.code AS "pillarCode",
           p.name_en AS "pillarNameEn", p.name_fr AS "pillarNameFr", COALESCE(c.total, 0) AS count,
           dashboard_health_of_rank(NULLIF(c.worst, 0))::text AS "worstHealth"
    FROM departments d
    CROSS JOIN pillars p
    LEFT JOIN cells c ON c.department_id = d.id AND c.pillar_id = p.id
    WHERE d.active AND p.active AND (${pillarIs(scope)}::text IS NULL OR p.code = ${pillarIs(scope)})
    ORDER BY d.acronym_en, p.sort_order, p.code`;
}

function trendSql(scope: DashboardScope) {
  return Prisma.sql`
    WITH ranked AS (
      SELECT su.reporting_period, su.health,
             row_number() OVER (PARTITION BY su.initiative_id, su.reporting_period ORDER BY su.created_at DESC, su.id DESC) AS rn
      FROM status_updates su
      JOIN initiatives i ON i.id = su.initiative_id
      JOIN departments d ON d.id = i.lead_department_id
      JOIN pillars p ON p.id = i.primary_pillar_id
      WHERE i.archived_at IS NULL AND p.active
        AND (${departmentIs(scope)}::text IS NULL OR d.acronym_en = ${departmentIs(scope)}::citext)
        AND (${pillarIs(scope)}::text IS NULL OR p.code = ${pillarIs(scope)})
    )
    SELECT reporting_period AS "reportingPeriod",
           (count(*) FILTER (WHERE health = 'GREEN'))::int AS green,
           (count(*) FILTER (WHERE health = 'AMBER'))::int AS amber,
           (count(*) FILTER (WHERE health = 'RED'))::int AS red
    FROM ranked
    WHERE rn = 1
    GROUP BY reporting_period
    ORDER BY reporting_period`;
}

function fundingSql(scope: DashboardScope) {
  return Prisma.sql`
    WITH years AS (
      SELECT DISTINCT fiscal_year FROM funding_lines WHERE deleted_at IS NULL
    ),
    sums AS (
      SELECT f.fiscal_year, i.primary_pillar_id AS pillar_id,
             sum(f.allocated_cents)::bigint AS allocated, sum(f.spent_cents)::bigint AS spent
      FROM funding_lines f
      JOIN initiatives i ON i.id = f.initiative_id
      JOIN departments d ON d.id = i.lead_department_id
      WHERE f.deleted_at IS NULL AND i.archived_at IS NULL
        AND (${departmentIs(scope)}::text IS NULL OR d.acronym_en = ${departmentIs(scope)}::citext)
      GROUP BY f.fiscal_year, i.primary_pillar_id
    )
    SELECT y.fiscal_year AS "fiscalYear", p.code AS "pillarCode", p.name_en AS "nameEn", p.name_fr AS "nameFr", p.colour,
           COALESCE(s.allocated, 0)::bigint AS "allocatedCents", COALESCE(s.spent, 0)::bigint AS "spentCents"
    FROM years y
    CROSS JOIN pillars p
    LEFT JOIN sums s ON s.fiscal_year = y.fiscal_year AND s.pillar_id = p.id
    WHERE p.active AND (${pillarIs(scope)}::text IS NULL OR p.code = ${pillarIs(scope)})
    ORDER BY y.fiscal_year, p.sort_order, p.code`;
}

function overdueSql(scope: DashboardScope) {
  return Prisma.sql`
    SELECT d.acronym_en::text AS "acronymEn", d.acronym_fr::text AS "acronymFr", d.name_en AS "nameEn", d.name_fr AS "nameFr",
           count(*)::int AS overdue, min(a.due_date) AS "oldestDue"
    FROM action_items a
    JOIN departments d ON d.id = a.owner_department_id
    LEFT JOIN initiatives i ON i.id = a.initiative_id
    LEFT JOIN pillars p ON p.id = i.primary_pillar_id
    WHERE a.status NOT IN ('DONE', 'CANCELLED')
      AND a.due_date < (now() AT TIME ZONE 'America/Toronto')::date
      AND (${departmentIs(scope)}::text IS NULL OR d.acronym_en = ${departmentIs(scope)}::citext)
      AND (${pillarIs(scope)}::text IS NULL OR (p.code = ${pillarIs(scope)} AND i.archived_at IS NULL))
    GROUP BY d.id, d.acronym_en, d.acronym_fr, d.name_en, d.name_fr
    ORDER BY overdue DESC, d.acronym_en`;
}

function attentionSql(scope: DashboardScope) {
  return Prisma.sql`
    WITH last_meeting AS (
      SELECT id, title_en, title_fr, starts_at
      FROM meetings
      WHERE agenda_status = 'HELD'
      ORDER BY starts_at DESC
      LIMIT 1
    ),
    at_meeting AS (
      SELECT DISTINCT ON (su.initiative_id) su.initiative_id, su.health
      FROM status_updates su
      JOIN last_meeting m ON su.created_at <= m.starts_at
      ORDER BY su.initiative_id, su.created_at DESC, su.id DESC
    )
    SELECT i.id::text AS id, i.code, i.title_en AS "titleEn", i.title_fr AS "titleFr", i.health::text AS health,
           am.health::text AS "healthAtMeeting", i.progress,
           d.acronym_en::text AS "acronymEn", d.acronym_fr::text AS "acronymFr", p.code AS "pillarCode",
           p.name_en AS "pillarNameEn", p.name_fr AS "pillarNameFr",
           COALESCE(i.health = 'RED', false) AS red,
           -- Health severity: its one SQL definition (lib/kernel/rules.ts says which).
           COALESCE(am.health IS NOT NULL AND dashboard_health_rank(i.health) > dashboard_health_rank(am.health), false) AS worsened
    FROM initiatives i
    JOIN departments d ON d.id = i.lead_department_id
    JOIN pillars p ON p.id = i.primary_pillar_id
    LEFT JOIN at_meeting am ON am.initiative_id = i.id
    WHERE i.archived_at IS NULL AND p.active
      AND (${departmentIs(scope)}::text IS NULL OR d.acronym_en = ${departmentIs(scope)}::citext)
      AND (${pillarIs(scope)}::text IS NULL OR p.code = ${pillarIs(scope)})
      AND (COALESCE(i.health = 'RED', false)
           OR COALESCE(am.health IS NOT NULL AND dashboard_health_rank(i.health) > dashboard_health_rank(am.health), false))
    ORDER BY red DESC, p.sort_order, i.code`;
}

export type OracleAttentionItem = {
  id: string;
  code: string;
  titleEn: string;
  titleFr: string;
  health: string | null;
  healthAtMeeting: string | null;
  progress: number;
  acronymEn: string;
  acronymFr: string;
  pillarCode: string;
  pillarNameEn: string;
  pillarNameFr: string;
  red: boolean;
  worsened: boolean;
};

/** Every figure of the dashboard for a scope, computed from the base tables by the pre-roll-up SQL. */
export async function oracleDashboard(scope: DashboardScope) {
  const [tiles, matrix, trend, funding, overdue, attention] = await Promise.all([
    db.$queryRaw<Record<string, unknown>[]>`${tilesSql(scope)}`,
    db.$queryRaw<Record<string, unknown>[]>`${matrixSql(scope)}`,
    db.$queryRaw<Record<string, unknown>[]>`${trendSql(scope)}`,
    db.$queryRaw<Record<string, unknown>[]>`${fundingSql(scope)}`,
    db.$queryRaw<Record<string, unknown>[]>`${overdueSql(scope)}`,
    db.$queryRaw<OracleAttentionItem[]>`${attentionSql(scope)}`,
  ]);
  return { tiles, matrix, trend, funding, overdue, attention };
}
