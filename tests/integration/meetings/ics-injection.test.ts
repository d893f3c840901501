import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { calendarInvitation } from "@/lib/mail/ics";
import { meetingToIcs } from "@/lib/meetings/ics";
import { getAgendaPackage } from "@/lib/meetings/package";
import { sessionUser } from "../../support/database";
import { makeMeeting } from "./support";

/*
 * Issue 17, point 10: the calendar writers escape or strip line breaks themselves, whatever validated the values
 * before (here nothing did: the values are written straight to the database). Read back with ical.js.
 */

const injected = "ATTENDEE;CN=Intruder:mailto:intruder@evil.example";
const breaks = ["\r\n", "\n", "\r", "\u2028", "\u0000", "\u000b"];

function properties(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return { calendar, event, names: event.getAllProperties().map((property) => property.name) };
}

describe("calendar values cannot add lines to an invitation (issue 17, point 10)", () => {
  // PostgreSQL stores no NUL, so the meeting is tried with the others.
  it.each(breaks.filter((value) => value !== "\u0000").map((value) => [JSON.stringify(value), value] as const))("keeps a meeting's title, location and video link on their own lines with %s", async (_label, lineBreak) => {
    const reader = await sessionUser("executive@iwgtip.example");
    const meeting = await makeMeeting();
    await db.meeting.update({
      where: { id: meeting.id },
      data: {
        titleEn: `Meeting${lineBreak}${injected}`,
        location: `Room 2${lineBreak}${injected}`,
        videoUrl: `https://video.example.gc.ca/j/1${lineBreak}${injected}`,
      },
    });
    const data = (await getAgendaPackage(reader, meeting.id))!;
    const text = meetingToIcs({ ...data.meeting, agenda: data.agenda });
    // Every physical line is a property of the writer's or a folded continuation (starts with a space).
    for (const line of text.split("\r\n").filter(Boolean)) expect(line, JSON.stringify(line)).toMatch(/^( |[A-Z-]+[;:])/);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029]/);
    const { event, names } = properties(text);
    expect(names).not.toContain("attendee");
    expect(names.filter((name) => name === "url")).toHaveLength(1);
    expect(event.getFirstPropertyValue("url")).toBe(`https://video.example.gc.ca/j/1${injected.replace(/\s/g, "")}`);
    expect(String(event.getFirstPropertyValue("location"))).toContain("Room 2");
  });

  it.each(breaks.map((value) => [JSON.stringify(value), value] as const))("keeps the e-mailed invitation's values on their own lines with %s", (_label, lineBreak) => {
    const text = calendarInvitation({
      uid: "meeting-test@iwgtip-portal",
      sequence: 1,
      start: new Date("2031-07-10T17:30:00Z"),
      end: new Date("2031-07-10T19:00:00Z"),
      summary: `Meeting${lineBreak}${injected}`,
      description: `Agenda${lineBreak}${injected}`,
      location: `Room 2${lineBreak}${injected}`,
      url: `https://video.example.gc.ca/j/1${lineBreak}${injected}`,
      organizer: { name: `Secretariat"${lineBreak}${injected}`, email: `secretariat@iwgtip.example.gc.ca${lineBreak}${injected}` },
    });
    for (const line of text.split("\r\n").filter(Boolean)) expect(line, JSON.stringify(line)).toMatch(/^( |[A-Z-]+[;:])/);
    const { event, names } = properties(text);
    expect(names).not.toContain("attendee");
    expect(names.filter((name) => name === "organizer")).toHaveLength(1);
    expect(String(event.getFirstPropertyValue("organizer"))).toMatch(/^mailto:secretariat@iwgtip\.example\.gc\.ca/);
    expect(String(event.getFirstPropertyValue("summary"))).toContain("Meeting");
  });
});
