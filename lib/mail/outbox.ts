import type { NoticeKind, Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import type { ComposedMessage } from "./compose";
import type { MailAttachment } from "./transport";

/** The database client to queue with: `db`, or the transaction of the change the message is about. */
export type DbClient = Prisma.TransactionClient;

export type QueuedMessage = {
  /** Identifies the notice for this recipient; queuing the same key again does nothing. */
  dedupeKey: string;
  kind: NoticeKind | null;
  recipientId: string | null;
  toAddress: string;
  language: Locale;
  subject: string;
  textBody: string;
  htmlBody: string;
  attachments?: MailAttachment[];
};

/** A composed message addressed to one person, in the language it leads with: what the outbox queues. */
export function messageTo(
  recipient: { id: string; email: string; language: Locale },
  composed: ComposedMessage,
  { dedupeKey, kind = null, attachments }: { dedupeKey: string; kind?: NoticeKind | null; attachments?: MailAttachment[] },
): QueuedMessage {
  return {
    dedupeKey,
    kind,
    recipientId: recipient.id,
    toAddress: recipient.email,
    language: recipient.language,
    subject: composed.subject,
    textBody: composed.text,
    htmlBody: composed.html,
    ...(attachments ? { attachments } : {}),
  };
}

/**
 * Queues messages for delivery, idempotently: a dedupe key already in the outbox is skipped (ON CONFLICT DO
 * NOTHING), so a notice triggered twice, or by two app instances at once, is sent once. Queuing is a plain insert:
 * it never waits for SMTP. Called with a transaction, the messages exist only if that transaction commits.
 * Returns how many were new.
 */
export async function enqueueMessages(client: DbClient, messages: QueuedMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const result = await client.outboundMessage.createMany({
    data: messages.map((message) => ({
      dedupeKey: message.dedupeKey.slice(0, 300),
      kind: message.kind,
      recipientId: message.recipientId,
      toAddress: message.toAddress,
      language: message.language,
      subject: message.subject.slice(0, 500),
      textBody: message.textBody,
      htmlBody: message.htmlBody,
      attachments: (message.attachments ?? []) as unknown as Prisma.InputJsonValue,
    })),
    skipDuplicates: true,
  });
  return result.count;
}
