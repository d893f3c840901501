import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/types";
import { requirePermission } from "@/lib/authz/require";
import type { Tx } from "@/lib/kernel/tx";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isStorableText } from "@/lib/kernel/validation";
import { isCalendarDate } from "@/lib/kernel/schema-helpers";
import { torontoWallClockToUtc } from "@/lib/kernel/time";

/** Who last changed a record and when, from its audit trail: what a conflict message names. */
export async function lastChange(tx: Tx, entityType: string, entityId: string): Promise<{ changedBy: string | null; changedAt: Date | null }> {
  const event = await tx.auditEvent.findFirst({
    where: { entityType, entityId },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true, actor: { select: { displayName: true } } },
  });
  return { changedBy: event?.actor?.displayName ?? null, changedAt: event?.occurredAt ?? null };
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDate);

/** Filters of the audit log, from the query string; anything malformed is simply ignored. */
export const auditFiltersSchema = z.object({
  actorId: z.uuid().optional().catch(undefined),
  entityType: z.string().trim().min(1).max(60).refine(isStorableText).optional().catch(undefined),
  action: z.string().trim().min(1).max(100).refine(isStorableText).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const auditPageSize = 50;
/** The most rows one CSV export carries; narrow the filters for more. */
export const auditExportLimit = 50_000;

/** Midnight at the start of a calendar day in America/Toronto, the portal's time zone, as a UTC instant. */
export function torontoStartOfDay(isoDay: string): Date {
  return torontoWallClockToUtc(isoDay, "00:00");
}

function auditWhere(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const to = filters.to ? new Date(torontoStartOfDay(filters.to).getTime() + 24 * 60 * 60_000) : undefined;
  return {
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from || to ? { occurredAt: { ...(filters.from ? { gte: torontoStartOfDay(filters.from) } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
}

const auditRow = {
  id: true,
  occurredAt: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  ip: true,
  requestId: true,
  actor: { select: { displayName: true, email: true } },
} as const;

/** Administrators: the audit log, newest first, one page at a time. */
export async function listAuditEvents(user: SessionUser, filters: AuditFilters) {
  requirePermission(user, "admin.manage");
  const where = auditWhere(filters);
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: [{ occurredAt: "desc" }, { id: "asc" }], skip: (filters.page - 1) * auditPageSize, take: auditPageSize, select: auditRow }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / auditPageSize)) };
}

/** Administrators: the rows of a CSV export (newest first, at most auditExportLimit). */
export async function auditEventsForExport(user: SessionUser, filters: AuditFilters) {
  requirePermission(user, "admin.manage");
  return db.auditEvent.findMany({ where: auditWhere(filters), orderBy: [{ occurredAt: "desc" }, { id: "asc" }], take: auditExportLimit, select: auditRow });
}

/** The choices of the filters: people who appear in the log, and the record types and actions in it. */
export async function auditFilterChoices(user: SessionUser) {
  requirePermission(user, "admin.manage");
  const [actors, types, actions] = await Promise.all([
    db.user.findMany({ where: { auditEvents: { some: {} } }, orderBy: { displayName: "asc" }, select: { id: true, displayName: true, email: true } }),
    db.auditEvent.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } }),
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
  ]);
  return { actors, entityTypes: types.map((row) => row.entityType), actions: actions.map((row) => row.action) };
}
