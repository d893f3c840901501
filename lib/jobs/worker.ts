import { db } from "@/lib/db";
import { extractPendingTexts, sweepDocumentBlobs } from "@/lib/documents";
import { mailConfig } from "@/lib/mail/config";
import type { MailTransport } from "@/lib/mail/transport";
import { deliverDueMessages } from "./deliver";
import { pruneCommandReceipts } from "./housekeeping";
import { runScheduledNotices } from "./scheduler";

/** Scheduled notices need not be checked on every delivery tick. */
const SCHEDULE_EVERY_MS = 5 * 60_000;

type WorkerState = { timer: ReturnType<typeof setTimeout> | null; stopped: boolean; lastScheduledAt: number; transport: MailTransport | null };

const globalForWorker = globalThis as typeof globalThis & { __iwgtipMailWorker?: WorkerState };

/**
 * Starts this process's mail worker, once (kept on globalThis: Next may load this module more than once). Every few
 * minutes a tick queues the scheduled notices and forgets old idempotency receipts; every tick sends what is due,
 * unless an administrator paused mail. With no SMTP configured it still schedules, and messages wait in the outbox. A failing tick (database down) is logged and
 * the next one tries again; nothing here runs in a request.
 */
export function startMailWorker(): void {
  if (globalForWorker.__iwgtipMailWorker) return;
  const config = mailConfig();
  if (!config.workerEnabled) return;
  const state: WorkerState = { timer: null, stopped: false, lastScheduledAt: 0, transport: null };
  globalForWorker.__iwgtipMailWorker = state;

  // nodemailer is loaded on the first tick, and only with SMTP configured: it stays out of the server's start-up.
  const smtp = config.smtp;
  const tick = async () => {
    try {
      if (smtp && !state.transport) state.transport = (await import("@/lib/mail/transport")).createSmtpTransport(smtp);
      if (Date.now() - state.lastScheduledAt >= SCHEDULE_EVERY_MS) {
        await runScheduledNotices(new Date());
        await pruneCommandReceipts(db);
        // Files no version or board book holds (an upload cut off by a crash, above all in the S3 store; issue 20).
        await sweepDocumentBlobs(new Date());
        state.lastScheduledAt = Date.now();
      }
      // The text of papers uploaded since the last tick, for the search (issue 20), a few per tick.
      await extractPendingTexts();
      if (state.transport) {
        // Drain in batches while there is work, so a burst (an agenda to every member) goes out promptly.
        for (let round = 0; round < 10 && !state.stopped; round += 1) {
          const report = await deliverDueMessages({ client: db, transport: state.transport, from: config.from });
          if (report.paused || report.claimed === 0) break;
        }
      }
    } catch (error) {
      console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), msg: "mail worker tick failed", error: error instanceof Error ? error.message : String(error) }));
    } finally {
      if (!state.stopped) {
        state.timer = setTimeout(() => void tick(), config.workerIntervalMs);
        state.timer.unref?.();
      }
    }
  };
  state.timer = setTimeout(() => void tick(), 5_000);
  state.timer.unref?.();
}

/** Stops this process's worker (tests and shutdown). */
export function stopMailWorker(): void {
  const state = globalForWorker.__iwgtipMailWorker;
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
  state.transport?.close();
  delete globalForWorker.__iwgtipMailWorker;
}
