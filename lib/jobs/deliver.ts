import { randomUUID } from "node:crypto";
import { runOnce, type Task } from "graphile-worker";
import type pg from "pg";
import { databasePool } from "@/lib/db";
import type { DbClient } from "@/lib/mail/outbox";
import { readMailPaused } from "@/lib/mail/settings";
import type { MailAttachment, MailTransport } from "@/lib/mail/transport";
import { JOB_QUEUE_SCHEMA, TASK, guardQueuePool, queueLogger } from "./queue";
import { MAX_ATTEMPTS, backoffDelayMs, classifySendError, describeSendError, looksLikeAddress } from "./retry";

export type DeliveryReport = { paused: boolean; claimed: number; sent: number; retrying: number; failed: number };

/** What one `deliver_message` job did with its row. */
export type DeliveryOutcome = "paused" | "not_due" | "sent" | "retrying" | "failed";

type ClaimedMessage = {
  id: string;
  to_address: string;
  language: string;
  subject: string;
  text_body: string;
  html_body: string;
  attachments: unknown;
  attempts: number;
};

/** Long enough for any one send (the transport times out well before), short enough that a crashed worker's claim returns soon. */
const LEASE_SECONDS = 300;

/**
 * The `deliver_message` job: sends one outbox row, once even if two jobs or two workers reach it at once.
 *
 * 1. Claim: the row becomes SENDING with this run's claim token and a lease, only if it is QUEUED and due (or
 *    SENDING with a lease that ran out: its worker died). graphile-worker already hands a job to one worker; the
 *    claim also covers a second job for the same row (the sweep below) and keeps the administrators' outbox
 *    screen truthful.
 * 2. Send, then record the outcome only if the claim is still ours (`claim_token`). A transient failure puts the
 *    row back to QUEUED with the portal's back-off (retry.ts) in `next_attempt_at`: the outbox trigger then queues
 *    the next attempt's job at that time. The job itself succeeds; graphile-worker's own retries are for a job that
 *    threw (the database went away mid-job).
 *
 * Paused mail (the administrators' setting) claims nothing: the row stays QUEUED and the sweep queues it again once
 * mail is resumed. Delivery is at-least-once only if a worker dies between the SMTP server accepting a message and
 * step 2.
 */
export async function deliverMessage(
  messageId: string,
  { client, transport, from }: { client: DbClient; transport: MailTransport; from: string },
): Promise<DeliveryOutcome> {
  if (await readMailPaused(client)) return "paused";

  const claimToken = randomUUID();
  const [message] = await client.$queryRaw<ClaimedMessage[]>`
    UPDATE outbound_messages
       SET status = 'SENDING', claim_token = ${claimToken}::uuid, attempts = attempts + 1,
           lease_until = now() + make_interval(secs => ${LEASE_SECONDS}), updated_at = now()
     WHERE id = ${messageId}::uuid
       AND ((status = 'QUEUED' AND next_attempt_at <= now()) OR (status = 'SENDING' AND lease_until < now()))
    RETURNING id, to_address, language::text AS language, subject, text_body, html_body, attachments, attempts`;
  if (!message) return "not_due";

  try {
    if (!looksLikeAddress(message.to_address)) {
      throw Object.assign(new Error(`"${message.to_address}" is not an e-mail address`), { code: "EENVELOPE" });
    }
    const { messageId: smtpMessageId } = await transport.send({
      from,
      to: message.to_address,
      subject: message.subject,
      text: message.text_body,
      html: message.html_body,
      language: message.language,
      attachments: Array.isArray(message.attachments) ? (message.attachments as MailAttachment[]) : [],
    });
    await client.$executeRaw`
      UPDATE outbound_messages
         SET status = 'SENT', sent_at = now(), smtp_message_id = ${smtpMessageId.slice(0, 300)}, last_error = NULL,
             lease_until = NULL, claim_token = NULL, updated_at = now()
       WHERE id = ${message.id}::uuid AND claim_token = ${claimToken}::uuid`;
    return "sent";
  } catch (error) {
    const kind = classifySendError(error);
    const lastError = describeSendError(error);
    if (kind === "transient" && message.attempts < MAX_ATTEMPTS) {
      const delaySeconds = backoffDelayMs(message.attempts) / 1_000;
      await client.$executeRaw`
        UPDATE outbound_messages
           SET status = 'QUEUED', last_error = ${lastError}, next_attempt_at = now() + make_interval(secs => ${delaySeconds}),
               lease_until = NULL, claim_token = NULL, updated_at = now()
         WHERE id = ${message.id}::uuid AND claim_token = ${claimToken}::uuid`;
      return "retrying";
    }
    const reason = kind === "transient" ? "gave_up" : kind;
    await client.$executeRaw`
      UPDATE outbound_messages
         SET status = 'FAILED', failure_reason = ${reason}, last_error = ${lastError},
             lease_until = NULL, claim_token = NULL, updated_at = now()
       WHERE id = ${message.id}::uuid AND claim_token = ${claimToken}::uuid`;
    return "failed";
  }
}

/**
 * The `requeue_messages` sweep (every minute, and before `deliverDueMessages`): queues a delivery job for every
 * outbox row that is due and has no job waiting for it: rows left QUEUED while mail was paused, SENDING rows whose
 * worker died (lease ran out), rows queued before graphile-worker replaced the hand-written queue. Nothing while
 * mail is paused. `preserve_run_at` leaves a job that exists alone. Returns how many jobs it queued.
 */
export async function requeueDueMessages(client: DbClient): Promise<number> {
  if (await readMailPaused(client)) return 0;
  const [row] = await client.$queryRaw<{ queued: number }[]>`
    SELECT count(graphile_worker.add_job(
             ${TASK.deliverMessage}::text, json_build_object('id', m.id), run_at := now(),
             job_key := ${TASK.deliverMessage}::text || ':' || m.id::text, job_key_mode := 'preserve_run_at'))::int AS queued
      FROM outbound_messages m
     WHERE ((m.status = 'QUEUED' AND m.next_attempt_at <= now()) OR (m.status = 'SENDING' AND m.lease_until < now()))
       AND NOT EXISTS (
             SELECT 1 FROM graphile_worker.jobs j
              WHERE j.key = ${TASK.deliverMessage}::text || ':' || m.id::text AND j.attempts < j.max_attempts)`;
  return row?.queued ?? 0;
}

/** The payload of a `deliver_message` job, checked (a job is data from the database, not a promise). */
export function messageIdOf(payload: unknown): string {
  const id = (payload as { id?: unknown } | null)?.id;
  if (typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error("deliver_message: the payload has no message id");
  return id;
}

/** The `deliver_message` task for graphile-worker, over a transport; `tally` hears each outcome. */
export function deliveryTask(options: { client: DbClient; transport: MailTransport; from: string }, tally?: (outcome: DeliveryOutcome) => void): Task {
  return async (payload) => {
    const outcome = await deliverMessage(messageIdOf(payload), options);
    tally?.(outcome);
  };
}

/**
 * Sends every message that is due, now, in this process, and returns what happened: one worker's run of the queue
 * until no delivery job is runnable (graphile-worker's `runOnce`), after the sweep. The running portal does not
 * need it (its worker runs continuously, lib/jobs/worker.ts); tests and one-off scripts do. Several may run at once
 * (two app instances): each job, and each row, is taken by one of them. `pool` is the connection graphile-worker
 * uses to take jobs (default: the pool under `db`); `batchSize` is kept for callers and no longer needed.
 */
export async function deliverDueMessages({
  client,
  transport,
  from,
  pool,
}: {
  client: DbClient;
  transport: MailTransport;
  from: string;
  batchSize?: number;
  pool?: pg.Pool;
}): Promise<DeliveryReport> {
  const report: DeliveryReport = { paused: false, claimed: 0, sent: 0, retrying: 0, failed: 0 };
  if (await readMailPaused(client)) return { ...report, paused: true };
  await requeueDueMessages(client);
  const tally = (outcome: DeliveryOutcome) => {
    if (outcome === "paused") report.paused = true;
    if (outcome === "sent" || outcome === "retrying" || outcome === "failed") {
      report.claimed += 1;
      report[outcome] += 1;
    }
  };
  await runOnce({
    pgPool: guardQueuePool(pool ?? databasePool()),
    schema: JOB_QUEUE_SCHEMA,
    logger: queueLogger,
    noHandleSignals: true,
    taskList: { [TASK.deliverMessage]: deliveryTask({ client, transport, from }, tally) },
  });
  return report;
}
