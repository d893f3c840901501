/**
 * The job queue: graphile-worker 0.18 (docs/platform.md says why), its schema `graphile_worker` in the portal's own
 * database. What the portal puts on it:
 *
 * - `deliver_message` { id }: sends one row of the outbox (`outbound_messages`). Never added from JavaScript: the
 *   trigger `outbound_messages_enqueue` (migration `job_queue`) calls `graphile_worker.add_job` whenever a row is
 *   inserted or becomes QUEUED again, in the same transaction, with the job key `deliver_message:<id>` and the
 *   row's `next_attempt_at` as `run_at`. A change that rolls back therefore queues nothing.
 * - `extract_document_texts`: the text of new document versions for the search (trigger on `document_versions`,
 *   one job key for all of them, so a burst of uploads is one job).
 * - the crontab below: the scheduled notices and housekeeping (every five minutes, as the hand-written scheduler
 *   did) and a sweep that re-queues outbox rows that are due but have no job (mail resumed after a pause, a worker
 *   that died mid-send, rows queued before this queue existed).
 *
 * Not "server-only": the worker starts from instrumentation.ts, and scripts/db/migrate.ts installs the schema.
 */
import { Logger, parseCronItems, runMigrations, type LogFunctionFactory } from "graphile-worker";
import type pg from "pg";

export const JOB_QUEUE_SCHEMA = "graphile_worker";

export const TASK = {
  deliverMessage: "deliver_message",
  extractDocumentTexts: "extract_document_texts",
  scheduledNotices: "scheduled_notices",
  requeueMessages: "requeue_messages",
} as const;

export type TaskName = (typeof TASK)[keyof typeof TASK];

/** The job key of an outbox row's delivery (the SQL trigger builds the same string). */
export function deliveryJobKey(messageId: string): string {
  return `${TASK.deliverMessage}:${messageId}`;
}

/**
 * The crontab. graphile-worker fires each item once per scheduled minute across every instance (its
 * `known_crontabs` table), and the job keys make a slow run absorb the next tick rather than pile up.
 */
export function cronItems() {
  return parseCronItems([
    { task: TASK.scheduledNotices, match: "*/5 * * * *", identifier: TASK.scheduledNotices, options: { jobKey: TASK.scheduledNotices, jobKeyMode: "replace", maxAttempts: 3, backfillPeriod: 0 } },
    { task: TASK.requeueMessages, match: "* * * * *", identifier: TASK.requeueMessages, options: { jobKey: TASK.requeueMessages, jobKeyMode: "replace", maxAttempts: 3, backfillPeriod: 0 } },
    // A sweep for versions whose extraction job was lost (the trigger queues each upload at once).
    { task: TASK.extractDocumentTexts, match: "*/5 * * * *", identifier: TASK.extractDocumentTexts, options: { jobKey: TASK.extractDocumentTexts, jobKeyMode: "replace", maxAttempts: 3, backfillPeriod: 0 } },
  ]);
}

/** graphile-worker's log, as the portal's JSON log lines; warnings and errors only (it is chatty at info). */
const logFactory: LogFunctionFactory = (scope) => (level, message, meta) => {
  if (level !== "error" && level !== "warning") return;
  const line = { level: level === "warning" ? "warn" : "error", time: new Date().toISOString(), msg: `job queue: ${message}`, task: scope.taskIdentifier, jobId: scope.jobId, ...(meta && typeof meta === "object" && "error" in meta ? { error: String((meta as { error: unknown }).error) } : {}) };
  (level === "error" ? console.error : console.warn)(JSON.stringify(line));
};

export const queueLogger = new Logger(logFactory);

/**
 * Installs or upgrades graphile-worker's schema. Needs only what the portal's migrations need (CREATE on the
 * database: a schema, tables, functions in plpgsql); no extension, no superuser, nothing downloaded. Idempotent.
 */
export async function installJobQueueSchema(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, schema: JOB_QUEUE_SCHEMA, logger: queueLogger, maxPoolSize: 1 });
}

const guardedPools = new WeakSet<pg.Pool>();

/**
 * graphile-worker asks that a pool it is given have an `error` listener (idle connections dropped by a restart) and
 * a `connect` one that puts a listener on each connection (one lost while a job holds it): without them a
 * PostgreSQL restart would crash the process. Adds whichever the pool lacks, once.
 */
export function guardQueuePool(pool: pg.Pool): pg.Pool {
  if (guardedPools.has(pool)) return pool;
  guardedPools.add(pool);
  const lost = (error: Error) =>
    console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), msg: "job queue connection lost", error: error.message }));
  if (pool.listeners("error").length === 0) pool.on("error", lost);
  if (pool.listeners("connect").length === 0) pool.on("connect", (client) => client.on("error", lost));
  return pool;
}
