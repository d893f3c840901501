import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/types";
import { printedMarking } from "@/lib/settings";
import { readSetting } from "@/lib/settings/queries";
import type { DashboardScope, HealthLevel } from "./filters";
import { requirePermission } from "@/lib/authz/require";
import { estimateBytes, namedCache, readDataVersion } from "@/lib/cache";
import { torontoToday } from "@/lib/kernel/time";

/*
 * The dashboard's reads. Every figure comes from the roll-up tables of the `dashboard_rollups` migration: small sums
 * by (lead department, primary pillar, health …) that triggers keep current in the same transaction as every change
 * to the base rows, so a read sums a few hundred rows whatever the number of initiatives. One statement per block; the
 * page runs a fixed number of queries. Pillars and departments are joined as reference data: a pillar an
 * administrator adds (active) shows up with no code change.
 *
 * Shared definitions (the roll-ups hold them):
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
/** A roll-up row's lead department matches the department filter (any, when there is none). */
const inDepartment = (scope: DashboardScope, column: Prisma.Sql) =>
  Prisma.sql`(${departmentIs(scope)}::text IS NULL OR ${column} = (SELECT id FROM departments WHERE acronym_en = ${departmentIs(scope)}::citext))`;

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
export async function getPillarTiles(user: SessionUser, scope: DashboardScope): Promise<PillarTile[]> {
  requirePermission(user, "portal.read");
  return db.$queryRaw<PillarTile[]>`${pillarTilesSql(scope)}`;
}

function pillarTilesSql(scope: DashboardScope): Prisma.Sql {
  return Prisma.sql`
    WITH fy AS (
      SELECT COALESCE(${scope.fiscalYear}::int, (SELECT max(fiscal_year) FROM dashboard_funding_sums WHERE lines > 0)) AS year
    ),
    counts AS (
      SELECT c.primary_pillar_id AS pillar_id,
             sum(c.initiatives)::int AS total,
             (sum(c.initiatives) FILTER (WHERE c.health_rank = 1))::int AS green,
             (sum(c.initiatives) FILTER (WHERE c.health_rank = 2))::int AS amber,
             (sum(c.initiatives) FILTER (WHERE c.health_rank = 3))::int AS red,
             (sum(c.initiatives) FILTER (WHERE c.health_rank = 0))::int AS unrated,
             round(sum(c.progress_sum)::numeric / nullif(sum(c.initiatives), 0))::int AS average_progress
      FROM dashboard_initiative_counts c
      WHERE ${inDepartment(scope, Prisma.sql`c.lead_department_id`)}
      GROUP BY c.primary_pillar_id
    ),
    money AS (
      SELECT f.primary_pillar_id AS pillar_id, sum(f.allocated_cents)::bigint AS allocated, sum(f.spent_cents)::bigint AS spent
      FROM dashboard_funding_sums f
      WHERE NOT f.archived AND f.fiscal_year = (SELECT year FROM fy) AND ${inDepartment(scope, Prisma.sql`f.lead_department_id`)}
      GROUP BY f.primary_pillar_id
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
export async function getDepartmentPillarMatrix(user: SessionUser, scope: DashboardScope): Promise<MatrixCell[]> {
  requirePermission(user, "portal.read");
  return db.$queryRaw<MatrixCell[]>`${matrixSql(scope)}`;
}

function matrixSql(scope: DashboardScope): Prisma.Sql {
  return Prisma.sql`
    WITH cells AS (
      SELECT c.lead_department_id AS department_id, c.primary_pillar_id AS pillar_id,
             sum(c.initiatives)::int AS total,
             max(c.health_rank) FILTER (WHERE c.initiatives > 0) AS worst
      FROM dashboard_initiative_counts c
      GROUP BY c.lead_department_id, c.primary_pillar_id
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

export type TrendPoint = { reportingPeriod: string; green: number; amber: number; red: number };

/**
 * Health by reporting period, from the status-update history: in each period, each initiative counts once, with
 * the health of its last update of that period (a window function picks it).
 */
export async function getHealthTrend(user: SessionUser, scope: DashboardScope): Promise<TrendPoint[]> {
  requirePermission(user, "portal.read");
  return db.$queryRaw<TrendPoint[]>`${healthTrendSql(scope)}`;
}

function healthTrendSql(scope: DashboardScope): Prisma.Sql {
  return Prisma.sql`
    SELECT t.reporting_period AS "reportingPeriod",
           COALESCE(sum(t.initiatives) FILTER (WHERE t.health = 'GREEN'), 0)::int AS green,
           COALESCE(sum(t.initiatives) FILTER (WHERE t.health = 'AMBER'), 0)::int AS amber,
           COALESCE(sum(t.initiatives) FILTER (WHERE t.health = 'RED'), 0)::int AS red
    FROM dashboard_trend_counts t
    JOIN pillars p ON p.id = t.primary_pillar_id
    WHERE p.active AND ${inDepartment(scope, Prisma.sql`t.lead_department_id`)}
      AND (${pillarIs(scope)}::text IS NULL OR p.code = ${pillarIs(scope)})
    GROUP BY t.reporting_period
    HAVING sum(t.initiatives) > 0
    ORDER BY t.reporting_period`;
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
export async function getFundingByYear(user: SessionUser, scope: DashboardScope): Promise<FundingCell[]> {
  requirePermission(user, "portal.read");
  return db.$queryRaw<FundingCell[]>`${fundingByYearSql(scope)}`;
}

function fundingByYearSql(scope: DashboardScope): Prisma.Sql {
  return Prisma.sql`
    WITH years AS (
      SELECT fiscal_year FROM dashboard_funding_sums GROUP BY fiscal_year HAVING sum(lines) > 0
    ),
    sums AS (
      SELECT f.fiscal_year, f.primary_pillar_id AS pillar_id,
             sum(f.allocated_cents)::bigint AS allocated, sum(f.spent_cents)::bigint AS spent
      FROM dashboard_funding_sums f
      WHERE NOT f.archived AND ${inDepartment(scope, Prisma.sql`f.lead_department_id`)}
      GROUP BY f.fiscal_year, f.primary_pillar_id
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
export async function getOverdueByDepartment(user: SessionUser, scope: DashboardScope): Promise<OverdueByDepartment[]> {
  requirePermission(user, "portal.read");
  return db.$queryRaw<OverdueByDepartment[]>`${overdueSql(scope)}`;
}

function overdueSql(scope: DashboardScope): Prisma.Sql {
  // The roll-up files an item under its initiative's primary pillar while the initiative is not archived.
  return Prisma.sql`
    SELECT d.acronym_en::text AS "acronymEn", d.acronym_fr::text AS "acronymFr", d.name_en AS "nameEn", d.name_fr AS "nameFr",
           sum(o.items)::int AS overdue, min(o.due_date) AS "oldestDue"
    FROM dashboard_open_actions o
    JOIN departments d ON d.id = o.owner_department_id
    WHERE o.items > 0
      AND o.due_date < (now() AT TIME ZONE 'America/Toronto')::date
      AND (${departmentIs(scope)}::text IS NULL OR d.acronym_en = ${departmentIs(scope)}::citext)
      AND (${pillarIs(scope)}::text IS NULL OR o.pillar_id = (SELECT id FROM pillars WHERE code = ${pillarIs(scope)}))
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
  /** The first ATTENTION_PER_PILLAR initiatives of each pillar, in the list's order (RED first, pillar, code). */
  items: AttentionItem[];
  /** How many initiatives need attention in all, RED now, and worse now than at the meeting (an item may be both). */
  total: number;
  red: number;
  worsened: number;
  /** How many need attention per pillar code (pillars with none are absent). */
  perPillar: Record<string, number>;
};

/** How many initiatives of each pillar the dashboard and the briefing list; the rest are a link away. */
export const ATTENTION_PER_PILLAR = 5;

type AttentionRow = {
  meetingId: string | null;
  meetingTitleEn: string | null;
  meetingTitleFr: string | null;
  meetingStartsAt: Date | null;
  items: AttentionItem[];
  counts: { pillarCode: string; total: number; red: number; worsened: number }[];
};

/**
 * Initiatives that need attention: RED now, or worse now than at the last held meeting (by their last update
 * posted before it started, kept in dashboard_meeting_health). One statement: the meeting, the first items of each
 * pillar and the counts come back as one row.
 */
export async function getNeedsAttention(user: SessionUser, scope: DashboardScope): Promise<NeedsAttention> {
  requirePermission(user, "portal.read");
  return needsAttentionOf(await db.$queryRaw<AttentionRow[]>`${needsAttentionSql(scope)}`);
}

function needsAttentionOf(rows: AttentionRow[]): NeedsAttention {
  const row = rows[0];
  const lastMeeting =
    row?.meetingId && row.meetingStartsAt
      ? { id: row.meetingId, titleEn: row.meetingTitleEn ?? "", titleFr: row.meetingTitleFr ?? "", startsAt: row.meetingStartsAt }
      : null;
  const counts = row?.counts ?? [];
  const sum = (key: "total" | "red" | "worsened") => counts.reduce((total, count) => total + count[key], 0);
  return {
    lastMeeting,
    items: row?.items ?? [],
    total: sum("total"),
    red: sum("red"),
    worsened: sum("worsened"),
    perPillar: Object.fromEntries(counts.map((count) => [count.pillarCode, count.total])),
  };
}

const lastMeetingSql = Prisma.sql`
  SELECT id, title_en, title_fr, starts_at
  FROM meetings
  WHERE agenda_status = 'HELD'
  ORDER BY starts_at DESC
  LIMIT 1`;

/** The columns of an attention item, from initiatives `i`, departments `d`, pillars `p`, meeting health `mh`. */
const attentionColumns = Prisma.sql`
  i.id::text AS id, i.code, i.title_en AS "titleEn", i.title_fr AS "titleFr", i.health::text AS health,
  mh.health::text AS "healthAtMeeting", i.progress, d.acronym_en::text AS "acronymEn", d.acronym_fr::text AS "acronymFr",
  p.code AS "pillarCode", p.name_en AS "pillarNameEn", p.name_fr AS "pillarNameFr",
  COALESCE(i.health = 'RED', false) AS red,
  COALESCE(dashboard_health_rank(i.health) > dashboard_health_rank(mh.health) AND mh.health IS NOT NULL, false) AS worsened,
  p.sort_order AS "pillarOrder"`;

// The department is compared by id, and only when filtered, so that initiatives_dashboard_attention_dept_idx serves it.
const attentionScope = (scope: DashboardScope) => Prisma.sql`
  i.archived_at IS NULL AND p.active
  ${scope.department ? Prisma.sql`AND i.lead_department_id = (SELECT id FROM departments WHERE acronym_en = ${scope.department}::citext)` : Prisma.empty}
  AND (${pillarIs(scope)}::text IS NULL OR p.code = ${pillarIs(scope)})`;

function needsAttentionSql(scope: DashboardScope): Prisma.Sql {
  // Per pillar, the RED initiatives by code, then the AMBER ones that were GREEN at the meeting (the only other way
  // to be worse): each side reads initiatives_dashboard_attention_idx in code order, and LIMIT over UNION ALL stops
  // once it has enough, so the AMBER side is not read while there are enough RED ones.
  return Prisma.sql`
    WITH shown AS (
      SELECT j.*
      FROM pillars p
      CROSS JOIN LATERAL (
        SELECT * FROM (
          (SELECT ${attentionColumns}
           FROM initiatives i
           JOIN departments d ON d.id = i.lead_department_id
           LEFT JOIN dashboard_meeting_health mh ON mh.initiative_id = i.id
           WHERE i.primary_pillar_id = p.id AND i.health = 'RED' AND ${attentionScope(scope)}
           ORDER BY i.code
           LIMIT ${ATTENTION_PER_PILLAR})
          UNION ALL
          (SELECT ${attentionColumns}
           FROM initiatives i
           JOIN departments d ON d.id = i.lead_department_id
           JOIN dashboard_meeting_health mh ON mh.initiative_id = i.id AND mh.health = 'GREEN'
           WHERE i.primary_pillar_id = p.id AND i.health = 'AMBER' AND ${attentionScope(scope)}
           ORDER BY i.code
           LIMIT ${ATTENTION_PER_PILLAR})
        ) AS both_sides
        LIMIT ${ATTENTION_PER_PILLAR}
      ) AS j
      WHERE p.active AND (${pillarIs(scope)}::text IS NULL OR p.code = ${pillarIs(scope)})
    ),
    counts AS (
      SELECT p.code AS "pillarCode", p.sort_order,
             (sum(c.initiatives) FILTER (WHERE c.health_rank = 3 OR (c.health_rank > c.meeting_rank AND c.meeting_rank > 0)))::int AS total,
             (sum(c.initiatives) FILTER (WHERE c.health_rank = 3))::int AS red,
             (sum(c.initiatives) FILTER (WHERE c.health_rank > c.meeting_rank AND c.meeting_rank > 0))::int AS worsened
      FROM dashboard_initiative_counts c
      JOIN pillars p ON p.id = c.primary_pillar_id
      WHERE p.active AND ${inDepartment(scope, Prisma.sql`c.lead_department_id`)}
        AND (${pillarIs(scope)}::text IS NULL OR p.code = ${pillarIs(scope)})
      GROUP BY p.code, p.sort_order
    )
    SELECT m.id::text AS "meetingId", m.title_en AS "meetingTitleEn", m.title_fr AS "meetingTitleFr", m.starts_at AS "meetingStartsAt",
           COALESCE((
             SELECT json_agg(to_jsonb(s) - 'pillarOrder' ORDER BY s.red DESC, s."pillarOrder", s.code) FROM shown s
           ), '[]'::json) AS items,
           COALESCE((
             SELECT json_agg(json_build_object('pillarCode', c."pillarCode", 'total', c.total, 'red', c.red, 'worsened', c.worsened) ORDER BY c.sort_order, c."pillarCode")
             FROM counts c WHERE c.total > 0
           ), '[]'::json) AS counts
    FROM (SELECT 1) AS one
    LEFT JOIN (${lastMeetingSql}) m ON true`;
}

/** How many attention items a page of the full list shows. */
export const ATTENTION_PAGE_SIZE = 50;

/**
 * The full list of initiatives that need attention, in the dashboard's order, a page at a time (`limit` null: all
 * of them, for the CSV export).
 */
export async function listNeedsAttention(
  user: SessionUser,
  scope: DashboardScope,
  { limit, offset }: { limit: number | null; offset: number },
): Promise<AttentionItem[]> {
  requirePermission(user, "portal.read");
  const rows = await db.$queryRaw<(AttentionItem & { pillarOrder?: number })[]>`
    SELECT ${attentionColumns}
    FROM initiatives i
    JOIN departments d ON d.id = i.lead_department_id
    JOIN pillars p ON p.id = i.primary_pillar_id
    LEFT JOIN dashboard_meeting_health mh ON mh.initiative_id = i.id
    WHERE ${attentionScope(scope)}
      AND (i.health = 'RED' OR (i.health = 'AMBER' AND mh.health = 'GREEN'))
    ORDER BY i.health = 'RED' DESC, p.sort_order, i.code
    LIMIT ${limit}::int OFFSET ${offset}::int`;
  return rows.map(({ pillarOrder: _order, ...item }) => item);
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

/** How many of a pillar's initiatives its page lists; the initiatives list, filtered by the pillar, has them all. */
export const PILLAR_INITIATIVES_SHOWN = 50;

/** A pillar's first initiatives (primary pillar, not archived; worst health first), for the pillar page. */
export async function listPillarInitiatives(user: SessionUser, scope: DashboardScope & { pillar: string }): Promise<PillarInitiative[]> {
  requirePermission(user, "portal.read");
  return db.$queryRaw<PillarInitiative[]>`
    SELECT i.id::text AS id, i.code, i.title_en AS "titleEn", i.title_fr AS "titleFr", i.status::text AS status,
           i.health::text AS health, i.progress, d.acronym_en::text AS "acronymEn", d.acronym_fr::text AS "acronymFr",
           i.last_updated_at AS "lastUpdatedAt"
    FROM initiatives i
    JOIN departments d ON d.id = i.lead_department_id
    JOIN pillars p ON p.id = i.primary_pillar_id
    WHERE i.archived_at IS NULL AND p.active AND p.code = ${scope.pillar}
      AND (${departmentIs(scope)}::text IS NULL OR d.acronym_en = ${departmentIs(scope)}::citext)
    ORDER BY dashboard_health_rank(i.health) DESC, i.code
    LIMIT ${PILLAR_INITIATIVES_SHOWN}`;
}

/**
 * Several statements' rows in one round trip: one row, one column, a JSON array holding each statement's rows as a
 * JSON array. Rows come back as JSON, so `revive` functions restore what JSON cannot carry (bigint, Date).
 */
function together(parts: Prisma.Sql[]): Prisma.Sql {
  const columns = parts.map((sql) => Prisma.sql`(SELECT COALESCE(json_agg(q), '[]'::json) FROM (${sql}) q)`);
  return Prisma.sql`SELECT json_build_array(${Prisma.join(columns)}) AS parts`;
}

async function readTogether(statement: Prisma.Sql): Promise<Record<string, unknown>[][]> {
  const [row] = await db.$queryRaw<{ parts: Record<string, unknown>[][] }[]>`${statement}`;
  return row!.parts;
}

/** The dashboard's two statements (each three reads together), also what bench/explain-dashboard.ts explains. */
export function dashboardStatements(scope: DashboardScope): [Prisma.Sql, Prisma.Sql] {
  return [together([pillarTilesSql(scope), matrixSql(scope), healthTrendSql(scope)]), together([fundingByYearSql(scope), overdueSql(scope), needsAttentionSql(scope)])];
}

// Cents are bigint in PostgreSQL and JSON numbers on the way back: exact below 2^53 cents (90 trillion dollars).
const cents = (value: unknown) => BigInt(value as number);
const money = <T extends { allocatedCents: bigint; spentCents: bigint }>(row: Record<string, unknown>) =>
  ({ ...row, allocatedCents: cents(row.allocatedCents), spentCents: cents(row.spentCents) }) as T;

/**
 * Everything the dashboard (or, with `scope.pillar`, a pillar page) shows: the six reads in two statements of three
 * (two round trips, run together), each read the same SQL as when it runs alone.
 */
export async function getDashboard(user: SessionUser, scope: DashboardScope) {
  requirePermission(user, "portal.read");
  const [first, second] = dashboardStatements(scope);
  const [[tiles, matrix, trend], [funding, overdue, attention]] = await Promise.all([readTogether(first), readTogether(second)]);
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

/**
 * Issue 23: `getDashboard` read once per version of the portfolio's data (lib/cache), scope and day in Toronto (the
 * overdue count compares due dates with today), shared by every reader — the data is the same for all of them.
 * `key` names that version, scope and day, for the page to key its cached markup by. One statement (the version)
 * when the data is cached, the version and the two reads otherwise. The cached data is shared: callers must not
 * change it.
 */
export async function getDashboardVersioned(user: SessionUser, scope: DashboardScope): Promise<{ data: DashboardData; key: string }> {
  requirePermission(user, "portal.read");
  // Before the data: a write committed between the two reads leaves newer data under the older key, never the reverse.
  const version = await readDataVersion("portfolio");
  const key = `portfolio:${version}|${torontoToday()}|${scope.fiscalYear ?? ""}|${scope.department?.toLowerCase() ?? ""}|${scope.pillar ?? ""}`;
  const cache = namedCache<DashboardData>("dashboard-data", 64, 16 * 1024 * 1024);
  const cached = cache.get(key);
  if (cached) return { data: cached, key };
  const data = await getDashboard(user, scope);
  cache.set(key, data, estimateBytes(data));
  return { data, key };
}

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
