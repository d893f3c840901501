import { describe, expect, it } from "vitest";
import { addAgendaItem, publishAgenda, removeAgendaItem, reorderAgenda, startAgenda } from "@/lib/agenda/commands";
import { listAgendaSuggestions } from "@/lib/agenda/suggestions";
import { standardAgenda } from "@/lib/agenda/template";
import { db } from "@/lib/db";
import { createMeeting, updateMeeting } from "@/lib/meetings/commands";
import { sessionUser } from "../../support/database";
import { makeActionItem, makeMeeting } from "./support";

const positions = async (meetingId: string) =>
  (await db.agendaItem.findMany({ where: { meetingId, deletedAt: null }, orderBy: { position: "asc" }, select: { id: true, titleEn: true, position: true } }));

describe("meetings", () => {
  it("creates a meeting from Toronto wall-clock times", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const number = 50_000 + Math.floor(Math.random() * 40_000);
    const result = await createMeeting(coordinator, { sequenceNumber: String(number), titleEn: "Special meeting", titleFr: "Réunion spéciale", date: "2031-01-15", startTime: "09:00", endTime: "11:00", location: "Ottawa", videoUrl: "" });
    expect(result.ok).toBe(true);
    const meeting = await db.meeting.findUniqueOrThrow({ where: { sequenceNumber: number } });
    expect(meeting.startsAt.toISOString()).toBe("2031-01-15T14:00:00.000Z");
    expect(meeting.videoUrl).toBeNull();
  });

  it("refuses an end before the start, at the end field, and saves nothing", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const before = await db.meeting.count();
    const result = await createMeeting(coordinator, { sequenceNumber: "99999", titleEn: "x", titleFr: "x", date: "2031-01-15", startTime: "11:00", endTime: "09:00" });
    expect(result).toEqual({ ok: false, code: "invalid", fieldErrors: { endTime: [{ key: "endBeforeStart" }] } });
    expect(await db.meeting.count()).toBe(before);
  });

  it("refuses a meeting of zero duration (the end at the start), and saves nothing", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const before = await db.meeting.count();
    const result = await createMeeting(coordinator, { sequenceNumber: "99997", titleEn: "x", titleFr: "x", date: "2031-01-15", startTime: "09:00", endTime: "09:00" });
    expect(result).toEqual({ ok: false, code: "invalid", fieldErrors: { endTime: [{ key: "endBeforeStart" }] } });
    expect(await db.meeting.count()).toBe(before);
  });

  it("refuses a representative", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    expect(await createMeeting(rep, { sequenceNumber: "99998", titleEn: "x", titleFr: "x", date: "2031-01-15", startTime: "09:00", endTime: "10:00" })).toEqual({ ok: false, code: "forbidden" });
  });

  it("needs a change note once published, and then raises the calendar sequence", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting({ agendaStatus: "PUBLISHED" });
    const base = { id: meeting.id, version: String(meeting.version), sequenceNumber: String(meeting.sequenceNumber), titleEn: "Moved", titleFr: "Déplacée", date: "2031-02-01", startTime: "10:00", endTime: "12:00" };
    const refused = await updateMeeting(coordinator, base);
    expect(refused).toEqual({ ok: false, code: "invalid", fieldErrors: { changeNote: [{ key: "changeNoteRequired" }] } });
    const saved = await updateMeeting(coordinator, { ...base, changeNote: "Moved to February." });
    expect(saved.ok).toBe(true);
    const after = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(after.icsSequence).toBe(1);
    const audit = await db.auditEvent.findFirst({ where: { entityId: meeting.id, action: "meeting.update" } });
    expect(audit?.after).toMatchObject({ titleEn: "Moved", changeNote: "Moved to February." });
  });
});

describe("the agenda builder", () => {
  it("starts from the standard template, and adds items before the closing ones", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting();
    expect((await startAgenda(coordinator, { meetingId: meeting.id })).ok).toBe(true);
    expect((await positions(meeting.id)).map((item) => item.titleEn)).toEqual(standardAgenda.map((item) => item.titleEn));
    const added = await addAgendaItem(coordinator, { meetingId: meeting.id, titleEn: "Special item", titleFr: "Point spécial", kind: "DECISION", minutes: 20 });
    expect(added.ok).toBe(true);
    const titles = (await positions(meeting.id)).map((item) => item.titleEn);
    expect(titles.slice(-3)).toEqual(["Special item", "Other business", "Next meeting"]);
  });

  it("reorders the items, and refuses an order that is not exactly the agenda's items", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting();
    await startAgenda(coordinator, { meetingId: meeting.id });
    const items = await positions(meeting.id);
    const reversed = [...items].reverse().map((item) => item.id);
    expect((await reorderAgenda(coordinator, { meetingId: meeting.id, itemIds: reversed })).ok).toBe(true);
    expect((await positions(meeting.id)).map((item) => item.id)).toEqual(reversed);
    const refused = await reorderAgenda(coordinator, { meetingId: meeting.id, itemIds: reversed.slice(1) });
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
    expect((await positions(meeting.id)).map((item) => item.id)).toEqual(reversed);
  });

  it("refuses an item linked to an archived initiative", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting();
    const initiative = await db.initiative.findFirstOrThrow({ where: { archivedAt: null }, select: { id: true } });
    await db.initiative.update({ where: { id: initiative.id }, data: { archivedAt: new Date() } });
    try {
      const result = await addAgendaItem(coordinator, { meetingId: meeting.id, titleEn: "x", titleFr: "x", kind: "DISCUSSION", minutes: 5, initiativeId: initiative.id });
      expect(result).toEqual({ ok: false, code: "invalid", fieldErrors: { initiativeId: [{ key: "archivedInitiative" }] } });
    } finally {
      await db.initiative.update({ where: { id: initiative.id }, data: { archivedAt: null } });
    }
  });

  it("refuses publishing an empty agenda; publishes one with items; then every change needs a note and raises SEQUENCE", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting();
    expect(await publishAgenda(coordinator, { meetingId: meeting.id })).toEqual({ ok: false, code: "invalid", fieldErrors: { _form: [{ key: "emptyAgenda" }] } });
    await startAgenda(coordinator, { meetingId: meeting.id });
    expect((await publishAgenda(coordinator, { meetingId: meeting.id })).ok).toBe(true);
    const published = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(published.agendaStatus).toBe("PUBLISHED");
    expect(published.icsSequence).toBe(1);
    const [first] = await positions(meeting.id);
    expect(await removeAgendaItem(coordinator, { id: first!.id })).toEqual({ ok: false, code: "invalid", fieldErrors: { changeNote: [{ key: "changeNoteRequired" }] } });
    expect((await removeAgendaItem(coordinator, { id: first!.id, changeNote: "No tour de table this time." })).ok).toBe(true);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).icsSequence).toBe(2);
    expect((await positions(meeting.id)).map((item) => item.position)).toEqual(standardAgenda.slice(1).map((_, index) => index + 1));
  });

  it("suggests RED/AMBER initiatives and overdue action items, and not what is already on the agenda", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting();
    const overdue = await makeActionItem("JUS", { dueDate: "2020-01-01" });
    const { rows: suggestions } = await listAgendaSuggestions(coordinator, meeting.id, { limit: 100_000 });
    const red = await db.initiative.findMany({ where: { archivedAt: null, status: "ACTIVE", health: { in: ["RED", "AMBER"] } }, select: { id: true } });
    expect(red.length).toBeGreaterThan(0);
    for (const initiative of red) expect(suggestions.find((suggestion) => suggestion.initiativeId === initiative.id)?.reasons).toContain("redAmber");
    expect(suggestions.find((suggestion) => suggestion.actionItemId === overdue.id)?.reasons).toContain("overdueAction");
    const first = red[0]!;
    await addAgendaItem(coordinator, { meetingId: meeting.id, titleEn: "Linked", titleFr: "Lié", kind: "DISCUSSION", minutes: 5, initiativeId: first.id });
    const { rows: after } = await listAgendaSuggestions(coordinator, meeting.id, { limit: 100_000 });
    expect(after.find((suggestion) => suggestion.initiativeId === first.id)).toBeUndefined();
    await db.actionItem.update({ where: { id: overdue.id }, data: { status: "CANCELLED" } });
  });
});
