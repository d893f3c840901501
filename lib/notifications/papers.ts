import { byLocale } from "@/lib/i18n/localized";
import { enqueueMessages } from "@/lib/mail/outbox";
import { notifyInPortal } from "./centre";
import { baseUrlOf, clientOf, daysUntil, longDate, noticeFor, recipientsFor, torontoDate, type NoticeOptions } from "./shared";

/**
 * Reminders of the papers requested for agenda items (issue 20), to the representatives of the presenting
 * department while no paper is in: the "3 days" reminder from 3 days before until 2 days before, the "1 day"
 * reminder the day before and on the day. Idempotent (a dedupe key per request, stage and person), so safe to run on
 * every tick of every instance. Returns how many messages were newly queued.
 */
export async function schedulePaperRequestReminders(now: Date, options: NoticeOptions = {}): Promise<number> {
  const client = clientOf(options);
  const baseUrl = baseUrlOf(options);
  const today = torontoDate(now);
  const horizon = new Date(`${today}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + 3);
  const requests = await client.paperRequest.findMany({
    where: { cancelledAt: null, dueDate: { gte: new Date(`${today}T00:00:00Z`), lte: horizon } },
    select: { id: true, agendaItemId: true, departmentId: true, dueDate: true },
  });
  let queued = 0;
  for (const request of requests) {
    const item = await client.agendaItem.findFirst({
      where: { id: request.agendaItemId, deletedAt: null },
      select: { position: true, titleEn: true, titleFr: true, meeting: { select: { id: true, sequenceNumber: true } } },
    });
    if (!item) continue;
    // A paper is in: a document on the item, not withdrawn, uploaded against the request or by the department.
    const paper = await client.document.findFirst({
      where: { agendaItemId: request.agendaItemId, withdrawnAt: null, OR: [{ paperRequestId: request.id }, { departmentId: request.departmentId }] },
      select: { id: true },
    });
    if (paper) continue;
    const days = daysUntil(today, request.dueDate);
    const stage = days <= 1 ? "1d" : "3d";
    const recipients = await recipientsFor(client, { role: "DEPARTMENT_REP", departmentId: request.departmentId }, "PAPER_REQUEST_REMINDER");
    const messages = recipients.map((recipient) =>
      noticeFor({
        recipient,
        kind: "PAPER_REQUEST_REMINDER",
        dedupeKey: `paper-request.reminder-${stage}:${request.id}:${recipient.id}`,
        baseUrl,
        section: (locale, t) => {
          const values = { meeting: item.meeting.sequenceNumber, due: longDate(request.dueDate, locale), days, position: item.position, title: byLocale(locale, item.titleEn, item.titleFr) };
          return {
            subject: t("paperRequestReminder.subject", values),
            paragraphs: [t("paperRequestReminder.body", values)],
            action: { label: t("paperRequestReminder.action"), path: `/meetings/${item.meeting.id}` },
          };
        },
      }),
    );
    queued += await enqueueMessages(client, messages);
  }
  return queued;
}

/**
 * A paper was requested of a department (issue 22, "paper requested"): its representatives are told in the portal
 * (PAPER_REQUESTED) and by e-mail (PAPER_REQUESTED). Call it in the requesting transaction. Once per request.
 */
export async function notifyPaperRequested(paperRequestId: string, options: NoticeOptions & { actorId?: string } = {}): Promise<number> {
  const client = clientOf(options);
  const baseUrl = baseUrlOf(options);
  const request = await client.paperRequest.findUnique({ where: { id: paperRequestId }, select: { id: true, agendaItemId: true, departmentId: true, dueDate: true } });
  if (!request) return 0;
  const item = await client.agendaItem.findUnique({ where: { id: request.agendaItemId }, select: { position: true, titleEn: true, titleFr: true, meeting: { select: { id: true, sequenceNumber: true } } } });
  if (!item) return 0;
  const path = `/meetings/${item.meeting.id}`;
  const people = await client.user.findMany({ where: { role: "DEPARTMENT_REP", departmentId: request.departmentId, active: true }, select: { id: true } });
  await notifyInPortal(
    client,
    people.map((person) => ({ recipientId: person.id, kind: "PAPER_REQUESTED" as const, actorId: options.actorId ?? null, href: path, titleEn: item.titleEn || item.titleFr, titleFr: item.titleFr || item.titleEn })),
  );
  const recipients = await recipientsFor(client, { role: "DEPARTMENT_REP", departmentId: request.departmentId }, "PAPER_REQUESTED");
  const messages = recipients.map((recipient) =>
    noticeFor({
      recipient,
      kind: "PAPER_REQUESTED",
      dedupeKey: `paper-request.created:${request.id}:${recipient.id}`,
      baseUrl,
      section: (locale, t) => {
        const values = { meeting: item.meeting.sequenceNumber, due: longDate(request.dueDate, locale), position: item.position, title: byLocale(locale, item.titleEn, item.titleFr) };
        return { subject: t("paperRequested.subject", values), paragraphs: [t("paperRequested.body", values)], action: { label: t("paperRequested.action"), path } };
      },
    }),
  );
  return enqueueMessages(client, messages);
}
