import { byLocale } from "@/lib/i18n/localized";
import { enqueueMessages } from "@/lib/mail/outbox";
import { notifyInPortal } from "./centre";
import { baseUrlOf, clientOf, daysUntil, longDate, noticeFor, recipientsFor, torontoDate, type NoticeOptions } from "./shared";

/** The representatives of the active member departments: who signs off minutes. */
const signOffAudience = { role: "DEPARTMENT_REP" as const, department: { active: true } };

/**
 * Minutes were circulated (or circulated again) for sign-off: every representative of an active department gets a
 * MINUTES_SIGN_OFF notification in the portal (the e-mail is the minutes-circulated notice). Call it in the
 * circulating transaction, after the round is written.
 */
export async function notifySignOffOpened(meetingId: string, options: NoticeOptions & { actorId?: string } = {}): Promise<number> {
  const client = clientOf(options);
  const meeting = await client.meeting.findUnique({ where: { id: meetingId }, select: { id: true, titleEn: true, titleFr: true } });
  if (!meeting) return 0;
  const people = await client.user.findMany({ where: { ...signOffAudience, active: true }, select: { id: true } });
  return notifyInPortal(
    client,
    people.map((person) => ({ recipientId: person.id, kind: "MINUTES_SIGN_OFF" as const, actorId: options.actorId ?? null, href: `/meetings/${meeting.id}#sign-off`, titleEn: meeting.titleEn, titleFr: meeting.titleFr })),
  );
}

/**
 * Reminders of minutes awaiting sign-off (issue 22.4), to the representatives of each active department that has not
 * answered the latest circulation: from 3 days before the due date until the due date. One per round, stage
 * ("3d", "1d") and person (dedupe key), so safe on every tick. Sent as MINUTES_CIRCULATED notices (turned off with
 * them). Returns how many messages were newly queued.
 */
export async function scheduleSignOffReminders(now: Date, options: NoticeOptions = {}): Promise<number> {
  const client = clientOf(options);
  const baseUrl = baseUrlOf(options);
  const today = torontoDate(now);
  const from = new Date(`${today}T00:00:00Z`);
  const horizon = new Date(from);
  horizon.setUTCDate(horizon.getUTCDate() + 3);
  const circulations = await client.minutesCirculation.findMany({
    where: { dueDate: { gte: from, lte: horizon } },
    select: { id: true, minutesId: true, round: true, dueDate: true },
  });
  let queued = 0;
  for (const circulation of circulations) {
    const minutes = await client.minutes.findUnique({ where: { id: circulation.minutesId }, select: { status: true, meeting: { select: { id: true, titleEn: true, titleFr: true } } } });
    if (minutes?.status !== "CIRCULATED") continue;
    // Only the latest round is awaited.
    const newer = await client.minutesCirculation.count({ where: { minutesId: circulation.minutesId, round: { gt: circulation.round } } });
    if (newer > 0) continue;
    const answered = await client.minutesSignOff.findMany({ where: { circulationId: circulation.id }, select: { departmentId: true } });
    const recipients = await recipientsFor(client, { ...signOffAudience, departmentId: { notIn: answered.map((answer) => answer.departmentId) } }, "MINUTES_CIRCULATED");
    const days = daysUntil(today, circulation.dueDate);
    const stage = days <= 1 ? "1d" : "3d";
    const meeting = minutes.meeting;
    const messages = recipients.map((recipient) =>
      noticeFor({
        recipient,
        kind: "MINUTES_CIRCULATED",
        dedupeKey: `minutes.sign-off-reminder-${stage}:${circulation.id}:${recipient.id}`,
        baseUrl,
        section: (locale, t) => {
          const values = { title: byLocale(locale, meeting.titleEn, meeting.titleFr), due: longDate(circulation.dueDate, locale), days };
          return { subject: t("signOffReminder.subject", values), paragraphs: [t("signOffReminder.body", values)], action: { label: t("signOffReminder.action"), path: `/meetings/${meeting.id}#sign-off` } };
        },
      }),
    );
    queued += await enqueueMessages(client, messages);
  }
  return queued;
}
