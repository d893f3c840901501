import { enqueueMessages, type DbClient } from "@/lib/mail/outbox";
import { byLocale } from "@/lib/i18n/localized";
import { pickNotices, type InPortalNotice } from "./centre";
import { baseUrlOf, noticeFor, recipientsFor, type NoticeOptions } from "./shared";

/** At most this much of a comment goes into the e-mail; the rest is on the page. */
const EXCERPT = 600;

/**
 * The e-mail side of a discussion notice (issue 22): the people a new comment concerns (mentioned, replied to,
 * leading or following) who have not turned "DISCUSSION" off in their e-mail notices get one bilingual message,
 * once per comment and person (the dedupe key). The comment's text goes in as text (the mail escapes it).
 */
export async function emailDiscussionNotices(client: DbClient, notices: InPortalNotice[], comment: { id: string; body: string; actorName: string }, options: NoticeOptions = {}): Promise<number> {
  const chosen = pickNotices(notices);
  if (chosen.length === 0) return 0;
  const baseUrl = baseUrlOf(options);
  const recipients = await recipientsFor(client, { id: { in: chosen.map((notice) => notice.recipientId) } }, "DISCUSSION");
  const byRecipient = new Map(chosen.map((notice) => [notice.recipientId, notice]));
  const excerpt = comment.body.length > EXCERPT ? `${comment.body.slice(0, EXCERPT)}…` : comment.body;
  const messages = recipients.map((recipient) => {
    const notice = byRecipient.get(recipient.id)!;
    return noticeFor({
      recipient,
      kind: "DISCUSSION",
      dedupeKey: `discussion:${comment.id}:${recipient.id}`,
      baseUrl,
      section: (locale, t) => {
        const values = { name: comment.actorName, title: byLocale(locale, notice.titleEn, notice.titleFr) };
        return {
          subject: t("discussion.subject", values),
          paragraphs: [t(`discussion.${notice.kind as "MENTION" | "REPLY" | "COMMENT"}`, values), excerpt],
          action: { label: t("discussion.action"), path: notice.href },
        };
      },
    });
  });
  return enqueueMessages(client, messages);
}
