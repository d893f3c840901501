import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { torontoWallClockToUtc } from "@/lib/kernel/time";
import { callCellStatus, type CallCellStatus } from "./status";
import { isUuid } from "@/lib/security/ids";
import { requirePermission } from "@/lib/authz/require";

/** Calls for updates, open first then the most recent; with how many initiatives each covers. */
export async function listUpdateCalls(user: SessionUser) {
  requirePermission(user, "portal.read");
  return db.updateCall.findMany({
    select: { id: true, reportingPeriod: true, dueDate: true, status: true, closedAt: true, _count: { select: { initiatives: true } } },
    orderBy: [{ status: "asc" }, { dueDate: "desc" }],
    take: 100,
  });
}

/** The end of the due date in Toronto: an update posted that evening is still on time. */
function dueEndsAt(dueDate: Date): Date {
  return torontoWallClockToUtc(dueDate.toISOString().slice(0, 10), "23:59:59");
}

/**
 * One call and its matrix: per lead department, each covered initiative as submitted, late or missing. The first
 * status update per initiative for the call's reporting period is found by PostgreSQL.
 */
export async function getUpdateCallMatrix(user: SessionUser, id: string) {
  requirePermission(user, "portal.read");
  if (!isUuid(id)) return null;
  const call = await db.updateCall.findUnique({
    where: { id },
    select: {
      id: true,
      reportingPeriod: true,
      dueDate: true,
      status: true,
      closedAt: true,
      version: true,
      messageEn: true,
      messageFr: true,
      resultsFiscalYear: true,
      initiatives: {
        select: {
          initiative: {
            select: { id: true, code: true, titleEn: true, titleFr: true, leadDepartment: { select: { id: true, acronymEn: true, acronymFr: true } } },
          },
        },
      },
    },
  });
  if (!call) return null;
  const ids = call.initiatives.map((entry) => entry.initiative.id);
  const firsts = ids.length
    ? await db.statusUpdate.groupBy({ by: ["initiativeId"], where: { initiativeId: { in: ids }, reportingPeriod: call.reportingPeriod }, _min: { createdAt: true } })
    : [];
  const firstAt = new Map(firsts.map((row) => [row.initiativeId, row._min.createdAt]));
  const due = dueEndsAt(call.dueDate);
  const departments = new Map<string, { id: string; acronymEn: string; acronymFr: string; cells: { initiative: (typeof call.initiatives)[number]["initiative"]; status: CallCellStatus }[] }>();
  for (const { initiative } of call.initiatives) {
    const department = departments.get(initiative.leadDepartment.id) ?? { ...initiative.leadDepartment, cells: [] };
    department.cells.push({ initiative, status: callCellStatus(firstAt.get(initiative.id) ?? null, due, call.closedAt) });
    departments.set(initiative.leadDepartment.id, department);
  }
  const rows = [...departments.values()].sort((a, b) => a.acronymEn.localeCompare(b.acronymEn));
  rows.forEach((row) => row.cells.sort((a, b) => a.initiative.code.localeCompare(b.initiative.code)));
  const totals = { submitted: 0, late: 0, missing: 0 };
  rows.forEach((row) => row.cells.forEach((cell) => totals[cell.status]++));
  return { ...call, rows, totals };
}

export async function updateCallFormOptions() {
  return db.initiative.findMany({ where: { archivedAt: null, status: "ACTIVE" }, select: { id: true, code: true, titleEn: true, titleFr: true }, orderBy: { code: "asc" } });
}
