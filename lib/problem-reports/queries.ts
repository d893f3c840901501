import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db";

export const PROBLEM_REPORTS_PAGE_SIZE = 25;

/** Administrators only (null for anyone else: the page answers 404). A page of reports, newest first. */
export async function listProblemReports(user: SessionUser, { page }: { page: number }) {
  if (!can(user, "admin.manage")) return null;
  const [total, reports] = await Promise.all([
    db.problemReport.count(),
    db.problemReport.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PROBLEM_REPORTS_PAGE_SIZE,
      take: PROBLEM_REPORTS_PAGE_SIZE,
      select: { id: true, pagePath: true, description: true, contactEmail: true, reporterId: true, locale: true, requestId: true, createdAt: true },
    }),
  ]);
  // The reporter is not a Prisma relation (the User model stays as it is): their names in one more query.
  const reporterIds = [...new Set(reports.map((report) => report.reporterId).filter((id): id is string => id !== null))];
  const reporters = reporterIds.length
    ? await db.user.findMany({ where: { id: { in: reporterIds } }, select: { id: true, displayName: true, email: true } })
    : [];
  const byId = new Map(reporters.map((reporter) => [reporter.id, reporter]));
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PROBLEM_REPORTS_PAGE_SIZE)),
    reports: reports.map((report) => ({ ...report, reporter: report.reporterId ? (byId.get(report.reporterId) ?? null) : null })),
  };
}
