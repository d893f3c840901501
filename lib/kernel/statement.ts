import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import type { OwnedRecord } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { receiptJson, type Receipt } from "./idempotency";
import { CommandRefusal } from "./result";

/*
 * Commands of atomicity "statement": the change, its audit events and, when the form sent an idempotency key, its
 * receipt, in ONE statement. PostgreSQL runs a statement atomically, so this keeps every guarantee of the
 * transaction the other commands run in (all or nothing, audit with the change, one run per key) at one round
 * trip instead of BEGIN, claim, change, receipt, COMMIT.
 *
 * How one key runs once, without a transaction:
 * - A key already used (committed): the `prior` CTE finds its receipt, the command's writes are gated on
 *   `fresh` (no prior receipt) and write nothing, and the first run's result is answered.
 * - Two submissions at once: both see no receipt in their snapshot and both run; the second one's receipt insert
 *   waits on the first's uncommitted row (the primary key) and, once the first commits, fails with a unique
 *   violation, which undoes its whole statement (change and audit events included); it then answers the first
 *   run's result. If the first failed instead, the second's insert goes through and it is the run that counts.
 * - Nothing changed (the record moved away since the owner read): no receipt is written either, so the key is
 *   not spent, as when a transaction rolls back.
 */

export type StatementContext<Input, Owner extends OwnedRecord = OwnedRecord> = {
  user: SessionUser;
  input: Input;
  requestId: string;
  owner: Owner | null;
  /**
   * A SQL condition to put on the statement's first write (every other write must follow from it, e.g.
   * `INSERT … SELECT … FROM <that CTE>`): true unless this key already has a receipt.
   */
  fresh: Prisma.Sql;
};

export type StatementPlan<Output> = {
  /** The statement's CTEs, comma-separated, without WITH: the change and its audit events. */
  ctes: Prisma.Sql;
  /** The CTE that returns a row when the change was made, none when it was not, e.g. Prisma.sql`inserted`. */
  changed: Prisma.Sql;
  /** The command's result, known before the statement runs (ids are made by the app). */
  result: Output;
};

/** Plans a statement command's statement and runs it, with its receipt folded in when there is a key. */
export async function runStatement<Input, Owner extends OwnedRecord, Output>(
  statement: (context: StatementContext<Input, Owner>) => StatementPlan<Output>,
  context: Omit<StatementContext<Input, Owner>, "fresh">,
  receipt: Receipt | null,
): Promise<{ replayed: boolean; data: Output }> {
  const plan = statement({ ...context, fresh: receipt ? Prisma.sql`NOT EXISTS (SELECT 1 FROM prior)` : Prisma.sql`TRUE` });
  const changed = plan.changed;
  if (!receipt) {
    const [row] = await db.$queryRaw<{ changed: number }[]>`WITH ${plan.ctes} SELECT (SELECT count(*) FROM ${changed})::int AS changed`;
    if (!row?.changed) throw new CommandRefusal({ ok: false, code: "not_found" });
    return { replayed: false, data: plan.result };
  }
  const { actorId, command, key, requestId } = receipt;
  try {
    const [row] = await db.$queryRaw<{ changed: number; replayed: boolean; prior: unknown }[]>`
      WITH prior AS (
        SELECT result FROM command_receipts WHERE actor_id = ${actorId}::uuid AND command = ${command} AND key = ${key}::uuid
      ),
      ${plan.ctes},
      receipt AS (
        INSERT INTO command_receipts (actor_id, command, key, request_id, result)
        SELECT ${actorId}::uuid, ${command}, ${key}::uuid, ${requestId}, ${receiptJson(plan.result)}::jsonb
        FROM (SELECT 1 FROM ${changed} LIMIT 1) AS made
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM ${changed})::int AS changed, EXISTS (SELECT 1 FROM prior) AS replayed, (SELECT result FROM prior) AS prior`;
    if (row?.replayed) return { replayed: true, data: row.prior as Output };
    if (!row?.changed) throw new CommandRefusal({ ok: false, code: "not_found" });
    return { replayed: false, data: plan.result };
  } catch (error) {
    if (!isReceiptConflict(error)) throw error;
    // Another submission with this key committed while this one ran: this one changed nothing; answer the first.
    const first = await db.commandReceipt.findUniqueOrThrow({ where: { actorId_command_key: { actorId, command, key } }, select: { result: true } });
    return { replayed: true, data: first.result as Output };
  }
}

/** A unique violation of command_receipts' primary key: the same key, committed by another submission meanwhile. */
function isReceiptConflict(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string; constraint?: { index?: string } } } } })?.meta?.driverAdapterError?.cause;
  return cause?.kind === "UniqueConstraintViolation" && cause.constraint?.index === "command_receipts_pkey";
}
