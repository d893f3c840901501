import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { readSetting } from "@/lib/settings/queries";
import { PAGE_SIZE, type InitiativeFilters } from "./filters";
import { isUuid } from "@/lib/security/ids";

/**
 * Reads of initiatives. Any signed-in user may read them (DESIGN.md §3); archived ones are hidden everywhere.
 * Filtering, sorting, pagination and totals are done by PostgreSQL.
 */

/** The most rows one CSV export writes; a filtered list is far smaller. */
export const EXPORT_LIMIT = 10_000;

/** Days without a status update before an active initiative "needs an update" (the `staleDays` setting). */
export const getStaleDays = (): Promise<number> => readSetting("staleDays");

/** Only active initiatives report; one with no update in `staleDays` (or none ever) needs one. */
export function staleWhere(staleDays: number, now = new Date()): Prisma.InitiativeWhereInput {
  const cutoff = new Date(now.getTime() - staleDays * 24 * 60 * 60 * 1000);
  return { status: "ACTIVE", OR: [{ lastUpdatedAt: null }, { lastUpdatedAt: { lt: cutoff } }] };
}

export function isStale(row: { status: string; lastUpdatedAt: Date | null }, staleDays: number, now = new Date()): boolean {
  return row.status === "ACTIVE" && (!row.lastUpdatedAt || row.lastUpdatedAt.getTime() < now.getTime() - staleDays * 24 * 60 * 60 * 1000);
}

/** Ids matching a full-text search in either language, accents ignored ("traite" finds "Traité"). */
async function searchIds(q: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM initiatives WHERE archived_at IS NULL AND search_vector @@ initiative_search_query(${q})`;
  return rows.map((row) => row.id);
}

async function whereOf(filters: InitiativeFilters, staleDays: number): Promise<Prisma.InitiativeWhereInput> {
  const and: Prisma.InitiativeWhereInput[] = [{ archivedAt: null }];
  if (filters.q) and.push({ id: { in: await searchIds(filters.q) } });
  if (filters.pillar) and.push({ OR: [{ primaryPillar: { code: filters.pillar } }, { secondaryPillars: { some: { pillar: { code: filters.pillar } } } }] });
  if (filters.department) and.push({ OR: [{ leadDepartmentId: filters.department }, { partners: { some: { departmentId: filters.department } } }] });
  if (filters.health) and.push({ health: filters.health === "NONE" ? null : filters.health });
  if (filters.status) and.push({ status: filters.status });
  if (filters.fiscalYear) {
    // Runs during the fiscal year (1 April – 31 March), or has funding in it.
    const start = new Date(Date.UTC(filters.fiscalYear, 3, 1));
    const end = new Date(Date.UTC(filters.fiscalYear + 1, 2, 31));
    and.push({
      OR: [
        { fundingLines: { some: { fiscalYear: filters.fiscalYear, deletedAt: null } } },
        { startDate: { lte: end }, OR: [{ targetEndDate: null }, { targetEndDate: { gte: start } }] },
      ],
    });
  }
  if (filters.stale) and.push(staleWhere(staleDays));
  return { AND: and };
}

function orderOf(filters: InitiativeFilters, locale: Locale): Prisma.InitiativeOrderByWithRelationInput[] {
  const dir = filters.dir;
  const byKey: Record<InitiativeFilters["sort"], Prisma.InitiativeOrderByWithRelationInput> = {
    code: { code: dir },
    title: locale === "fr" ? { titleFr: dir } : { titleEn: dir },
    lead: { leadDepartment: locale === "fr" ? { acronymFr: dir } : { acronymEn: dir } },
    health: { health: { sort: dir, nulls: "last" } },
    progress: { progress: dir },
    lastUpdate: { lastUpdatedAt: { sort: dir, nulls: "first" } },
  };
  return filters.sort === "code" ? [byKey.code] : [byKey[filters.sort], { code: "asc" }];
}

const listRow = {
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
  leadDepartment: { select: { id: true, acronymEn: true, acronymFr: true } },
  primaryPillar: { select: { code: true, nameEn: true, nameFr: true } },
} as const;

/** One page of the filtered, sorted list, and how many match in all. */
export async function listInitiatives(_user: SessionUser, filters: InitiativeFilters, locale: Locale) {
  const staleDays = await getStaleDays();
  const where = await whereOf(filters, staleDays);
  const [total, rows] = await Promise.all([
    db.initiative.count({ where }),
    db.initiative.findMany({ where, orderBy: orderOf(filters, locale), skip: (filters.page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: listRow }),
  ]);
  return { total, rows: rows.map((row) => ({ ...row, stale: isStale(row, staleDays) })), pageSize: PAGE_SIZE, staleDays };
}

export type InitiativeListRow = Awaited<ReturnType<typeof listInitiatives>>["rows"][number];

/** Every row of the filtered list for the CSV export (up to EXPORT_LIMIT), with partners. */
export async function exportInitiatives(_user: SessionUser, filters: InitiativeFilters, locale: Locale) {
  const staleDays = await getStaleDays();
  const where = await whereOf(filters, staleDays);
  const rows = await db.initiative.findMany({
    where,
    orderBy: orderOf(filters, locale),
    take: EXPORT_LIMIT,
    select: { ...listRow, summaryEn: true, summaryFr: true, partners: { select: { department: { select: { acronymEn: true, acronymFr: true } } } } },
  });
  return rows.map((row) => ({ ...row, stale: isStale(row, staleDays) }));
}

/** Departments and pillars for filters and forms, in display order. */
export async function getReferenceData() {
  const [departments, pillars] = await Promise.all([
    db.department.findMany({ select: { id: true, acronymEn: true, acronymFr: true, nameEn: true, nameFr: true, active: true }, orderBy: [{ sortOrder: "asc" }, { acronymEn: "asc" }] }),
    db.pillar.findMany({ select: { id: true, code: true, nameEn: true, nameFr: true, active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
  ]);
  return { departments, pillars };
}

export type ReferenceData = Awaited<ReturnType<typeof getReferenceData>>;

/** One initiative with everything its page shows; null when it does not exist or is archived. */
export async function getInitiative(_user: SessionUser, id: string) {
  if (!isUuid(id)) return null;
  const initiative = await db.initiative.findFirst({
    where: { id, archivedAt: null },
    select: {
      ...listRow,
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
  });
  if (!initiative) return null;
  const [fundingTotals, staleDays] = await Promise.all([
    db.fundingLine.groupBy({ by: ["fiscalYear"], where: { initiativeId: id, deletedAt: null }, _sum: { allocatedCents: true, spentCents: true }, orderBy: { fiscalYear: "asc" } }),
    getStaleDays(),
  ]);
  return {
    ...initiative,
    stale: isStale(initiative, staleDays),
    fundingTotals: fundingTotals.map((total) => ({
      fiscalYear: total.fiscalYear,
      allocatedCents: total._sum.allocatedCents ?? 0n,
      spentCents: total._sum.spentCents ?? 0n,
    })),
  };
}

export type InitiativeDetail = NonNullable<Awaited<ReturnType<typeof getInitiative>>>;

/**
 * The initiative's change history from the audit log: its own events and those of its milestones, funding
 * lines and status updates (removed ones included), newest first.
 */
export async function getInitiativeHistory(_user: SessionUser, id: string, take = 50) {
  const [milestones, lines, updates] = await Promise.all([
    db.milestone.findMany({ where: { initiativeId: id }, select: { id: true } }),
    db.fundingLine.findMany({ where: { initiativeId: id }, select: { id: true } }),
    db.statusUpdate.findMany({ where: { initiativeId: id }, select: { id: true } }),
  ]);
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
  return db.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "initiative", entityId: id },
        { entityType: "milestone", entityId: { in: ids(milestones) } },
        { entityType: "funding_line", entityId: { in: ids(lines) } },
        { entityType: "status_update", entityId: { in: ids(updates) }, action: "statusUpdate.review" },
      ],
    },
    select: { id: true, occurredAt: true, action: true, entityType: true, before: true, after: true, actor: { select: { displayName: true } } },
    orderBy: { occurredAt: "desc" },
    take,
  });
}

export type HistoryEvent = Awaited<ReturnType<typeof getInitiativeHistory>>[number];

/** The initiative's owning department and version, for edit pages to decide whether to open at all. */
export async function getInitiativeForEdit(_user: SessionUser, id: string) {
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
