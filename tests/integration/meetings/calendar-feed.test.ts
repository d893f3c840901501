import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar-feeds/commands";
import { calendarForFeed } from "@/lib/calendar-feeds/queries";
import { db } from "@/lib/db";
import { cancelMeeting, updateMeeting } from "@/lib/meetings/commands";
import { meetingUid } from "@/lib/meetings/ics";
import { GET as feedRoute } from "@/app/api/calendar/feed/[token]/route";
import { sessionUser } from "../../support/database";
import { makeMeeting } from "./support";

/*
 * Calendars that stay current (issue 22.5): a personal feed address (secret, shown once, revocable) with every
 * meeting; cancellations and postponements reach the feed and the e-mailed invitations with the same UID and a
 * higher SEQUENCE. Everything the portal writes is read back with ical.js, an independent parser.
 */

type Attachment = { filename: string; contentType: string; content: string };

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const timezone = calendar.getFirstSubcomponent("vtimezone");
  if (timezone) ICAL.TimezoneService.register(new ICAL.Timezone(timezone));
  return calendar;
}

function eventOf(calendar: ICAL.Component, uid: string) {
  const vevent = calendar.getAllSubcomponents("vevent").find((component) => component.getFirstPropertyValue("uid") === uid);
  return vevent ? { vevent, event: new ICAL.Event(vevent) } : null;
}

async function newToken(email: string): Promise<string> {
  const result = await createCalendarFeed(await sessionUser(email), {});
  if (!result.ok) throw new Error(`no feed: ${JSON.stringify(result)}`);
  return result.data.token;
}

async function invitationsFor(meetingId: string, key: string) {
  const rows = await db.outboundMessage.findMany({ where: { dedupeKey: { startsWith: `${key}:${meetingId}` } }, select: { toAddress: true, attachments: true } });
  return rows.map((row) => ({ to: row.toAddress, ics: (row.attachments as Attachment[])[0]! }));
}

describe("the personal calendar feed", () => {
  it("publishes every meeting (METHOD:PUBLISH) at a secret address that is kept only as a hash", async () => {
    const meeting = await makeMeeting({ daysFromNow: 30 });
    const token = await newToken("rep.jus@iwgtip.example");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.calendarFeed.findMany({ where: { user: { email: "rep.jus@iwgtip.example" }, revokedAt: null } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);

    const calendar = parse((await calendarForFeed(token))!);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("IWGTIP meetings");
    const found = eventOf(calendar, meetingUid(meeting.id))!;
    // Meetings are held to the minute: the calendar says the minute the meeting starts.
    const minute = Math.floor(meeting.startsAt.getTime() / 60_000) * 60_000;
    expect(found.event.startDate.toJSDate().getTime()).toBe(minute);
    expect(found.vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    // A feed publishes: no attendee, no organizer asking for replies.
    expect(found.vevent.getFirstProperty("attendee")).toBeNull();
    expect((await db.calendarFeed.findFirstOrThrow({ where: { id: stored[0]!.id } })).lastFetchedAt).not.toBeNull();
  });

  it("answers the route with text/calendar, and 404 to a revoked, replaced, malformed or deactivated address", async () => {
    const get = (token: string) => feedRoute(new Request(`http://localhost/api/calendar/feed/${token}`), { params: Promise.resolve({ token }) });
    const first = await newToken("rep.rcmp@iwgtip.example");
    const ok = await get(`${first}.ics`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/calendar");
    expect(ok.headers.get("cache-control")).toContain("no-store");
    parse(await ok.text());

    // A new address replaces the old one.
    const second = await newToken("rep.rcmp@iwgtip.example");
    expect((await get(first)).status).toBe(404);
    expect((await get(second)).status).toBe(200);
    expect(await revokeCalendarFeed(await sessionUser("rep.rcmp@iwgtip.example"), {})).toEqual({ ok: true, data: { revoked: 1 } });
    expect((await get(second)).status).toBe(404);
    expect((await get("not-a-token")).status).toBe(404);
    expect((await get("A".repeat(43))).status).toBe(404);
    const events = await db.auditEvent.findMany({ where: { action: { in: ["calendarFeed.create", "calendarFeed.revoke"] }, actor: { email: "rep.rcmp@iwgtip.example" } } });
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(events)).not.toContain(second);

    const executive = await db.user.findUniqueOrThrow({ where: { email: "executive@iwgtip.example" } });
    const token = await newToken(executive.email);
    await db.user.update({ where: { id: executive.id }, data: { active: false } });
    try {
      expect((await get(token)).status).toBe(404);
    } finally {
      await db.user.update({ where: { id: executive.id }, data: { active: true } });
    }
  });
});

describe("a meeting postponed or cancelled", () => {
  it("sends each member an update with a higher SEQUENCE and the new time, one attendee per invitation, and the feed follows", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting({ agendaStatus: "PUBLISHED", daysFromNow: 60 });
    const token = await newToken("rep.jus@iwgtip.example");
    const moved = await updateMeeting(coordinator, {
      id: meeting.id, version: String(meeting.version), sequenceNumber: String(meeting.sequenceNumber), titleEn: "Postponed", titleFr: "Reportée",
      date: "2031-11-20", startTime: "13:00", endTime: "15:00", changeNote: "Postponed by a week.",
    });
    expect(moved.ok).toBe(true);

    const sent = await invitationsFor(meeting.id, "meeting.agenda-changed");
    expect(sent.length).toBeGreaterThan(1);
    for (const { to, ics } of sent) {
      expect(ics.contentType).toContain("method=REQUEST");
      const calendar = parse(ics.content);
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      const vevent = calendar.getFirstSubcomponent("vevent")!;
      expect(vevent.getFirstPropertyValue("uid")).toBe(meetingUid(meeting.id));
      expect(vevent.getFirstPropertyValue("sequence")).toBe(1);
      expect(new ICAL.Event(vevent).startDate.toJSDate().toISOString()).toBe("2031-11-20T18:00:00.000Z");
      const attendees = vevent.getAllProperties("attendee");
      expect(attendees).toHaveLength(1);
      expect(String(attendees[0]!.getFirstValue()).toLowerCase()).toBe(`mailto:${to}`.toLowerCase());
      expect(vevent.getFirstProperty("organizer")!.getParameter("cn")).toBeTruthy();
    }

    const feed = eventOf(parse((await calendarForFeed(token))!), meetingUid(meeting.id))!;
    expect(feed.vevent.getFirstPropertyValue("sequence")).toBe(1);
    expect(feed.event.startDate.toJSDate().toISOString()).toBe("2031-11-20T18:00:00.000Z");
  });

  it("cancels with a reason: METHOD:CANCEL to each member, STATUS:CANCELLED in the feed, nothing deleted", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting({ agendaStatus: "PUBLISHED", daysFromNow: 90 });
    const token = await newToken("rep.jus@iwgtip.example");

    expect(await cancelMeeting(coordinator, { id: meeting.id, version: String(meeting.version), reason: "   " })).toMatchObject({ ok: false, code: "invalid" });
    expect(await cancelMeeting(await sessionUser("rep.jus@iwgtip.example"), { id: meeting.id, version: String(meeting.version), reason: "No." })).toEqual({ ok: false, code: "forbidden" });
    expect(await cancelMeeting(coordinator, { id: meeting.id, version: String(meeting.version), reason: "The chair is away; items move to the next meeting." })).toEqual({ ok: true, data: { id: meeting.id } });

    const after = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(after.cancelledAt).not.toBeNull();
    expect(after.icsSequence).toBe(1);
    const sent = await invitationsFor(meeting.id, "meeting.cancelled");
    expect(sent.length).toBeGreaterThan(1);
    for (const { to, ics } of sent) {
      expect(ics.contentType).toContain("method=CANCEL");
      const calendar = parse(ics.content);
      expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
      const vevent = calendar.getFirstSubcomponent("vevent")!;
      expect(vevent.getFirstPropertyValue("uid")).toBe(meetingUid(meeting.id));
      expect(vevent.getFirstPropertyValue("sequence")).toBe(1);
      expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(String(vevent.getFirstPropertyValue("attendee")).toLowerCase()).toBe(`mailto:${to}`.toLowerCase());
    }
    const message = await db.outboundMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: `meeting.cancelled:${meeting.id}` } } });
    expect(message.textBody ?? "").toContain("The chair is away");

    const feed = eventOf(parse((await calendarForFeed(token))!), meetingUid(meeting.id))!;
    expect(feed.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(feed.vevent.getFirstPropertyValue("sequence")).toBe(1);

    // Once cancelled: neither cancelled again nor changed; the audit says who and why.
    expect(await cancelMeeting(coordinator, { id: meeting.id, version: String(after.version), reason: "Again." })).toEqual({ ok: false, code: "invalid", fieldErrors: { reason: [{ key: "meetingCancelled" }] } });
    const edit = await updateMeeting(coordinator, { id: meeting.id, version: String(after.version), sequenceNumber: String(meeting.sequenceNumber), titleEn: "x", titleFr: "x", date: "2031-12-01", startTime: "09:00", endTime: "10:00", changeNote: "x" });
    expect(edit).toEqual({ ok: false, code: "invalid", fieldErrors: { titleEn: [{ key: "meetingCancelled" }] } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "meeting.cancel", entityId: meeting.id } });
    expect(audit.after).toMatchObject({ reason: "The chair is away; items move to the next meeting." });
  });

  it("refuses to cancel a meeting already held, and a draft meeting's cancellation e-mails nobody", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const held = await makeMeeting({ agendaStatus: "HELD", daysFromNow: -10 });
    expect(await cancelMeeting(coordinator, { id: held.id, version: String(held.version), reason: "Too late." })).toEqual({ ok: false, code: "invalid", fieldErrors: { reason: [{ key: "meetingHeld" }] } });
    const draft = await makeMeeting({ daysFromNow: 120 });
    expect((await cancelMeeting(coordinator, { id: draft.id, version: String(draft.version), reason: "Not needed." })).ok).toBe(true);
    expect(await invitationsFor(draft.id, "meeting.cancelled")).toHaveLength(0);
  });
});
