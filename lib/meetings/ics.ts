/**
 * A calendar invitation for one meeting, as RFC 5545 text. Written by hand (it is a few lines): CRLF line ends,
 * lines folded at 75 octets, text escaped, times in America/Toronto with its VTIMEZONE, a UID that never changes
 * for a meeting and a SEQUENCE that the portal raises on every change after publishing.
 */
import { escapeText, foldLine, uriValue, utcStamp } from "@/lib/calendar/ics-text";
import { utcToTorontoWallClock } from "@/lib/kernel/time";

export type IcsMeeting = {
  id: string;
  sequenceNumber: number;
  titleEn: string;
  titleFr: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  videoUrl: string | null;
  icsSequence: number;
  updatedAt: Date;
  /** A cancelled meeting stays in calendars as CANCELLED (same UID, higher SEQUENCE). */
  cancelledAt?: Date | null;
  agenda: { titleEn: string; titleFr: string; startsAt: string }[];
};

/** The stable UID of a meeting's invitation: the same for every download and every version. */
export const meetingUid = (id: string) => `meeting-${id}@iwgtip-portal`;

const torontoStamp = (date: Date) => {
  const { date: day, time } = utcToTorontoWallClock(date);
  return `${day.replace(/-/g, "")}T${time.replace(":", "")}00`;
};

/** Eastern time as observed since 2007: daylight time from the second Sunday of March to the first Sunday of November. */
const vtimezone = [
  "BEGIN:VTIMEZONE",
  "TZID:America/Toronto",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:-0500",
  "TZOFFSETTO:-0400",
  "TZNAME:EDT",
  "DTSTART:20070311T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:-0400",
  "TZOFFSETTO:-0500",
  "TZNAME:EST",
  "DTSTART:20071104T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** The VEVENT of one meeting: the download, the personal feed and nothing else share it. */
function meetingEvent(meeting: IcsMeeting, now: Date): string[] {
  const agenda = meeting.agenda.map((item, index) => `${index + 1}. ${item.startsAt} ${item.titleEn} / ${item.titleFr}`).join("\n");
  const description = [`IWGTIP / GTITP #${meeting.sequenceNumber}`, meeting.videoUrl ? `Video / Vidéo: ${meeting.videoUrl}` : null, agenda ? `\n${agenda}` : null].filter(Boolean).join("\n");
  return [
    "BEGIN:VEVENT",
    `UID:${meetingUid(meeting.id)}`,
    `SEQUENCE:${meeting.icsSequence}`,
    `DTSTAMP:${utcStamp(now)}`,
    `LAST-MODIFIED:${utcStamp(meeting.updatedAt)}`,
    `DTSTART;TZID=America/Toronto:${torontoStamp(meeting.startsAt)}`,
    `DTEND;TZID=America/Toronto:${torontoStamp(meeting.endsAt)}`,
    `SUMMARY:${escapeText(`${meeting.titleEn} / ${meeting.titleFr}`)}`,
    meeting.location ? `LOCATION:${escapeText(meeting.location)}` : null,
    meeting.videoUrl ? `URL:${uriValue(meeting.videoUrl)}` : null,
    `DESCRIPTION:${escapeText(description)}`,
    meeting.cancelledAt ? "STATUS:CANCELLED" : "STATUS:CONFIRMED",
    "END:VEVENT",
  ].filter((line): line is string => line !== null);
}

/** A calendar object published for reading (METHOD:PUBLISH, RFC 5546 §3.2.1): no attendees, no replies expected. */
function publishedCalendar(events: string[][], extra: string[] = []): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//IWGTIP Portal//Meetings//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", ...extra, ...vtimezone, ...events.flat(), "END:VCALENDAR"];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/** One meeting's .ics download. */
export function meetingToIcs(meeting: IcsMeeting, now: Date = new Date()): string {
  return publishedCalendar([meetingEvent(meeting, now)]);
}

/**
 * A person's subscribed calendar: every meeting of the group, cancelled ones included (as CANCELLED), so that a
 * client that refreshes it follows postponements (the same UID with a higher SEQUENCE) and cancellations.
 */
export function meetingsFeed(meetings: IcsMeeting[], name: string, now: Date = new Date()): string {
  return publishedCalendar(
    meetings.map((meeting) => meetingEvent(meeting, now)),
    // The name calendar clients show for the subscription, and how often to refresh it (RFC 7986 and the common X- form).
    [`NAME:${escapeText(name)}`, `X-WR-CALNAME:${escapeText(name)}`, "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H"],
  );
}
