import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/types";
import { printedMarking } from "@/lib/settings/definitions";
import { readSetting } from "@/lib/settings/queries";
import type { DashboardScope, HealthLevel } from "./filters";

/*
 * The dashboard's reads. Every figure is aggregated by PostgreSQL (GROUP BY, FILTER, window functions), one
 * statement per block, so a page runs a fixed number of queries whatever the number of initiatives. Pillars and
 * departments are joined as reference data: a pillar an administrator adds (active) shows up with no code change.
 *
 * Shared definitions:
 * - an initiative counts while it is not archived; it belongs to its PRIMARY pillar (secondary pillars would count it
 *   twice) and to its LEAD department (the `department` filter, like the initiatives list);
 * - funding lines count while not deleted, for initiatives that count;
 * - overdue = due date before today in America/Toronto, and neither DONE nor CANCELLED (DESIGN.md §2).
 *
 * Any signed-in user may read dashboards (DESIGN.md §3); the `_user` parameter keeps the data-layer signature.
 */

/** Filter fragments; every parameter is bound (tagged template), never spliced. */
const departmentIs = (scope: DashboardScope) => scope.department;
const pillarIs = (scope: DashboardScope) => scope.pillar;

export type PillarTile = {
  id: string;
  code: string;
  nameEn: string;
  nameFr: string;
  descriptionEn: string;
  descriptionFr: string;
  colour: string;
  total: number;
  green: number;
  amber: number;
  red: number;
  unrated: number;
  /** Rounded average of the progress of the pillar's initiatives; null when it has none. */
  averageProgress: number | null;
  /** The fiscal year the funding figures are for; null when there is no funding data at all. */
  fiscalYear: number | null;
  allocatedCents: bigint;
  spentCents: bigint;
};

/** A tile per active pillar: initiatives by health, average progress, funding of the fiscal year. */
export async function getPillarTiles(_user: SessionUser, scope: DashboardScope): Promise<PillarTile[]> {
  return db.$queryRaw<PillarTile[]>`${pillarTilesSql(scope)}`;
}

function pillarTilesSql(scope: DashboardScope): Prisma.Sql {
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

export type MatrixCell = {
  departmentId: string;
  acronymEn: string;
  acronymFr: string;
  nameEn: string;
  nameFr: string;
  pillarCode: string;
  pillarNameEn: string;
  pillarNameFr: string;
  count: number;
  /** The worst current health among the cell's initiatives; null when none is rated. */
  worstHealth: HealthLevel | null;
};

/**
 * Department × pillar: the number of initiatives each department leads in each pillar and the worst health among
 * them. Every active department and pillar is present (empty cells count 0). The department filter is not applied
 * here: a department's row is its own filter, and the full list of departments feeds the filter's choices.
 */
export async function getDepartmentPillarMatrix(_user: SessionUser, scope: DashboardScope): Promise<MatrixCell[]> {
  return db.$queryRaw<MatrixCell[]>`${matrixSql(scope)}`;
}

function matrixSql(scope: DashboardScope): Prisma.Sql {
  return Prisma.sql`
    WITH cells AS (
      SELECT i.lead_department_id AS department_id, i.primary_pillar_id AS pillar_id,
             count(*)::int AS total,
             max(CASE i.health WHEN 'RED' THEN 3 WHEN 'AMBER' THEN 2 WHEN 'GREEN' THEN 1 END) AS worst
      FROM initiatives i
      WHERE i.archived_at IS NULL
      GROUP BY i.lead_department_id, i.primary_pillar_id
    )
    SELECT d.id::text AS "departmentId", d.acronym_en::text AS "acronymEn", d.acronym_fr::text AS "acronymFr",
           d.name_en AS "nameEn", d.name_fr AS "nameFr", p.code AS "pillarCode",
           p.name_en AS "pillarNameEn", p.name_fr AS "pillarNameFr", COALESCE(c.total, 0) AS count,
           CASE c.worst WHEN 3 THEN 'RED' WHEN 2 THEN 'AMBER' WHEN 1 THEN 'GREEN' END AS "worstHealth"
    FROM departments d
    CROSS JOIN pillars p
    LEFT JOIN cells c ON c.department_id = d.id AND c.pillar_id = p.id
    WHERE d.active AND p.active AND (${pillarIs(scope)}::text IS NULL OR p.code = ${pillarIs(scope)})
    ORDER BY d.acronym_en, p.sort_order, p.code`;
}

export type TrendPoint = { reportingPeriod: string; green: number; amber: number; red: number };

/**
 * Health by reporting period, from the status-update history: in each period, each initiative counts once, with
 * the health of its last update of that period (a window function picks it).
 */
export async function getHealthTrend(_user: SessionUser, scope: DashboardScope): Promise<TrendPoint[]> {
  return db.$queryRaw<TrendPoint[]>`${healthTrendSql(scope)}`;
}

function healthTrendSql(scope: DashboardScope): Prisma.Sql {
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

export type FundingCell = {
  fiscalYear: number;
  pillarCode: string;
  nameEn: string;
  nameFr: string;
  colour: string;
  allocatedCents: bigint;
  spentCents: bigint;
};

/**
 * Funding by fiscal year and pillar: every fiscal year that has funding data (whatever the filters, so the
 * fiscal-year filter always offers them all) × every active pillar, zero where nothing is funded.
 */
export async function getFundingByYear(_user: SessionUser, scope: DashboardScope): Promise<FundingCell[]> {
  return db.$queryRaw<FundingCell[]>`${fundingByYearSql(scope)}`;
}

function fundingByYearSql(scope: DashboardScope): Prisma.Sql {
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

export type OverdueByDepartment = {
  acronymEn: string;
  acronymFr: string;
  nameEn: string;
  nameFr: string;
  overdue: number;
  /** The oldest due date among them (a calendar date, read as UTC). */
  oldestDue: Date;
};

/**
 * Overdue action items per owning department, most overdue first. On a pillar page, only the items linked to an
 * initiative of that pillar count.
 */
export async function getOverdueByDepartment(_user: SessionUser, scope: DashboardScope): Promise<OverdueByDepartment[]> {
  return db.$queryRaw<OverdueByDepartment[]>`${overdueSql(scope)}`;
}

function overdueSql(scope: DashboardScope): Prisma.Sql {
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

export type AttentionItem = {
  id: string;
  code: string;
  titleEn: string;
  titleFr: string;
  health: HealthLevel | null;
  /** Health as of the last held meeting (its last update posted before the meeting started). */
  healthAtMeeting: HealthLevel | null;
  progress: number;
  acronymEn: string;
  acronymFr: string;
  pillarCode: string;
  pillarNameEn: string;
  pillarNameFr: string;
  red: boolean;
  worsened: boolean;
};

export type NeedsAttention = {
  /** The last meeting held, the reference point of "worsened"; null when no meeting has been held yet. */
  lastMeeting: { id: string; titleEn: string; titleFr: string; startsAt: Date } | null;
  items: AttentionItem[];
};

type AttentionRow = {
  meetingId: string | null;
  meetingTitleEn: string | null;
  meetingTitleFr: string | null;
  meetingStartsAt: Date | null;
  items: AttentionItem[];
};

/**
 * Initiatives that need attention: RED now, or worse now than at the last held meeting (by their last update
 * posted before it started). One statement: the meeting and the items come back as one row.
 */
export async function getNeedsAttention(_user: SessionUser, scope: DashboardScope): Promise<NeedsAttention> {
  return needsAttentionOf(await db.$queryRaw<AttentionRow[]>`${needsAttentionSql(scope)}`);
}

function needsAttentionOf(rows: AttentionRow[]): NeedsAttention {  const row = rows[0];
  const lastMeeting =
    row?.meetingId && row.meetingStartsAt
      ? { id: row.meetingId, titleEn: row.meetingTitleEn ?? "", titleFr: row.meetingTitleFr ?? "", startsAt: row.meetingStartsAt }
      : null;
  return { lastMeeting, items: row?.items ?? [] };
}

function needsAttentionSql(scope: DashboardScope): Prisma.Sql {
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
    ),
    judged AS (
      SELECT i.id, i.code, i.title_en, i.title_fr, i.health, am.health AS health_at_meeting, i.progress,
             d.acronym_en, d.acronym_fr, p.code AS pillar_code, p.name_en AS pillar_name_en, p.name_fr AS pillar_name_fr,
             COALESCE(i.health = 'RED', false) AS red,
             COALESCE(
               CASE i.health WHEN 'RED' THEN 3 WHEN 'AMBER' THEN 2 WHEN 'GREEN' THEN 1 END
                 > CASE am.health WHEN 'RED' THEN 3 WHEN 'AMBER' THEN 2 WHEN 'GREEN' THEN 1 END,
               false) AS worsened,
             p.sort_order AS pillar_order
      FROM initiatives i
      JOIN departments d ON d.id = i.lead_department_id
      JOIN pillars p ON p.id = i.primary_pillar_id
      LEFT JOIN at_meeting am ON am.initiative_id = i.id
      WHERE i.archived_at IS NULL AND p.active
        AND (${departmentIs(scope)}::text IS NULL OR d.acronym_en = ${departmentIs(scope)}::citext)
        AND (${pillarIs(scope)}::text IS NULL OR p.code = ${pillarIs(scope)})
    )
    SELECT m.id::text AS "meetingId", m.title_en AS "meetingTitleEn", m.title_fr AS "meetingTitleFr", m.starts_at AS "meetingStartsAt",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', j.id, 'code', j.code, 'titleEn', j.title_en, 'titleFr', j.title_fr, 'health', j.health,
                      'healthAtMeeting', j.health_at_meeting, 'progress', j.progress, 'acronymEn', j.acronym_en,
                      'acronymFr', j.acronym_fr, 'pillarCode', j.pillar_code, 'pillarNameEn', j.pillar_name_en,
                      'pillarNameFr', j.pillar_name_fr, 'red', j.red, 'worsened', j.worsened)
                    ORDER BY j.red DESC, j.pillar_order, j.code)
             FROM judged j
             WHERE j.red OR j.worsened
           ), '[]'::json) AS items
    FROM (SELECT 1) AS one
    LEFT JOIN last_meeting m ON true`;
}

export type PillarInitiative = {
  id: string;
  code: string;
  titleEn: string;
  titleFr: string;
  status: string;
  health: HealthLevel | null;
  progress: number;
  acronymEn: string;
  acronymFr: string;
  lastUpdatedAt: Date | null;
};

/** A pillar's initiatives (primary pillar, not archived), for the pillar page; bounded by the data of one pillar. */
export async function listPillarInitiatives(_user: SessionUser, scope: DashboardScope & { pillar: string }): Promise<PillarInitiative[]> {
  return db.$queryRaw<PillarInitiative[]>`
    SELECT i.id::text AS id, i.code, i.title_en AS "titleEn", i.title_fr AS "titleFr", i.status::text AS status,
           i.health::text AS health, i.progress, d.acronym_en::text AS "acronymEn", d.acronym_fr::text AS "acronymFr",
           i.last_updated_at AS "lastUpdatedAt"
    FROM initiatives i
    JOIN departments d ON d.id = i.lead_department_id
    JOIN pillars p ON p.id = i.primary_pillar_id
    WHERE i.archived_at IS NULL AND p.active AND p.code = ${scope.pillar}
      AND (${departmentIs(scope)}::text IS NULL OR d.acronym_en = ${departmentIs(scope)}::citext)
    ORDER BY CASE i.health WHEN 'RED' THEN 0 WHEN 'AMBER' THEN 1 WHEN 'GREEN' THEN 2 ELSE 3 END, i.code`;
}

/**
 * Several statements' rows in one round trip: one row, one column, a JSON array holding each statement's rows as a
 * JSON array. Rows come back as JSON, so `revive` functions restore what JSON cannot carry (bigint, Date).
 */
async function readTogether(parts: Prisma.Sql[]): Promise<Record<string, unknown>[][]> {
  const columns = parts.map((sql) => Prisma.sql`(SELECT COALESCE(json_agg(q), '[]'::json) FROM (${sql}) q)`);
  const [row] = await db.$queryRaw<{ parts: Record<string, unknown>[][] }[]>`SELECT json_build_array(${Prisma.join(columns)}) AS parts`;
  return row!.parts;
}

// Cents are bigint in PostgreSQL and JSON numbers on the way back: exact below 2^53 cents (90 trillion dollars).
const cents = (value: unknown) => BigInt(value as number);
const money = <T extends { allocatedCents: bigint; spentCents: bigint }>(row: Record<string, unknown>) =>
  ({ ...row, allocatedCents: cents(row.allocatedCents), spentCents: cents(row.spentCents) }) as T;

/**
 * Everything the dashboard (or, with `scope.pillar`, a pillar page) shows: the six reads in two statements of three
 * (two round trips, run together), each read the same SQL as when it runs alone.
 */
export async function getDashboard(_user: SessionUser, scope: DashboardScope) {
  const [[tiles, matrix, trend], [funding, overdue, attention]] = await Promise.all([
    readTogether([pillarTilesSql(scope), matrixSql(scope), healthTrendSql(scope)]),
    readTogether([fundingByYearSql(scope), overdueSql(scope), needsAttentionSql(scope)]),
  ]);
  return {
    tiles: tiles!.map((row) => money<PillarTile>(row)),
    matrix: matrix as MatrixCell[],
    trend: trend as TrendPoint[],
    funding: funding!.map((row) => money<FundingCell>(row)),
    overdue: overdue!.map((row) => ({ ...row, oldestDue: new Date(row.oldestDue as string) }) as OverdueByDepartment),
    attention: needsAttentionOf(attention!.map((row) => ({ ...row, meetingStartsAt: row.meetingStartsAt ? new Date(row.meetingStartsAt as string) : null }) as AttentionRow)),
  };
}

export type DashboardData = Awaited<ReturnType<typeof getDashboard>>;

/** The security marking printed on briefings, in both languages (the `securityMarking` setting). */
export async function getSecurityMarking(): Promise<string> {
  return printedMarking(await readSetting("securityMarking"));
}

/**
 * The briefing's data: pillar tiles, what needs attention (split by pillar on the page) and the security marking.
 * `departmentKnown` says whether the department filter names a member department.
 */
export async function getBriefing(user: SessionUser, scope: DashboardScope) {
  const [tiles, attention, marking, department] = await Promise.all([
    getPillarTiles(user, scope),
    getNeedsAttention(user, scope),
    getSecurityMarking(),
    scope.department ? db.department.findFirst({ where: { acronymEn: { equals: scope.department, mode: "insensitive" } }, select: { id: true } }) : null,
  ]);
  return { tiles, attention, marking, departmentKnown: scope.department === null || department !== null };
}
