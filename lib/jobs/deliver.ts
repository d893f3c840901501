import { randomUUID } from "node:crypto";
import type { DbClient } from "@/lib/mail/outbox";
import { readMailPaused } from "@/lib/mail/settings";
import type { MailAttachment, MailTransport } from "@/lib/mail/transport";
import { MAX_ATTEMPTS, backoffDelayMs, classifySendError, describeSendError, looksLikeAddress } from "./retry";

export type DeliveryReport = { paused: boolean; claimed: number; sent: number; retrying: number; failed: number };

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
 * Sends the messages that are due, once each even with several workers (app instances) running at once:
 *
 * 1. Claim: one UPDATE over a sub-select `FOR UPDATE SKIP LOCKED` marks a batch SENDING with this worker's claim
 *    token and a lease. Rows another worker is claiming are skipped, not waited for, and a claimed row is no longer
 *    QUEUED, so no second worker can take it. A SENDING row whose lease ran out (its worker died) is due again.
 * 2. Send each, then record the outcome only if the claim is still ours (`claim_token`).
 *
 * Delivery is at-least-once only if a worker dies between the SMTP server accepting a message and step 2; the
 * lease makes that window the only one. Paused mail (the administrators' setting) claims nothing.
 */
export async function deliverDueMessages({
  client,
  transport,
  from,
  batchSize = 20,
}: {
  client: DbClient;
  transport: MailTransport;
  from: string;
  batchSize?: number;
}): Promise<DeliveryReport> {
  const report: DeliveryReport = { paused: false, claimed: 0, sent: 0, retrying: 0, failed: 0 };
  if (await readMailPaused(client)) return { ...report, paused: true };

  const claimToken = randomUUID();
  const claimed = await client.$queryRaw<ClaimedMessage[]>`
    UPDATE outbound_messages
       SET status = 'SENDING', claim_token = ${claimToken}::uuid, attempts = attempts + 1,
           lease_until = now() + make_interval(secs => ${LEASE_SECONDS}), updated_at = now()
     WHERE id IN (
       SELECT id FROM outbound_messages
        WHERE (status = 'QUEUED' AND next_attempt_at <= now())
           OR (status = 'SENDING' AND lease_until < now())
        ORDER BY next_attempt_at, created_at
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, to_address, language::text AS language, subject, text_body, html_body, attachments, attempts`;
  report.claimed = claimed.length;

  for (const message of claimed) {
    try {
      if (!looksLikeAddress(message.to_address)) {
        throw Object.assign(new Error(`"${message.to_address}" is not an e-mail address`), { code: "EENVELOPE" });
      }
      const { messageId } = await transport.send({
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
           SET status = 'SENT', sent_at = now(), smtp_message_id = ${messageId.slice(0, 300)}, last_error = NULL,
               lease_until = NULL, claim_token = NULL, updated_at = now()
         WHERE id = ${message.id}::uuid AND claim_token = ${claimToken}::uuid`;
      report.sent += 1;
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
        report.retrying += 1;
      } else {
        const reason = kind === "transient" ? "gave_up" : kind;
        await client.$executeRaw`
          UPDATE outbound_messages
             SET status = 'FAILED', failure_reason = ${reason}, last_error = ${lastError},
                 lease_until = NULL, claim_token = NULL, updated_at = now()
           WHERE id = ${message.id}::uuid AND claim_token = ${claimToken}::uuid`;
        report.failed += 1;
      }
    }
  }
  return report;
}
