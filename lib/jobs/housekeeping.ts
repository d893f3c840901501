import type { DbClient } from "@/lib/mail/outbox";

/**
 * How long a create form's idempotency key is remembered. A key guards against the same submission arriving twice
 * (a double click, a retried request); the form renews its key after every answer, so a week is far beyond any real
 * resubmission, and the table stays small.
 */
export const RECEIPT_RETENTION_DAYS = 7;

/**
 * Forgets idempotency receipts older than the retention. Receipts are technical records of "this key was used", not
 * portal data (the audit log keeps what was done), so deleting them removes nothing anyone can see. Any instance may
 * run this at any time: a DELETE by age is idempotent.
 */
export async function pruneCommandReceipts(client: DbClient, now: Date = new Date()): Promise<number> {
  return client.$executeRaw`
    DELETE FROM command_receipts WHERE created_at < ${now}::timestamptz - make_interval(days => ${RECEIPT_RETENTION_DAYS})`;
}
