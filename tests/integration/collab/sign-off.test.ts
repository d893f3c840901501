import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { approveMinutes, circulateMinutes, saveMinutes } from "@/lib/minutes/commands";
import { signOffMinutes } from "@/lib/minutes-sign-off/commands";
import { getSignOffMatrix } from "@/lib/minutes-sign-off/queries";
import { scheduleSignOffReminders } from "@/lib/notifications";
import { runScheduledNotices } from "@/lib/jobs/scheduler";
import { expectUnchanged, sessionUser } from "../../support/database";
import { daysFromToday, makeMeeting } from "../meetings/support";

/** A held meeting with draft minutes in both languages, ready to circulate. */
async function draftMinutes() {
  const meeting = await makeMeeting({ daysFromNow: -2 - Math.random() * 300, agendaStatus: "HELD" });
  const minutes = await db.minutes.create({ data: { meetingId: meeting.id, bodyEn: "Minutes.", bodyFr: "Procès-verbal." }, select: { id: true, version: true } });
  return { meeting, minutes };
}

async function circulated(dueDate?: string) {
  const coordinator = await sessionUser("coordinator@iwgtip.example");
  const { meeting, minutes } = await draftMinutes();
  const result = await circulateMinutes(coordinator, { meetingId: meeting.id, version: minutes.version, ...(dueDate ? { dueDate } : {}) });
  expect(result).toMatchObject({ ok: true });
  return { meeting, minutesId: minutes.id, coordinator };
}

describe("sign-off of minutes (issue 22.4)", () => {
  it("circulating opens round 1, due in 10 days by default; every representative is notified; the e-mail names the due date", async () => {
    const { meeting, minutesId } = await circulated();
    const circulation = await db.minutesCirculation.findFirstOrThrow({ where: { minutesId } });
    expect(circulation.round).toBe(1);
    expect(circulation.dueDate.toISOString().slice(0, 10)).toBe(daysFromToday(10));
    const reps = await db.user.findMany({ where: { role: "DEPARTMENT_REP", active: true }, select: { id: true } });
    const notices = await db.notification.findMany({ where: { kind: "MINUTES_SIGN_OFF", href: `/meetings/${meeting.id}#sign-off` }, select: { recipientId: true } });
    expect(notices.map((notice) => notice.recipientId).sort()).toEqual(reps.map((rep) => rep.id).sort());
    const mail = await db.outboundMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: `meeting.minutes-circulated:${minutesId}:` }, language: "en" } });
    expect(mail.textBody).toMatch(/concur or send your department's comments in the portal by/);
    const audit = await db.auditEvent.findFirst({ where: { action: "minutes.openSignOff", entityId: meeting.id } });
    expect(audit?.after).toMatchObject({ round: 1, dueDate: daysFromToday(10) });
  });

  it("takes the coordinator's due date, and refuses one in the past (nothing saved)", async () => {
    const { meeting: late, minutes } = await draftMinutes();
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    expect(await expectUnchanged(() => circulateMinutes(coordinator, { meetingId: late.id, version: minutes.version, dueDate: daysFromToday(-1) }))).toEqual({ ok: false, code: "invalid", fieldErrors: { dueDate: [{ key: "dateInPast" }] } });
    expect(await expectUnchanged(() => circulateMinutes(coordinator, { meetingId: late.id, version: minutes.version, dueDate: "2026-02-30" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { dueDate: [{ key: "invalidFormat" }] } });
    const { minutesId } = await circulated(daysFromToday(3));
    expect((await db.minutesCirculation.findFirstOrThrow({ where: { minutesId } })).dueDate.toISOString().slice(0, 10)).toBe(daysFromToday(3));
  });

  it("two departments concur, one comments: the matrix says so in words, the rest have not answered; answers are audited", async () => {
    const { meeting } = await circulated();
    const jus = await sessionUser("rep.jus@iwgtip.example");
    const rcmp = await sessionUser("rep.rcmp@iwgtip.example");
    const cic = await sessionUser("rep.cic@iwgtip.example");
    expect(await signOffMinutes(jus, { meetingId: meeting.id, round: 1, response: "CONCURRED" })).toMatchObject({ ok: true });
    expect(await signOffMinutes(rcmp, { meetingId: meeting.id, round: 1, response: "CONCURRED", comments: "ignored when concurring" })).toMatchObject({ ok: true });
    expect(await signOffMinutes(cic, { meetingId: meeting.id, round: 1, response: "COMMENTED", comments: "Item 3: the figure is $2.1M, not $2.4M." })).toMatchObject({ ok: true });
    const matrix = (await getSignOffMatrix(jus, meeting.id))!;
    const active = await db.department.count({ where: { active: true } });
    expect(matrix.counts).toEqual({ concurred: 2, commented: 1, noAnswer: active - 3 });
    const byAcronym = new Map(matrix.rows.map((row) => [row.acronym.en, row]));
    expect(byAcronym.get("JUS")).toMatchObject({ response: "CONCURRED", comments: null, respondedBy: jus.displayName });
    expect(byAcronym.get("RCMP")).toMatchObject({ response: "CONCURRED", comments: null });
    expect(byAcronym.get("CIC")).toMatchObject({ response: "COMMENTED", comments: "Item 3: the figure is $2.1M, not $2.4M." });
    expect(byAcronym.get("SWC")).toMatchObject({ response: null });
    const events = await db.auditEvent.findMany({ where: { action: "minutesSignOff.answer", entityId: meeting.id } });
    expect(events).toHaveLength(3);
  });

  it("a second answer before the due date replaces the department's, with the one it replaced in the audit", async () => {
    const { meeting } = await circulated();
    const jus = await sessionUser("rep.jus@iwgtip.example");
    await signOffMinutes(jus, { meetingId: meeting.id, round: 1, response: "COMMENTED", comments: "First thoughts." });
    expect(await signOffMinutes(jus, { meetingId: meeting.id, round: 1, response: "CONCURRED" })).toMatchObject({ ok: true });
    const matrix = (await getSignOffMatrix(jus, meeting.id))!;
    expect(matrix.rows.find((row) => row.acronym.en === "JUS")).toMatchObject({ response: "CONCURRED", comments: null });
    const last = await db.auditEvent.findFirst({ where: { action: "minutesSignOff.answer", entityId: meeting.id }, orderBy: { occurredAt: "desc" } });
    expect(last?.before).toEqual({ response: "COMMENTED", comments: "First thoughts." });
  });

  it("refuses a concurrence after the due date, comments without text, a stale round, minutes not circulated, and non-representatives; nothing saved", async () => {
    const { meeting, minutesId } = await circulated();
    const jus = await sessionUser("rep.jus@iwgtip.example");
    await db.minutesCirculation.updateMany({ where: { minutesId }, data: { dueDate: new Date(`${daysFromToday(-1)}T00:00:00Z`) } });
    expect(await expectUnchanged(() => signOffMinutes(jus, { meetingId: meeting.id, round: 1, response: "CONCURRED" }))).toEqual({ ok: false, code: "invalid", fieldErrors: { _form: [{ key: "signOffPastDue" }] } });
    await db.minutesCirculation.updateMany({ where: { minutesId }, data: { dueDate: new Date(`${daysFromToday(0)}T00:00:00Z`) } });
    // Due today: still taken until the end of the day.
    expect(await signOffMinutes(jus, { meetingId: meeting.id, round: 1, response: "CONCURRED" })).toMatchObject({ ok: true });
    expect(await expectUnchanged(() => signOffMinutes(jus, { meetingId: meeting.id, round: 1, response: "COMMENTED", comments: "  " }))).toEqual({ ok: false, code: "invalid", fieldErrors: { comments: [{ key: "signOffCommentsRequired" }] } });
    expect(await expectUnchanged(() => signOffMinutes(jus, { meetingId: meeting.id, round: 1, response: "COMMENTED", comments: "x".repeat(5001) }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { comments: [{ key: "tooLong" }] } });
    expect(await expectUnchanged(() => signOffMinutes(jus, { meetingId: meeting.id, round: 2, response: "CONCURRED" }))).toMatchObject({ ok: false, code: "conflict" });
    const { meeting: draft } = await draftMinutes();
    expect(await expectUnchanged(() => signOffMinutes(jus, { meetingId: draft.id, round: 1, response: "CONCURRED" }))).toEqual({ ok: false, code: "invalid", fieldErrors: { _form: [{ key: "signOffNotCirculated" }] } });
    for (const email of ["coordinator@iwgtip.example", "admin@iwgtip.example", "executive@iwgtip.example"]) {
      expect(await expectUnchanged(async () => signOffMinutes(await sessionUser(email), { meetingId: meeting.id, round: 1, response: "CONCURRED" }))).toEqual({ ok: false, code: "forbidden" });
    }
    expect(await expectUnchanged(() => signOffMinutes(null, { meetingId: meeting.id, round: 1, response: "CONCURRED" }))).toEqual({ ok: false, code: "unauthenticated" });
  });

  it("saving a changed text of circulated minutes opens round 2 (answers to round 1 kept), re-notifies, and a round-1 answer is then a conflict", async () => {
    const { meeting, minutesId, coordinator } = await circulated();
    const jus = await sessionUser("rep.jus@iwgtip.example");
    await signOffMinutes(jus, { meetingId: meeting.id, round: 1, response: "CONCURRED" });
    const minutes = await db.minutes.findUniqueOrThrow({ where: { id: minutesId } });
    expect(await saveMinutes(coordinator, { meetingId: meeting.id, bodyEn: "Minutes, amended.", bodyFr: "Procès-verbal modifié.", version: minutes.version })).toMatchObject({ ok: true });
    const rounds = await db.minutesCirculation.findMany({ where: { minutesId }, orderBy: { round: "asc" }, select: { id: true, round: true } });
    expect(rounds.map((round) => round.round)).toEqual([1, 2]);
    expect(await db.minutesSignOff.count({ where: { circulationId: rounds[0]!.id } })).toBe(1);
    const matrix = (await getSignOffMatrix(jus, meeting.id))!;
    expect(matrix.round).toBe(2);
    expect(matrix.counts.concurred).toBe(0);
    expect(await db.outboundMessage.count({ where: { dedupeKey: { startsWith: `meeting.minutes-circulated:${minutesId}:r2:` } } })).toBeGreaterThan(0);
    expect(await expectUnchanged(() => signOffMinutes(jus, { meetingId: meeting.id, round: 1, response: "CONCURRED" }))).toMatchObject({ ok: false, code: "conflict" });
    expect(await signOffMinutes(jus, { meetingId: meeting.id, round: 2, response: "CONCURRED" })).toMatchObject({ ok: true });
    // Saving the same text again opens no new round.
    const again = await db.minutes.findUniqueOrThrow({ where: { id: minutesId } });
    await saveMinutes(coordinator, { meetingId: meeting.id, bodyEn: "Minutes, amended.", bodyFr: "Procès-verbal modifié.", version: again.version });
    expect(await db.minutesCirculation.count({ where: { minutesId } })).toBe(2);
  });

  it("approval records the sign-off state of the latest round in its audit event, and the matrix stays on the approved minutes", async () => {
    const { meeting, coordinator } = await circulated();
    await signOffMinutes(await sessionUser("rep.jus@iwgtip.example"), { meetingId: meeting.id, round: 1, response: "CONCURRED" });
    await signOffMinutes(await sessionUser("rep.cic@iwgtip.example"), { meetingId: meeting.id, round: 1, response: "COMMENTED", comments: "A note." });
    const next = await makeMeeting({ daysFromNow: 600 });
    const minutes = await db.minutes.findUniqueOrThrow({ where: { meetingId: meeting.id } });
    expect(await approveMinutes(coordinator, { meetingId: meeting.id, approvedAtMeetingId: next.id, version: minutes.version })).toMatchObject({ ok: true });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "minutes.approve", entityId: meeting.id } });
    const signOff = (event.after as { signOff: { round: number; concurred: string[]; commented: string[]; noAnswer: string[] } }).signOff;
    expect(signOff.round).toBe(1);
    expect(signOff.concurred).toEqual(["JUS"]);
    expect(signOff.commented).toEqual(["CIC"]);
    expect(signOff.noAnswer).toContain("RCMP");
    const matrix = await getSignOffMatrix(coordinator, meeting.id);
    expect(matrix).toMatchObject({ minutesStatus: "APPROVED", counts: { concurred: 1, commented: 1 } });
    // Approved minutes take no more answers.
    expect(await expectUnchanged(async () => signOffMinutes(await sessionUser("rep.rcmp@iwgtip.example"), { meetingId: meeting.id, round: 1, response: "CONCURRED" }))).toEqual({ ok: false, code: "invalid", fieldErrors: { _form: [{ key: "locked" }] } });
  });

  it("reminds the departments that have not answered, from 3 days before the due date, once per stage; the scheduler runs it", async () => {
    const { meeting, minutesId } = await circulated(daysFromToday(2));
    await signOffMinutes(await sessionUser("rep.jus@iwgtip.example"), { meetingId: meeting.id, round: 1, response: "CONCURRED" });
    const circulation = await db.minutesCirculation.findFirstOrThrow({ where: { minutesId } });
    await scheduleSignOffReminders(new Date());
    const reminders = await db.outboundMessage.findMany({ where: { dedupeKey: { startsWith: "minutes.sign-off-reminder-3d:" + circulation.id } }, select: { recipientId: true, textBody: true } });
    const jus = await sessionUser("rep.jus@iwgtip.example");
    const others = await db.user.findMany({ where: { role: "DEPARTMENT_REP", active: true, NOT: { id: jus.id } }, select: { id: true } });
    expect(reminders.map((reminder) => reminder.recipientId).sort()).toEqual(others.map((other) => other.id).sort());
    expect(reminders[0]!.textBody).toMatch(/in 2 days/);
    // Idempotent: a second run (the scheduler's tick) queues nothing more for this round.
    await runScheduledNotices(new Date());
    expect(await db.outboundMessage.count({ where: { dedupeKey: { startsWith: "minutes.sign-off-reminder-3d:" + circulation.id } } })).toBe(reminders.length);
    // Far from the due date: nothing.
    const { minutesId: later } = await circulated(daysFromToday(9));
    const laterCirculation = await db.minutesCirculation.findFirstOrThrow({ where: { minutesId: later } });
    await scheduleSignOffReminders(new Date());
    expect(await db.outboundMessage.count({ where: { dedupeKey: { contains: laterCirculation.id } } })).toBe(0);
  });
});
