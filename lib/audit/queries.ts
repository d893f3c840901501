import "server-only";
import type { Tx } from "@/lib/commands/registry";

/** Who last changed a record and when, from its audit trail: what a conflict message names. */
export async function lastChange(tx: Tx, entityType: string, entityId: string): Promise<{ changedBy: string | null; changedAt: Date | null }> {
  const event = await tx.auditEvent.findFirst({
    where: { entityType, entityId },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true, actor: { select: { displayName: true } } },
  });
  return { changedBy: event?.actor?.displayName ?? null, changedAt: event?.occurredAt ?? null };
}
