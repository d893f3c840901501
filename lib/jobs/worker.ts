import { run, type Runner, type TaskList } from "graphile-worker";
import pg from "pg";
import { db } from "@/lib/db";
import { extractPendingTexts, sweepDocumentBlobs } from "@/lib/documents";
import { mailConfig } from "@/lib/mail/config";
import type { MailTransport } from "@/lib/mail/transport";
import { deliveryTask, requeueDueMessages } from "./deliver";
import { pruneCommandReceipts } from "./housekeeping";
import { JOB_QUEUE_SCHEMA, TASK, cronItems, guardQueuePool, queueLogger } from "./queue";
import { runScheduledNotices } from "./scheduler";

/** Jobs this process runs at once (a send waits on SMTP, an extraction on the CPU: a few in parallel is plenty). */
const CONCURRENCY = 2;
/** graphile-worker's own connections: one that LISTENs for new jobs, the others take and finish jobs. */
const QUEUE_POOL_MAX = CONCURRENCY + 2;

type WorkerState = { runner: Runner | null; pool: pg.Pool | null; transport: MailTransport | null; stopped: boolean };

const globalForWorker = globalThis as typeof globalThis & { __iwgtipMailWorker?: WorkerState };

function logError(msg: string, error: unknown) {
  console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), msg, error: error instanceof Error ? error.message : String(error) }));
}

/**
 * The tasks this process runs. Without SMTP configured there is no `deliver_message` task: graphile-worker takes only
 * jobs it has a task for, so the messages wait in the outbox (administrators read them there) and go out once a
 * worker with SMTP starts.
 */
export function portalTasks(transport: MailTransport | null, from: string): TaskList {
  const tasks: TaskList = {
    [TASK.scheduledNotices]: async () => {
      // The time-driven notices (idempotent: dedupe keys) and the idempotency receipts past their retention.
      await runScheduledNotices(new Date());
      await pruneCommandReceipts(db);
      // Files no version or board book holds (an upload cut off by a crash, above all in the S3 store; issue 20).
      await sweepDocumentBlobs(new Date());
    },
    [TASK.requeueMessages]: async () => {
      await requeueDueMessages(db);
    },
    [TASK.extractDocumentTexts]: async () => {
      // The text of papers uploaded since (issue 20), a few at a time until none is left.
      for (let round = 0; round < 100 && (await extractPendingTexts()) > 0; round += 1);
    },
  };
  if (transport) tasks[TASK.deliverMessage] = deliveryTask({ client: db, transport, from });
  return tasks;
}

/**
 * Starts this process's worker, once (kept on globalThis: Next may load this module more than once): graphile-worker
 * over its own small pool, LISTENing for new jobs (an outbox row inserted by a command is sent within moments of
 * its commit), with the crontab for the scheduled notices. With no SMTP configured it still schedules, and messages
 * wait in the outbox. `MAIL_WORKER=off` starts nothing (instances that only serve pages). A database that is down
 * at start is logged and tried again; nothing here runs in a request.
 */
export function startMailWorker(): void {
  if (globalForWorker.__iwgtipMailWorker) return;
  const config = mailConfig();
  if (!config.workerEnabled) return;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) return;
  const state: WorkerState = { runner: null, pool: null, transport: null, stopped: false };
  globalForWorker.__iwgtipMailWorker = state;

  const start = async () => {
    try {
      // nodemailer is loaded only with SMTP configured: it stays out of the server's start-up otherwise.
      if (config.smtp && !state.transport) state.transport = (await import("@/lib/mail/transport")).createSmtpTransport(config.smtp);
      if (!state.pool) {
        // A connection dropped by a PostgreSQL restart must not crash the process; graphile-worker reconnects.
        state.pool = guardQueuePool(new pg.Pool({ connectionString, max: QUEUE_POOL_MAX, application_name: "iwgtip-portal-worker", connectionTimeoutMillis: 5_000, keepAlive: true }));
      }
      if (state.stopped) return;
      state.runner = await run({
        pgPool: state.pool,
        schema: JOB_QUEUE_SCHEMA,
        logger: queueLogger,
        concurrency: CONCURRENCY,
        pollInterval: config.workerIntervalMs,
        noHandleSignals: true,
        taskList: portalTasks(state.transport, config.from),
        parsedCronItems: cronItems(),
      });
      if (state.stopped) await state.runner.stop();
    } catch (error) {
      logError("job queue worker did not start; trying again in 30 s", error);
      if (!state.stopped) setTimeout(() => void start(), 30_000).unref?.();
    }
  };
  setTimeout(() => void start(), 2_000).unref?.();
}

/** Stops this process's worker (tests and shutdown). */
export async function stopMailWorker(): Promise<void> {
  const state = globalForWorker.__iwgtipMailWorker;
  if (!state) return;
  state.stopped = true;
  delete globalForWorker.__iwgtipMailWorker;
  await state.runner?.stop().catch((error: unknown) => logError("job queue worker did not stop cleanly", error));
  state.transport?.close();
  await state.pool?.end().catch(() => undefined);
}
