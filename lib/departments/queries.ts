import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/types";
import type { Locale } from "@/lib/i18n/routing";

const departmentSummary = {
  id: true,
  acronymEn: true,
  acronymFr: true,
  nameEn: true,
  nameFr: true,
  isChair: true,
  active: true,
  _count: {
    select: {
      ledInitiatives: { where: { archivedAt: null } },
      partnerships: { where: { initiative: { archivedAt: null } } },
    },
  },
} as const;

/** Any signed-in user may list the member departments; sorted by name in the page's language. */
export async function listDepartments(_user: SessionUser, locale: Locale) {
  const rows = await db.department.findMany({ select: departmentSummary });
  const collator = new Intl.Collator(locale === "fr" ? "fr-CA" : "en-CA", { sensitivity: "base" });
  return rows.sort((a, b) => collator.compare(locale === "fr" ? a.nameFr : a.nameEn, locale === "fr" ? b.nameFr : b.nameEn));
}

export type DepartmentSummary = Awaited<ReturnType<typeof listDepartments>>[number];

const initiativeRow = {
  id: true,
  code: true,
  titleEn: true,
  titleFr: true,
  status: true,
  health: true,
  progress: true,
  primaryPillar: { select: { code: true, nameEn: true, nameFr: true } },
  leadDepartment: { select: { acronymEn: true, acronymFr: true } },
} as const;

/** Rows per page of each list of the department page (a department may lead or partner on thousands). */
export const DEPARTMENT_PAGE_SIZE = 25;

/** Which page of each list the department page shows (1 when absent). */
export type DepartmentPages = { led: number; partner: number; actions: number };

const skip = (page: number) => (Math.max(1, page) - 1) * DEPARTMENT_PAGE_SIZE;

/**
 * One department by its English or French acronym (case-insensitive), with one page of what it leads, one page of
 * what it partners on (both by code, with their totals), the total of its action items, and its active
 * representatives. Null when there is no such department. One statement, however much the department holds.
 */
export async function getDepartmentByAcronym(_user: SessionUser, acronym: string, pages: DepartmentPages = { led: 1, partner: 1, actions: 1 }) {
  if (acronym.length > 32) return null;
  return db.department.findFirst({
    where: {
      // Acronyms are citext: plain equality ignores case (Prisma's insensitive mode builds an ILIKE pattern,
      // which a trailing backslash in the address would break).
      OR: [{ acronymEn: acronym }, { acronymFr: acronym }],
    },
    select: {
      ...departmentSummary,
      _count: { select: { ...departmentSummary._count.select, actionItems: true } },
      ledInitiatives: { where: { archivedAt: null }, select: initiativeRow, orderBy: { code: "asc" }, skip: skip(pages.led), take: DEPARTMENT_PAGE_SIZE },
      partnerships: {
        where: { initiative: { archivedAt: null } },
        select: { initiative: { select: initiativeRow } },
        orderBy: { initiative: { code: "asc" } },
        skip: skip(pages.partner),
        take: DEPARTMENT_PAGE_SIZE,
      },
      users: {
        where: { role: "DEPARTMENT_REP", active: true },
        select: { id: true, displayName: true, email: true },
        orderBy: { displayName: "asc" },
      },
    },
  });
}

export type DepartmentDetail = NonNullable<Awaited<ReturnType<typeof getDepartmentByAcronym>>>;
export type DepartmentInitiativeRow = DepartmentDetail["ledInitiatives"][number];

/** Funding of the initiatives a department leads, summed per fiscal year by PostgreSQL. */
export async function getDepartmentFundingTotals(_user: SessionUser, departmentId: string) {
  const rows = await db.fundingLine.groupBy({
    by: ["fiscalYear"],
    where: { deletedAt: null, initiative: { archivedAt: null, leadDepartmentId: departmentId } },
    _sum: { allocatedCents: true, spentCents: true },
    orderBy: { fiscalYear: "asc" },
  });
  return rows.map((row) => ({ fiscalYear: row.fiscalYear, allocatedCents: row._sum.allocatedCents ?? 0n, spentCents: row._sum.spentCents ?? 0n }));
}

/** One page of the action items a department owns, open ones first, then by due date (the total is the department's `_count`). */
export async function getDepartmentActionItems(_user: SessionUser, departmentId: string, page = 1) {
  return db.actionItem.findMany({
    where: { ownerDepartmentId: departmentId },
    select: { id: true, titleEn: true, titleFr: true, status: true, dueDate: true, initiative: { select: { id: true, code: true, archivedAt: true } } },
    orderBy: [{ status: "asc" }, { dueDate: "asc" }, { id: "asc" }],
    skip: skip(page),
    take: DEPARTMENT_PAGE_SIZE,
  });
}
