import { calendarInvitation } from "@/lib/mail/ics";
import { mailConfig } from "@/lib/mail/config";
import { pageUrl } from "@/lib/mail/compose";
import { enqueueMessages, type DbClient } from "@/lib/mail/outbox";
import { meetingUid } from "@/lib/meetings";
import type { MailAttachment } from "@/lib/mail/transport";
import { baseUrlOf, clientOf, localizedField, longDate, meetingTime, noticeFor, recipientsFor, torontoDate, type NoticeOptions, type Recipient } from "./shared";

/** Who hears about meetings: the members' representatives and the secretariat. */
const meetingAudience = { role: { in: ["DEPARTMENT_REP" as const, "COORDINATOR" as const] } };

const meetingFields = {
  id: true,
  titleEn: true,
  titleFr: true,
  startsAt: true,
  endsAt: true,
  location: true,
  videoUrl: true,
  agendaStatus: true,
  icsSequence: true,
  cancelledAt: true,
  cancellationReason: true,
} as const;

type MeetingOptions = NoticeOptions & {
  /** The meeting's .ics as the meetings module builds it; by default a minimal RFC 5545 invitation is built here. */
  ics?: string;
};

/**
 * An agenda was published: the audience gets the notice with the calendar invitation attached. Call it in the
 * transaction that publishes. Keyed by the invitation's SEQUENCE, so publishing is announced once per version.
 */
export function notifyAgendaPublished(meetingId: string, options: MeetingOptions = {}): Promise<number> {
  return notifyAgenda(meetingId, "agendaPublished", options);
}

/**
 * A published agenda changed: call it after raising the meeting's `icsSequence` in the same transaction; each new
 * sequence is one notice with the updated invitation (calendars replace the event: same UID, higher SEQUENCE).
 */
export function notifyAgendaChanged(meetingId: string, options: MeetingOptions = {}): Promise<number> {
  return notifyAgenda(meetingId, "agendaChanged", options);
}

async function notifyAgenda(meetingId: string, which: "agendaPublished" | "agendaChanged", options: MeetingOptions): Promise<number> {
  const client = clientOf(options);
  const baseUrl = baseUrlOf(options);
  const meeting = await client.meeting.findUnique({ where: { id: meetingId }, select: meetingFields });
  if (!meeting || meeting.agendaStatus !== "PUBLISHED") return 0;
  const path = `/meetings/${meeting.id}`;
  const recipients = await recipientsFor(client, meetingAudience, "AGENDA");
  const organizer = await organizerOf(client);
  // One invitation per recipient, naming them as its attendee (RFC 5546 §2.1.5), from the coordinator.
  const invitationFor = (recipient: Recipient): MailAttachment => ({
    filename: `iwgtip-meeting-${meeting.icsSequence}.ics`,
    contentType: "text/calendar; charset=utf-8; method=REQUEST",
    content: options.ics ?? invitation(meeting, baseUrl, organizer, recipient),
  });
  const stage = which === "agendaPublished" ? "published" : "changed";
  const messages = recipients.map((recipient) =>
    noticeFor({
      recipient,
      kind: "AGENDA",
      dedupeKey: `meeting.agenda-${stage}:${meeting.id}:s${meeting.icsSequence}:${recipient.id}`,
      baseUrl,
      attachments: [invitationFor(recipient)],
      section: (locale, t) => {
        const place = [meeting.location, meeting.videoUrl].filter(Boolean).join(" — ");
        const values = { title: localizedField(locale, t, meeting.titleEn, meeting.titleFr), when: meetingTime(meeting.startsAt, locale), place: place || "none" };
        return {
          subject: t(`${which}.subject`, values),
          paragraphs: [t(`${which}.body`, values)],
          action: { label: t(`${which}.action`), path },
        };
      },
    }),
  );
  return enqueueMessages(client, messages);
}

/** Minutes were circulated: the audience is told where to read them. Once per minutes. */
export async function notifyMinutesCirculated(meetingId: string, options: NoticeOptions = {}): Promise<number> {
  const client = clientOf(options);
  const baseUrl = baseUrlOf(options);
  const meeting = await client.meeting.findUnique({
    where: { id: meetingId },
    select: { ...meetingFields, minutes: { select: { id: true, status: true } } },
  });
  if (!meeting?.minutes || meeting.minutes.status !== "CIRCULATED") return 0;
  const minutesId = meeting.minutes.id;
  // The sign-off round (issue 22.4): its due date is in the notice, and each new round is one more notice.
  const circulation = await client.minutesCirculation.findFirst({ where: { minutesId }, orderBy: { round: "desc" }, select: { round: true, dueDate: true } });
  const round = circulation && circulation.round > 1 ? `:r${circulation.round}` : "";
  const recipients = await recipientsFor(client, meetingAudience, "MINUTES_CIRCULATED");
  const messages = recipients.map((recipient) =>
    noticeFor({
      recipient,
      kind: "MINUTES_CIRCULATED",
      dedupeKey: `meeting.minutes-circulated:${minutesId}${round}:${recipient.id}`,
      baseUrl,
      section: (locale, t) => {
        const values = {
          title: localizedField(locale, t, meeting.titleEn, meeting.titleFr),
          date: longDate(new Date(`${torontoDate(meeting.startsAt)}T00:00:00Z`), locale),
        };
        return {
          subject: t("minutesCirculated.subject", values),
          paragraphs: [t("minutesCirculated.body", values), ...(circulation ? [t("minutesCirculated.signOff", { due: longDate(circulation.dueDate, locale) })] : [])],
          action: { label: t("minutesCirculated.action"), path: `/meetings/${meeting.id}` },
        };
      },
    }),
  );
  return enqueueMessages(client, messages);
}

/** The organizer of the group's invitations: the coordinator (the secretariat), at the portal's sending address. */
async function organizerOf(client: DbClient): Promise<{ name: string; email: string }> {
  const chair = await client.user.findFirst({ where: { role: "COORDINATOR", active: true }, select: { displayName: true }, orderBy: { createdAt: "asc" } });
  const from = mailConfig().from;
  return { name: chair?.displayName ?? "IWGTIP", email: /<([^>]+)>/.exec(from)?.[1] ?? from };
}

type InvitedMeeting = { id: string; titleEn: string; titleFr: string; startsAt: Date; endsAt: Date; location: string | null; videoUrl: string | null; icsSequence: number };

function invitation(meeting: InvitedMeeting, baseUrl: string, organizer: { name: string; email: string }, recipient: Recipient, cancelled = false): string {
  return calendarInvitation({
    // The same UID as the .ics download and the feed, so calendars treat them all as one event.
    uid: meetingUid(meeting.id),
    sequence: meeting.icsSequence,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: `${meeting.titleEn} / ${meeting.titleFr}`,
    description: `${pageUrl(baseUrl, "en", `/meetings/${meeting.id}`)}\n${pageUrl(baseUrl, "fr", `/meetings/${meeting.id}`)}`,
    location: [meeting.location, meeting.videoUrl].filter(Boolean).join(" — ") || null,
    url: pageUrl(baseUrl, "en", `/meetings/${meeting.id}`),
    organizer,
    attendee: { name: recipient.displayName, email: recipient.email },
    cancelled,
  });
}

/**
 * A meeting was cancelled: everyone who holds its invitation (it was published) gets the cancellation (METHOD:CANCEL,
 * the same UID, the raised SEQUENCE) with the reason. Call it in the cancelling transaction, after raising the
 * sequence. Once per meeting.
 */
export async function notifyMeetingCancelled(meetingId: string, options: NoticeOptions = {}): Promise<number> {
  const client = clientOf(options);
  const baseUrl = baseUrlOf(options);
  const meeting = await client.meeting.findUnique({ where: { id: meetingId }, select: meetingFields });
  if (!meeting?.cancelledAt || meeting.agendaStatus !== "PUBLISHED") return 0;
  const recipients = await recipientsFor(client, meetingAudience, "AGENDA");
  const organizer = await organizerOf(client);
  const messages = recipients.map((recipient) =>
    noticeFor({
      recipient,
      kind: "AGENDA",
      dedupeKey: `meeting.cancelled:${meeting.id}:${recipient.id}`,
      baseUrl,
      attachments: [{ filename: `iwgtip-meeting-${meeting.icsSequence}.ics`, contentType: "text/calendar; charset=utf-8; method=CANCEL", content: invitation(meeting, baseUrl, organizer, recipient, true) }],
      section: (locale, t) => {
        const values = { title: localizedField(locale, t, meeting.titleEn, meeting.titleFr), when: meetingTime(meeting.startsAt, locale), reason: meeting.cancellationReason ?? "" };
        return {
          subject: t("meetingCancelled.subject", values),
          paragraphs: [t("meetingCancelled.body", values)],
          action: { label: t("meetingCancelled.action"), path: `/meetings/${meeting.id}` },
        };
      },
    }),
  );
  return enqueueMessages(client, messages);
}
