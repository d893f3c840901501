import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordAgendaOutcome } from "@/lib/agenda/commands";
import { recordDecision } from "@/lib/decisions/commands";
import { db } from "@/lib/db";
import { recordAttendance } from "@/lib/meetings/attendance";
import { amendMinutes, approveMinutes, circulateMinutes, saveMinutes } from "@/lib/minutes/commands";
import { getAgendaPackage } from "@/lib/meetings/package";
import { packageLabels } from "@/lib/meetings/package-labels";
import { renderAgendaPackagePdf } from "@/lib/meetings/pdf";
import { sessionUser } from "../../support/database";
import { makeMeeting, pdfText } from "./support";

async function heldMeeting() {
  const meeting = await makeMeeting({ daysFromNow: -3 - Math.random() * 300 });
  const departments = await db.department.findMany({ select: { id: true } });
  const coordinator = await sessionUser("coordinator@iwgtip.example");
  const result = await recordAttendance(coordinator, { meetingId: meeting.id, entries: departments.map((department) => ({ departmentId: department.id, status: "DELEGATE", delegateName: "Someone" })) });
  expect(result).toEqual({ ok: true, data: { quorumMet: true } });
  return meeting;
}

describe("at and after the meeting", () => {
  it("records attendance and judges quorum by the rule in the settings (the chair among those present)", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting({ daysFromNow: -1 });
    const departments = await db.department.findMany({ select: { id: true, isChair: true } });
    const result = await recordAttendance(coordinator, {
      meetingId: meeting.id,
      entries: departments.map((department) => ({ departmentId: department.id, status: department.isChair ? "ABSENT" : "DELEGATE" })),
    });
    expect(result).toEqual({ ok: true, data: { quorumMet: false } });
    const saved = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(saved.agendaStatus).toBe("HELD");
    expect(saved.quorumMet).toBe(false);
  });

  it("numbers decisions per meeting month: YYYY-MM-D1, D2", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await heldMeeting();
    const first = await recordDecision(coordinator, { meetingId: meeting.id, textEn: "Agreed.", textFr: "Convenu." });
    const second = await recordDecision(coordinator, { meetingId: meeting.id, textEn: "Also agreed.", textFr: "Aussi convenu." });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    const prefix = first.data.number.slice(0, 7);
    expect(first.data.number).toMatch(/^\d{4}-\d{2}-D\d+$/);
    expect(Number(second.data.number.slice(prefix.length + 2))).toBe(Number(first.data.number.slice(prefix.length + 2)) + 1);
  });

  it("links a decision to the initiatives it concerns, shown in the next meeting's package; refuses archived or unknown ones", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await heldMeeting();
    const [first, second, archived] = await db.initiative.findMany({ where: { archivedAt: null }, select: { id: true, code: true }, orderBy: { code: "asc" }, take: 3 });
    const recorded = await recordDecision(coordinator, { meetingId: meeting.id, textEn: "Fund both.", textFr: "Financer les deux.", initiativeIds: [second!.id, first!.id, first!.id] });
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    const links = await db.decisionInitiative.findMany({ where: { decisionId: recorded.data.id }, select: { initiativeId: true } });
    expect(links.map((link) => link.initiativeId).sort()).toEqual([first!.id, second!.id].sort());

    await db.initiative.update({ where: { id: archived!.id }, data: { archivedAt: new Date() } });
    try {
      const before = await db.decision.count({ where: { meetingId: meeting.id } });
      expect(await recordDecision(coordinator, { meetingId: meeting.id, textEn: "x", textFr: "x", initiativeIds: [first!.id, archived!.id] })).toEqual({
        ok: false,
        code: "invalid",
        fieldErrors: { initiativeIds: [{ key: "archivedInitiative" }] },
      });
      expect(await recordDecision(coordinator, { meetingId: meeting.id, textEn: "x", textFr: "x", initiativeIds: [randomUUID()] })).toEqual({
        ok: false,
        code: "invalid",
        fieldErrors: { initiativeIds: [{ key: "invalidChoice" }] },
      });
      expect(await db.decision.count({ where: { meetingId: meeting.id } })).toBe(before);
    } finally {
      await db.initiative.update({ where: { id: archived!.id }, data: { archivedAt: null } });
    }

    // The next meeting's package carries this record of decisions with the initiatives' codes, on screen and in the PDF.
    const next = await makeMeeting();
    await db.meeting.update({ where: { id: next.id }, data: { startsAt: new Date(meeting.startsAt.getTime() + 60_000), endsAt: new Date(meeting.startsAt.getTime() + 120_000) } });
    const pack = (await getAgendaPackage(coordinator, next.id))!;
    expect(pack.previous?.id).toBe(meeting.id);
    const decision = pack.previous!.decisions.find((candidate) => candidate.id === recorded.data.id)!;
    expect(decision.initiatives.map(({ initiative }) => initiative.code)).toEqual([first!.code, second!.code].sort());
    const pdf = (await pdfText(await renderAgendaPackagePdf(pack, "en", await packageLabels(pack, "en")))).join(" ");
    expect(pdf).toContain(`Initiatives concerned: ${[first!.code, second!.code].sort().join(", ")}`);
  });

  it("records an item's outcome, only once the meeting is held", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const draft = await makeMeeting();
    const item = await db.agendaItem.create({ data: { meetingId: draft.id, position: 1, titleEn: "Item", titleFr: "Point" }, select: { id: true } });
    expect(await recordAgendaOutcome(coordinator, { id: item.id, outcome: "Deferred.", deferred: true })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("takes minutes from draft to circulated to approved at a later meeting, then locks them; corrections are amendments", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await heldMeeting();
    expect((await saveMinutes(coordinator, { meetingId: meeting.id, bodyEn: "Minutes.", bodyFr: "", version: 0 })).ok).toBe(true);
    let minutes = await db.minutes.findUniqueOrThrow({ where: { meetingId: meeting.id } });
    expect(await circulateMinutes(coordinator, { meetingId: meeting.id, version: minutes.version })).toEqual({ ok: false, code: "invalid", fieldErrors: { bodyFr: [{ key: "required" }] } });
    expect((await saveMinutes(coordinator, { meetingId: meeting.id, bodyEn: "Minutes.", bodyFr: "Procès-verbal.", version: minutes.version })).ok).toBe(true);
    minutes = await db.minutes.findUniqueOrThrow({ where: { meetingId: meeting.id } });
    expect((await circulateMinutes(coordinator, { meetingId: meeting.id, version: minutes.version })).ok).toBe(true);
    minutes = await db.minutes.findUniqueOrThrow({ where: { meetingId: meeting.id } });

    // Not at the meeting they record, nor at an earlier one.
    expect(await approveMinutes(coordinator, { meetingId: meeting.id, approvedAtMeetingId: meeting.id, version: minutes.version })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { approvedAtMeetingId: [{ key: "sameMeeting" }] },
    });
    const later = await makeMeeting({ daysFromNow: 30 });
    expect((await approveMinutes(coordinator, { meetingId: meeting.id, approvedAtMeetingId: later.id, version: minutes.version })).ok).toBe(true);
    minutes = await db.minutes.findUniqueOrThrow({ where: { meetingId: meeting.id } });
    expect(minutes.status).toBe("APPROVED");
    expect(minutes.approvedAtMeetingId).toBe(later.id);

    expect(await saveMinutes(coordinator, { meetingId: meeting.id, bodyEn: "Changed", bodyFr: "Changé", version: minutes.version })).toEqual({ ok: false, code: "invalid", fieldErrors: { _form: [{ key: "locked" }] } });
    expect((await amendMinutes(coordinator, { meetingId: meeting.id, textEn: "Correction.", textFr: "Correction." })).ok).toBe(true);
    expect(await db.minutesAmendment.count({ where: { minutesId: minutes.id } })).toBe(1);
    expect((await db.minutes.findUniqueOrThrow({ where: { meetingId: meeting.id } })).bodyEn).toBe("Minutes.");
  });
});
