import "server-only";
import { cache } from "react";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { settingDefaults, staleDaysSql } from "@/lib/settings";
import { PAGE_SIZE, type InitiativeFilters } from "./filters";
import { isUuid } from "@/lib/security/ids";
import { requirePermission } from "@/lib/authz/require";
import { isStale } from "@/lib/kernel/rules";

/**
 * Reads of initiatives. Any signed-in user may read them (DESIGN.md §3); archived ones are hidden everywhere.
 * Filtering, sorting, pagination and totals are done by PostgreSQL.
 */

/** The most rows one CSV export writes; a filtered list is far smaller. */
export const EXPORT_LIMIT = 10_000;

const DEFAULT_STALE_DAYS = settingDefaults.staleDays;

/** Days without a status update before an active initiative "needs an update" (see getReferenceData). */
export async function getStaleDays(): Promise<number> {
  return (await getReferenceData()).staleDays;
}


/**
 * The filters as one SQL condition on `i` (initiatives); every value is bound.
 * Search is full text in either language, accents ignored ("traite" finds "Traité"); archived ones never match.
 */
function whereSql(filters: InitiativeFilters, staleDays: Prisma.Sql): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`i.archived_at IS NULL`];
  if (filters.q) and.push(Prisma.sql`i.search_vector @@ initiative_search_query(${filters.q})`);
  if (filters.pillar) {
    // The pillar's id is looked up once (an InitPlan), so no row needs a join to pillars to be tested.
    const pillarId = Prisma.sql`(SELECT p.id FROM pillars p WHERE p.code = ${filters.pillar})`;
    and.push(Prisma.sql`(i.primary_pillar_id = ${pillarId} OR EXISTS (
      SELECT 1 FROM initiative_pillars ip WHERE ip.initiative_id = i.id AND ip.pillar_id = ${pillarId}))`);
  }
  if (filters.department) {
    and.push(Prisma.sql`(i.lead_department_id = ${filters.department}::uuid OR EXISTS (
      SELECT 1 FROM initiative_partners ip WHERE ip.initiative_id = i.id AND ip.department_id = ${filters.department}::uuid))`);
  }
  if (filters.health) and.push(filters.health === "NONE" ? Prisma.sql`i.health IS NULL` : Prisma.sql`i.health = ${filters.health}::health`);
  if (filters.status) and.push(Prisma.sql`i.status = ${filters.status}::lifecycle_status`);
  if (filters.fiscalYear) {
    // Runs during the fiscal year (1 April – 31 March), or has funding in it.
    // The year's bounds: their one SQL definition (fiscal_year_start / fiscal_year_end, lib/kernel/rules.ts).
    and.push(Prisma.sql`(EXISTS (SELECT 1 FROM funding_lines f WHERE f.initiative_id = i.id AND f.fiscal_year = ${filters.fiscalYear} AND f.deleted_at IS NULL)
      OR (i.start_date <= fiscal_year_end(${filters.fiscalYear}::int) AND (i.target_end_date IS NULL OR i.target_end_date >= fiscal_year_start(${filters.fiscalYear}::int))))`);
  }
  if (filters.stale) {
    and.push(Prisma.sql`initiative_is_stale(i.status, i.last_updated_at, ${staleDays}, now())`);
  }
  return Prisma.join(and, " AND ");
}

/** The sort as SQL on `i` and `d` (the lead department); ties are broken by code. */
function orderSql(filters: InitiativeFilters, locale: Locale): Prisma.Sql {
  const desc = filters.dir === "desc";
  const dir = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const byKey: Record<InitiativeFilters["sort"], Prisma.Sql> = {
    code: Prisma.sql`i.code ${dir}`,
    title: locale === "fr" ? Prisma.sql`i.title_fr ${dir}` : Prisma.sql`i.title_en ${dir}`,
    lead: locale === "fr" ? Prisma.sql`d.acronym_fr ${dir}` : Prisma.sql`d.acronym_en ${dir}`,
    health: Prisma.sql`i.health ${dir} NULLS LAST`,
    progress: Prisma.sql`i.progress ${dir}`,
    lastUpdate: Prisma.sql`i.last_updated_at ${dir} NULLS FIRST`,
  };
  return filters.sort === "code" ? byKey.code : Prisma.sql`${byKey[filters.sort]}, i.code ASC`;
}

/** The columns of a list row, flat (see `toListRow`). */
const listColumns = Prisma.sql`i.id::text AS id, i.code, i.title_en AS "titleEn", i.title_fr AS "titleFr", i.status::text AS status,
  i.health::text AS health, i.progress, i.start_date AS "startDate", i.target_end_date AS "targetEndDate", i.last_updated_at AS "lastUpdatedAt",
  d.id::text AS "leadId", d.acronym_en::text AS "leadAcronymEn", d.acronym_fr::text AS "leadAcronymFr",
  pp.code AS "pillarCode", pp.name_en AS "pillarNameEn", pp.name_fr AS "pillarNameFr"`;

type ListColumns = {
  id: string;
  code: string;
  titleEn: string;
  titleFr: string;
  status: "PLANNED" | "ACTIVE" | "COMPLETED" | "CANCELLED";
  health: "GREEN" | "AMBER" | "RED" | null;
  progress: number;
  startDate: Date | null;
  targetEndDate: Date | null;
  lastUpdatedAt: Date | null;
  leadId: string;
  leadAcronymEn: string;
  leadAcronymFr: string;
  pillarCode: string;
  pillarNameEn: string;
  pillarNameFr: string;
};

function toListRow(row: ListColumns, staleDays: number) {
  return {
    id: row.id,
    code: row.code,
    titleEn: row.titleEn,
    titleFr: row.titleFr,
    status: row.status,
    health: row.health,
    progress: row.progress,
    startDate: row.startDate,
    targetEndDate: row.targetEndDate,
    lastUpdatedAt: row.lastUpdatedAt,
    leadDepartment: { id: row.leadId, acronymEn: row.leadAcronymEn, acronymFr: row.leadAcronymFr },
    primaryPillar: { code: row.pillarCode, nameEn: row.pillarNameEn, nameFr: row.pillarNameFr },
    stale: isStale(row, staleDays),
  };
}

/**
 * How far past the page shown the list counts matches. Counting every match of a broad search costs a visit of
 * each matching row (16,000 for "training" at 16 × 5,000), so the page would slow down as the portal grows;
 * beyond this the list says "more than" and its next-page link leads on (each page counts this far past itself).
 */
export const COUNT_AHEAD = 200;

/**
 * One page of the filtered, sorted list, how many match (exactly, or at least `total` when `more`), and the
 * staleDays setting: one statement. The page is its own query so that PostgreSQL stops at its LIMIT (walking
 * the code index for a broad search, the search index for a narrow one), and the count stops at `countAhead`
 * past it. It always answers one row at least (the total), with the page's columns null when the page is empty.
 */
export async function listInitiatives(user: SessionUser, filters: InitiativeFilters, locale: Locale, { countAhead = COUNT_AHEAD } = {}) {
  requirePermission(user, "portal.read");
  const offset = (filters.page - 1) * PAGE_SIZE;
  const countLimit = offset + countAhead;
  const where = whereSql(filters, Prisma.sql`(SELECT stale_days FROM setting)`);
  const rows = await db.$queryRaw<(Omit<ListColumns, "id"> & { id: string | null; total: number; staleDays: number })[]>`
    WITH setting AS (SELECT ${staleDaysSql} AS stale_days),
    page AS (
      SELECT ${listColumns}
      FROM initiatives i
      JOIN departments d ON d.id = i.lead_department_id
      JOIN pillars pp ON pp.id = i.primary_pillar_id
      WHERE ${where}
      ORDER BY ${orderSql(filters, locale)}
      LIMIT ${PAGE_SIZE} OFFSET ${offset}
    )
    SELECT (SELECT count(*) FROM (
              SELECT 1 FROM initiatives i WHERE ${where} LIMIT ${countLimit + 1}
            ) AS counted)::int AS total,
           (SELECT stale_days FROM setting) AS "staleDays", page.*
    FROM (SELECT 1) AS one LEFT JOIN page ON true`;
  const staleDays = rows[0]?.staleDays ?? DEFAULT_STALE_DAYS;
  const counted = rows[0]?.total ?? 0;
  return {
    total: Math.min(counted, countLimit),
    /** More match than `total`: the count stopped there. */
    more: counted > countLimit,
    rows: rows.filter((row): row is typeof row & { id: string } => row.id !== null).map((row) => toListRow(row, staleDays)),
    pageSize: PAGE_SIZE,
    staleDays,
  };
}

export type InitiativeListRow = Awaited<ReturnType<typeof listInitiatives>>["rows"][number];

/** Every row of the filtered list for the CSV export (up to EXPORT_LIMIT), with partners. */
export async function exportInitiatives(user: SessionUser, filters: InitiativeFilters, locale: Locale) {
  requirePermission(user, "portal.read");
  const rows = await db.$queryRaw<(ListColumns & { summaryEn: string | null; summaryFr: string | null; staleDays: number; partners: { acronymEn: string; acronymFr: string }[] })[]>`
    WITH setting AS (SELECT ${staleDaysSql} AS stale_days)
    SELECT ${listColumns}, i.summary_en AS "summaryEn", i.summary_fr AS "summaryFr", (SELECT stale_days FROM setting) AS "staleDays",
           COALESCE((SELECT json_agg(json_build_object('acronymEn', pd.acronym_en, 'acronymFr', pd.acronym_fr) ORDER BY pd.acronym_en)
                     FROM initiative_partners ip JOIN departments pd ON pd.id = ip.department_id WHERE ip.initiative_id = i.id), '[]'::json) AS partners
    FROM initiatives i
    JOIN departments d ON d.id = i.lead_department_id
    JOIN pillars pp ON pp.id = i.primary_pillar_id
    WHERE ${whereSql(filters, Prisma.sql`(SELECT stale_days FROM setting)`)}
    ORDER BY ${orderSql(filters, locale)}
    LIMIT ${EXPORT_LIMIT}`;
  return rows.map((row) => ({
    ...toListRow(row, row.staleDays),
    summaryEn: row.summaryEn,
    summaryFr: row.summaryFr,
    partners: row.partners.map((department) => ({ department })),
  }));
}

export type ReferenceData = {
  departments: { id: string; acronymEn: string; acronymFr: string; nameEn: string; nameFr: string; active: boolean }[];
  pillars: { id: string; code: string; nameEn: string; nameFr: string; active: boolean }[];
  /** The fiscal years that have funding (not deleted, of initiatives not archived), newest first. */
  fundedFiscalYears: number[];
  staleDays: number;
};

/**
 * Departments and pillars for filters and forms, in display order, the fiscal years with funding and the
 * staleDays setting: one statement, once per request (React cache). The years are found by skipping along the
 * fiscal-year index from the newest, one probe per year, so their cost does not grow with the number of lines.
 */
/** The latest fiscal year before `year` (any, when null) with a line not deleted of an initiative not archived. */
function fundedYearBefore(year: Prisma.Sql | null): Prisma.Sql {
  return Prisma.sql`SELECT f.fiscal_year FROM funding_lines f
    WHERE f.deleted_at IS NULL ${year ? Prisma.sql`AND f.fiscal_year < ${year}` : Prisma.empty}
      AND EXISTS (SELECT 1 FROM initiatives i WHERE i.id = f.initiative_id AND i.archived_at IS NULL)
    ORDER BY f.fiscal_year DESC LIMIT 1`;
}

export const getReferenceData = cache(async (): Promise<ReferenceData> => {
  const [row] = await db.$queryRaw<ReferenceData[]>`
    WITH RECURSIVE years AS (
      SELECT (${fundedYearBefore(null)}) AS year
      UNION ALL
      SELECT (${fundedYearBefore(Prisma.sql`y.year`)}) FROM years y WHERE y.year IS NOT NULL
    )
    SELECT
      (SELECT COALESCE(json_agg(json_build_object('id', d.id, 'acronymEn', d.acronym_en, 'acronymFr', d.acronym_fr, 'nameEn', d.name_en,
                                                  'nameFr', d.name_fr, 'active', d.active) ORDER BY d.sort_order, d.acronym_en), '[]'::json)
       FROM departments d) AS departments,
      (SELECT COALESCE(json_agg(json_build_object('id', p.id, 'code', p.code, 'nameEn', p.name_en, 'nameFr', p.name_fr, 'active', p.active)
                                ORDER BY p.sort_order, p.code), '[]'::json)
       FROM pillars p) AS pillars,
      (SELECT COALESCE(json_agg(year ORDER BY year DESC), '[]'::json) FROM years WHERE year IS NOT NULL) AS "fundedFiscalYears",
      ${staleDaysSql} AS "staleDays"`;
  return row!;
});

/** One initiative with everything its page shows; null when it does not exist or is archived. */
export async function getInitiative(user: SessionUser, id: string) {
  requirePermission(user, "portal.read");
  if (!isUuid(id)) return null;
  // The staleDays setting (the request's reference data, one statement shared through React's cache) is read
  // alongside, not after: the page's statements then take one round trip after the session check, not three.
  const [initiative, staleDays] = await Promise.all([
    db.initiative.findFirst({
      where: { id, archivedAt: null },
      select: {
        id: true,
        code: true,
        titleEn: true,
        titleFr: true,
        status: true,
        health: true,
        progress: true,
        startDate: true,
        targetEndDate: true,
        lastUpdatedAt: true,
        summaryEn: true,
        summaryFr: true,
        notes: true,
        version: true,
        leadDepartment: { select: { id: true, acronymEn: true, acronymFr: true, nameEn: true, nameFr: true } },
        primaryPillar: { select: { id: true, code: true, nameEn: true, nameFr: true } },
        partners: { select: { department: { select: { id: true, acronymEn: true, acronymFr: true, nameEn: true, nameFr: true } } }, orderBy: { department: { acronymEn: "asc" } } },
        secondaryPillars: { select: { pillar: { select: { id: true, code: true, nameEn: true, nameFr: true } } }, orderBy: { pillar: { sortOrder: "asc" } } },
        milestones: {
          where: { deletedAt: null },
          select: { id: true, titleEn: true, titleFr: true, dueDate: true, completedDate: true, version: true },
          orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
        },
        fundingLines: {
          where: { deletedAt: null },
          select: { id: true, source: true, fiscalYear: true, allocatedCents: true, spentCents: true, notes: true, version: true },
          orderBy: [{ fiscalYear: "asc" }, { source: "asc" }],
        },
        statusUpdates: {
          select: {
            id: true,
            reportingPeriod: true,
            health: true,
            progress: true,
            narrativeEn: true,
            narrativeFr: true,
            createdAt: true,
            reviewedAt: true,
            author: { select: { displayName: true } },
            reviewedBy: { select: { displayName: true } },
          },
          orderBy: { createdAt: "desc" },
          take: 50,
        },
        actionItems: {
          select: { id: true, titleEn: true, titleFr: true, status: true, dueDate: true, ownerDepartment: { select: { acronymEn: true, acronymFr: true } } },
          orderBy: { dueDate: "asc" },
          take: 100,
        },
      },
    }),
    getStaleDays(),
  ]);
  if (!initiative) return null;
  // Totals by fiscal year of the lines already read (all the initiative's lines that are not deleted).
  const totals = new Map<number, { fiscalYear: number; allocatedCents: bigint; spentCents: bigint }>();
  for (const line of initiative.fundingLines) {
    const total = totals.get(line.fiscalYear) ?? { fiscalYear: line.fiscalYear, allocatedCents: 0n, spentCents: 0n };
    total.allocatedCents += line.allocatedCents;
    total.spentCents += line.spentCents;
    totals.set(line.fiscalYear, total);
  }
  return {
    ...initiative,
    stale: isStale(initiative, staleDays),
    fundingTotals: [...totals.values()].sort((a, b) => a.fiscalYear - b.fiscalYear),
  };
}

export type InitiativeDetail = NonNullable<Awaited<ReturnType<typeof getInitiative>>>;

/**
 * The initiative's change history from the audit log: its own events and those of its milestones, funding
 * lines and status updates (removed ones included), newest first.
 */
export async function getInitiativeHistory(user: SessionUser, id: string, take = 50) {
  requirePermission(user, "portal.read");
  if (!isUuid(id)) return [];
  // One branch per kind of record, each along the (entity_type, entity_id, occurred_at) index.
  const rows = await db.$queryRaw<{ id: string; occurredAt: Date; action: string; entityType: string; before: Prisma.JsonValue; after: Prisma.JsonValue; actorName: string | null }[]>`
    SELECT e.id::text AS id, e.occurred_at AS "occurredAt", e.action, e.entity_type AS "entityType", e.before, e.after, u.display_name AS "actorName"
    FROM (
      (SELECT * FROM audit_events WHERE entity_type = 'initiative' AND entity_id = ${id} ORDER BY occurred_at DESC LIMIT ${take})
      UNION ALL
      (SELECT e.* FROM milestones m JOIN audit_events e ON e.entity_type = 'milestone' AND e.entity_id = m.id::text
       WHERE m.initiative_id = ${id}::uuid ORDER BY e.occurred_at DESC LIMIT ${take})
      UNION ALL
      (SELECT e.* FROM funding_lines f JOIN audit_events e ON e.entity_type = 'funding_line' AND e.entity_id = f.id::text
       WHERE f.initiative_id = ${id}::uuid ORDER BY e.occurred_at DESC LIMIT ${take})
      UNION ALL
      (SELECT e.* FROM status_updates su JOIN audit_events e ON e.entity_type = 'status_update' AND e.entity_id = su.id::text
       WHERE su.initiative_id = ${id}::uuid AND e.action = 'statusUpdate.review' ORDER BY e.occurred_at DESC LIMIT ${take})
    ) e
    LEFT JOIN users u ON u.id = e.actor_id
    ORDER BY e.occurred_at DESC
    LIMIT ${take}`;
  return rows.map(({ actorName, ...event }) => ({ ...event, actor: actorName === null ? null : { displayName: actorName } }));
}

export type HistoryEvent = Awaited<ReturnType<typeof getInitiativeHistory>>[number];

/** The initiative's owning department and version, for edit pages to decide whether to open at all. */
export async function getInitiativeForEdit(user: SessionUser, id: string) {
  requirePermission(user, "portal.read");
  if (!isUuid(id)) return null;
  return db.initiative.findFirst({
    where: { id, archivedAt: null },
    select: {
      id: true,
      code: true,
      titleEn: true,
      titleFr: true,
      summaryEn: true,
      summaryFr: true,
      leadDepartmentId: true,
      primaryPillarId: true,
      status: true,
      health: true,
      progress: true,
      startDate: true,
      targetEndDate: true,
      notes: true,
      version: true,
      partners: { select: { departmentId: true } },
      secondaryPillars: { select: { pillarId: true } },
    },
  });
}

export type InitiativeForEdit = NonNullable<Awaited<ReturnType<typeof getInitiativeForEdit>>>;
