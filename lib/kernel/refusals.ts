import "server-only";
import type { Tx } from "./tx";
import { CommandRefusal, type ValidationKey } from "./result";

/** Refuses the command with a message at one field; the transaction rolls back, nothing is saved. */
export function refuseField(field: string, key: ValidationKey): never {
  throw new CommandRefusal({ ok: false, code: "invalid", fieldErrors: { [field]: [{ key }] } });
}

export function refuseNotFound(): never {
  throw new CommandRefusal({ ok: false, code: "not_found" });
}

/**
 * A stale version: answers conflict naming who last changed the record and when (from the audit log); `fallbackAt`
 * is the time to give when the log has nothing on the record (e.g. its last `updatedAt`).
 */
export async function refuseConflict(tx: Tx, entityType: string, entityId: string, fallbackAt: Date | null = null): Promise<never> {
  const last = await tx.auditEvent.findFirst({
    where: { entityType, entityId },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true, actor: { select: { displayName: true } } },
  });
  throw new CommandRefusal({ ok: false, code: "conflict", changedBy: last?.actor?.displayName ?? null, changedAt: last?.occurredAt ?? fallbackAt });
}
