import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";

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

/**
 * The same events as `recordAudit`, for a command that makes its change in ONE SQL statement (atomicity
 * "statement", lib/kernel/statement.ts): a data-modifying CTE body that writes one event per entry for each row of
 * `gate` (the CTE that returns a row when the change was made), so the events commit, or not, with the change.
 * Use it as `audited AS (${auditInsertSql(Prisma.sql`inserted`, [...])})`.
 */
export function auditInsertSql(gate: Prisma.Sql, entries: AuditEntry[]): Prisma.Sql {
  const json = (value: Prisma.InputJsonValue | null | undefined) => (value === undefined || value === null ? null : JSON.stringify(value));
  const rows = entries.map(
    (entry) =>
      Prisma.sql`(${randomUUID()}::uuid, ${entry.actorId}::uuid, ${entry.action}::varchar, ${entry.entityType}::varchar, ${entry.entityId}::varchar, ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb, ${entry.requestId ?? null}::varchar, ${entry.ip ?? null}::varchar)`,
  );
  return Prisma.sql`
    INSERT INTO audit_events (id, actor_id, action, entity_type, entity_id, before, after, request_id, ip)
    SELECT event.id, event.actor_id, event.action, event.entity_type, event.entity_id, event.before, event.after, event.request_id, event.ip
    FROM ${gate}, (VALUES ${Prisma.join(rows)}) AS event (id, actor_id, action, entity_type, entity_id, before, after, request_id, ip)`;
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
