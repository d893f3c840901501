import { escapeText, foldLine, quotedParam, uriValue, utcStamp } from "@/lib/calendar/ics-text";

/**
 * A calendar invitation for a meeting (RFC 5545): a stable UID per meeting, SEQUENCE raised on every change (the
 * meeting's icsSequence) so calendars update the event instead of adding another, times in UTC (every client shows
 * them in the reader's zone, America/Toronto for the group).
 */
export type CalendarEvent = {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string | null;
  url?: string | null;
  organizer?: { name: string; email: string };
  /** The one person this copy of the invitation is for (RFC 5546 §2.1.5: one ATTENDEE per recipient). */
  attendee?: { name: string; email: string };
  /** Published: METHOD:REQUEST. Cancelled: METHOD:CANCEL. */
  cancelled?: boolean;
  stamp?: Date;
};

export function calendarInvitation(event: CalendarEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//IWGTIP//Portal//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${event.cancelled ? "CANCEL" : "REQUEST"}`,
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(event.stamp ?? new Date())}`,
    `DTSTART:${utcStamp(event.start)}`,
    `DTEND:${utcStamp(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${uriValue(event.url)}`);
  if (event.organizer) lines.push(`ORGANIZER;CN=${quotedParam(event.organizer.name)}:mailto:${uriValue(event.organizer.email)}`);
  // Informational: the group's meetings take no replies through the portal (RSVP=FALSE), attendance is recorded at the meeting.
  if (event.attendee) lines.push(`ATTENDEE;CN=${quotedParam(event.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${uriValue(event.attendee.email)}`);
  lines.push(`STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`, "END:VEVENT", "END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

