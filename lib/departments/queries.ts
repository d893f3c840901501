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

/**
 * One department by its English or French acronym (case-insensitive), with what it leads,
 * what it partners on and its active representatives. Null when there is no such department.
 */
export async function getDepartmentByAcronym(_user: SessionUser, acronym: string) {
  if (acronym.length > 32) return null;
  return db.department.findFirst({
    where: {
      // Acronyms are citext: plain equality ignores case (Prisma's insensitive mode builds an ILIKE pattern,
      // which a trailing backslash in the address would break).
      OR: [{ acronymEn: acronym }, { acronymFr: acronym }],
    },
    select: {
      ...departmentSummary,
      ledInitiatives: { where: { archivedAt: null }, select: initiativeRow, orderBy: { code: "asc" } },
      partnerships: {
        where: { initiative: { archivedAt: null } },
        select: { initiative: { select: initiativeRow } },
        orderBy: { initiative: { code: "asc" } },
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

/** The action items a department owns, open ones first, then by due date. */
export async function getDepartmentActionItems(_user: SessionUser, departmentId: string) {
  return db.actionItem.findMany({
    where: { ownerDepartmentId: departmentId },
    select: { id: true, titleEn: true, titleFr: true, status: true, dueDate: true, initiative: { select: { id: true, code: true, archivedAt: true } } },
    orderBy: [{ status: "asc" }, { dueDate: "asc" }],
    take: 100,
  });
}
