import { describe, expect, it } from "vitest";
import { addAgendaItem, publishAgenda, removeAgendaItem, reorderAgenda, startAgenda, updateAgendaItem } from "@/lib/agenda/commands";
import { getAgendaBuilderData } from "@/lib/agenda/queries";
import { listAgendaSuggestions } from "@/lib/agenda/suggestions";
import { standardAgenda } from "@/lib/agenda/template";
import { db } from "@/lib/db";
import { meetingToIcs } from "@/lib/meetings/ics";
import { getAgendaPackage } from "@/lib/meetings/package";
import { packageLabels } from "@/lib/meetings/package-labels";
import { renderAgendaPackagePdf } from "@/lib/meetings/pdf";
import { getMeeting } from "@/lib/meetings/queries";
import { sessionUser } from "../../support/database";
import { makeMeeting, pdfText } from "./support";

/** The items still on the agenda, in order. */
const onAgenda = async (meetingId: string) =>
  db.agendaItem.findMany({ where: { meetingId, deletedAt: null }, orderBy: { position: "asc" }, select: { id: true, titleEn: true, position: true, version: true } });

async function agendaWithTemplate() {
  const coordinator = await sessionUser("coordinator@iwgtip.example");
  const meeting = await makeMeeting();
  expect((await startAgenda(coordinator, { meetingId: meeting.id })).ok).toBe(true);
  return { coordinator, meeting };
}

/** An active initiative the suggestions panel offers (RED or AMBER). */
const atRiskInitiative = () => db.initiative.findFirstOrThrow({ where: { archivedAt: null, status: "ACTIVE", health: { in: ["RED", "AMBER"] } }, select: { id: true, code: true } });

describe("removing an agenda item", () => {
  it("keeps the row (soft delete, audited), hides it from every read, and keeps the positions 1, 2, 3 …", async () => {
    const { coordinator, meeting } = await agendaWithTemplate();
    const initiative = await atRiskInitiative();
    const title = `Removed item ${meeting.sequenceNumber}`;
    const added = await addAgendaItem(coordinator, { meetingId: meeting.id, titleEn: title, titleFr: `Point retiré ${meeting.sequenceNumber}`, kind: "DISCUSSION", minutes: 25, initiativeId: initiative.id });
    if (!added.ok) throw new Error("not added");
    const before = await getAgendaPackage(coordinator, meeting.id);
    const removedIndex = before!.agenda.findIndex((item) => item.id === added.data.id);
    const removedStart = before!.agenda[removedIndex]!.startsAt;

    expect((await removeAgendaItem(coordinator, { id: added.data.id })).ok).toBe(true);

    // The row is still there, marked removed by whom.
    const row = await db.agendaItem.findUniqueOrThrow({ where: { id: added.data.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.deletedById).toBe(coordinator.id);
    expect(row.titleEn).toBe(title);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: added.data.id, action: "agenda.removeItem" } });
    expect(audit.before).toMatchObject({ titleEn: title, minutes: 25 });
    expect(audit.after).toMatchObject({ deletedAt: row.deletedAt!.toISOString() });

    // Positions of the items on the agenda stay contiguous.
    const live = await onAgenda(meeting.id);
    expect(live.map((item) => item.position)).toEqual(standardAgenda.map((_, index) => index + 1));
    expect(live.map((item) => item.titleEn)).toEqual(standardAgenda.map((item) => item.titleEn));

    // The builder, the meeting page, the package (start times), the .ics, the PDF and the suggestions ignore it.
    const builder = await getAgendaBuilderData(coordinator, meeting.id);
    expect(builder!.items.map((item) => item.id)).not.toContain(added.data.id);
    expect((await getMeeting(coordinator, meeting.id))!.agendaItems.map((item) => item.id)).not.toContain(added.data.id);
    const pack = (await getAgendaPackage(coordinator, meeting.id))!;
    expect(pack.agenda.map((item) => item.id)).not.toContain(added.data.id);
    expect(pack.agenda[removedIndex]!.startsAt).toBe(removedStart);
    expect(meetingToIcs({ ...pack.meeting, agenda: pack.agenda })).not.toContain(title);
    const pdf = (await pdfText(await renderAgendaPackagePdf(pack, "en", await packageLabels(pack, "en")))).join(" ");
    expect(pdf).toContain("Adoption of the agenda");
    expect(pdf).not.toContain(title);
    const { rows: suggestions } = await listAgendaSuggestions(coordinator, meeting.id, { limit: 100_000 });
    expect(suggestions.map((suggestion) => suggestion.initiativeId)).toContain(initiative.id);

    // A removed item cannot be edited, removed again or reordered; the agenda goes on without it.
    expect(await updateAgendaItem(coordinator, { id: added.data.id, version: row.version, titleEn: "x", titleFr: "x", kind: "DISCUSSION", minutes: 5 })).toEqual({ ok: false, code: "not_found" });
    expect(await removeAgendaItem(coordinator, { id: added.data.id })).toEqual({ ok: false, code: "not_found" });
    const order = live.map((item) => item.id);
    expect(await reorderAgenda(coordinator, { meetingId: meeting.id, itemIds: [...order, added.data.id] })).toMatchObject({ ok: false, code: "invalid" });
    expect((await reorderAgenda(coordinator, { meetingId: meeting.id, itemIds: [...order].reverse() })).ok).toBe(true);
    expect((await addAgendaItem(coordinator, { meetingId: meeting.id, titleEn: "Again", titleFr: "Encore", kind: "INFORMATION", minutes: 5 })).ok).toBe(true);
    expect((await onAgenda(meeting.id)).map((item) => item.position)).toEqual([...standardAgenda, null].map((_, index) => index + 1));
  });

  it("refuses publishing an agenda whose items were all removed", async () => {
    const { coordinator, meeting } = await agendaWithTemplate();
    for (const item of await onAgenda(meeting.id)) expect((await removeAgendaItem(coordinator, { id: item.id })).ok).toBe(true);
    expect(await publishAgenda(coordinator, { meetingId: meeting.id })).toEqual({ ok: false, code: "invalid", fieldErrors: { _form: [{ key: "emptyAgenda" }] } });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).agendaStatus).toBe("DRAFT");
    expect(await db.agendaItem.count({ where: { meetingId: meeting.id } })).toBe(standardAgenda.length);
    // Starting again from the template is allowed: the removed items no longer count.
    expect((await startAgenda(coordinator, { meetingId: meeting.id })).ok).toBe(true);
    expect((await onAgenda(meeting.id)).length).toBe(standardAgenda.length);
  });
});

describe("editing an agenda item", () => {
  it("changes every field, audited, and raises the item's version", async () => {
    const { coordinator, meeting } = await agendaWithTemplate();
    const [first] = await onAgenda(meeting.id);
    const initiative = await db.initiative.findFirstOrThrow({ where: { archivedAt: null }, select: { id: true } });
    const department = await db.department.findFirstOrThrow({ where: { acronymEn: "RCMP" }, select: { id: true } });
    const actionItem = await db.actionItem.findFirstOrThrow({ where: { status: "OPEN" }, select: { id: true } });
    const input = { id: first!.id, version: first!.version, titleEn: "Welcome", titleFr: "Bienvenue", kind: "DECISION" as const, minutes: 7, presentingDepartmentId: department.id, initiativeId: initiative.id, actionItemId: actionItem.id };
    expect(await updateAgendaItem(coordinator, input)).toEqual({ ok: true, data: { id: first!.id, version: first!.version + 1 } });
    const saved = await db.agendaItem.findUniqueOrThrow({ where: { id: first!.id } });
    expect(saved).toMatchObject({ titleEn: "Welcome", titleFr: "Bienvenue", kind: "DECISION", minutes: 7, presentingDepartmentId: department.id, initiativeId: initiative.id, actionItemId: actionItem.id, version: first!.version + 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: first!.id, action: "agenda.updateItem" } });
    expect(audit.before).toMatchObject({ titleEn: "Tour de table", minutes: 10 });
    expect(audit.after).toMatchObject({ titleEn: "Welcome", minutes: 7, initiativeId: initiative.id });
  });

  it("refuses a stale version as a conflict naming who saved in between, and saves nothing", async () => {
    const { coordinator, meeting } = await agendaWithTemplate();
    const admin = await sessionUser("admin@iwgtip.example");
    const [first] = await onAgenda(meeting.id);
    const base = { id: first!.id, version: first!.version, titleFr: "Tour de table", kind: "INFORMATION" as const, minutes: 10 };
    expect((await updateAgendaItem(admin, { ...base, titleEn: "Admin's title" })).ok).toBe(true);
    const stale = await updateAgendaItem(coordinator, { ...base, titleEn: "Coordinator's title" });
    expect(stale).toMatchObject({ ok: false, code: "conflict", changedBy: admin.displayName });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: first!.id } })).titleEn).toBe("Admin's title");
  });

  it("refuses a new link to an archived initiative, but keeps a link made before the initiative was archived", async () => {
    const { coordinator, meeting } = await agendaWithTemplate();
    const [first, second] = await onAgenda(meeting.id);
    const initiative = await db.initiative.findFirstOrThrow({ where: { archivedAt: null }, select: { id: true } });
    const fields = { titleEn: "Item", titleFr: "Point", kind: "DISCUSSION" as const, minutes: 10 };
    expect((await updateAgendaItem(coordinator, { id: first!.id, version: first!.version, ...fields, initiativeId: initiative.id })).ok).toBe(true);
    await db.initiative.update({ where: { id: initiative.id }, data: { archivedAt: new Date() } });
    try {
      const refused = await updateAgendaItem(coordinator, { id: second!.id, version: second!.version, ...fields, initiativeId: initiative.id });
      expect(refused).toEqual({ ok: false, code: "invalid", fieldErrors: { initiativeId: [{ key: "archivedInitiative" }] } });
      expect((await db.agendaItem.findUniqueOrThrow({ where: { id: second!.id } })).initiativeId).toBeNull();
      // The first item was linked while the initiative was active: changing its minutes keeps that link.
      expect((await updateAgendaItem(coordinator, { id: first!.id, version: first!.version + 1, ...fields, minutes: 15, initiativeId: initiative.id })).ok).toBe(true);
    } finally {
      await db.initiative.update({ where: { id: initiative.id }, data: { archivedAt: null } });
    }
  });

  it("refuses a zero or negative number of minutes, at the minutes field, on adding and on editing", async () => {
    const { coordinator, meeting } = await agendaWithTemplate();
    const [first] = await onAgenda(meeting.id);
    for (const minutes of [0, -5]) {
      const fields = { titleEn: "Item", titleFr: "Point", kind: "DISCUSSION" as const, minutes };
      expect(await addAgendaItem(coordinator, { meetingId: meeting.id, ...fields })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { minutes: [{ key: "tooSmall" }] } });
      expect(await updateAgendaItem(coordinator, { id: first!.id, version: first!.version, ...fields })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { minutes: [{ key: "tooSmall" }] } });
    }
    expect((await onAgenda(meeting.id)).length).toBe(standardAgenda.length);
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: first!.id } })).minutes).toBe(standardAgenda[0]!.minutes);
  });
});
