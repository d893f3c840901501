import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "./tx";

export type Receipt = { actorId: string; command: string; key: string; requestId: string };

/** Keys are UUIDs made by the form (components/forms/idempotency-key-field.tsx). */
export const idempotencyKeySchema = z.uuid();

/**
 * Claims the key inside the command's transaction. The insert waits on the primary key while another
 * transaction holds the same key: if that one commits, this one finds its receipt and returns its result;
 * if it rolls back (refused, failed), this one claims the key and runs. So two submissions never both run.
 */
export async function claimReceipt(tx: Tx, receipt: Receipt): Promise<{ claimed: true } | { claimed: false; result: unknown }> {
  const { actorId, command, key, requestId } = receipt;
  const inserted = await tx.commandReceipt.createMany({ data: [{ actorId, command, key, requestId }], skipDuplicates: true });
  if (inserted.count === 1) return { claimed: true };
  const first = await tx.commandReceipt.findUniqueOrThrow({ where: { actorId_command_key: { actorId, command, key } }, select: { result: true } });
  return { claimed: false, result: first.result };
}

/** Keeps the result of the run that claimed the key, for the submissions that repeat it. */
export async function storeReceipt(tx: Tx, receipt: Receipt, data: unknown): Promise<void> {
  const { actorId, command, key } = receipt;
  await tx.commandReceipt.update({ where: { actorId_command_key: { actorId, command, key } }, data: { result: toJsonValue(data) } });
}

/** A result as the JSON text a receipt keeps (what `storeReceipt` stores), for a statement that stores it itself. */
export function receiptJson(data: unknown): string | null {
  const value = toJsonValue(data);
  return value === Prisma.JsonNull ? null : JSON.stringify(value);
}

function toJsonValue(data: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  if (data === undefined || data === null) return Prisma.JsonNull;
  return JSON.parse(JSON.stringify(data, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))) as Prisma.InputJsonValue;
}
