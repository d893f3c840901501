import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A closed list of audited actions; add one here when a command needs it. */
export const auditActions = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.locked_out",
  "auth.under_attack",
] as const;

export type AuditAction = (typeof auditActions)[number] | `${string}.${string}`;

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  /** Only the fields that changed, before and after; never secrets such as password hashes. */
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  requestId?: string | null;
  ip?: string | null;
};

/**
 * Writes one audit event. Call it with the transaction client of the change it records,
 * so the event and the change commit or roll back together.
 */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      requestId: entry.requestId ?? null,
      ip: entry.ip ?? null,
    },
  });
}

/** The fields whose values differ, as `{ before, after }` JSON objects (BigInt and Date made plain). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Prisma.InputJsonObject; after: Prisma.InputJsonObject } {
  const was: Record<string, Prisma.InputJsonValue | null> = {};
  const now: Record<string, Prisma.InputJsonValue | null> = {};
  for (const key of Object.keys(after)) {
    const a = toJson(before[key]);
    const b = toJson(after[key]);
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      was[key] = a;
      now[key] = b;
    }
  }
  return { before: was, after: now };
}

function toJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJson(item)) as Prisma.InputJsonArray;
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)])) as Prisma.InputJsonObject;
  }
  return value as Prisma.InputJsonValue;
}
