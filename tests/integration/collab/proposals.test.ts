import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptProposal, declineProposal, proposeAgendaItem } from "@/lib/agenda-proposals/commands";
import { listMeetingProposals, listMyProposals } from "@/lib/agenda-proposals/queries";
import { startAgenda, publishAgenda } from "@/lib/agenda/commands";
import { departmentId, expectUnchanged, sessionUser } from "../../support/database";
import { makeMeeting } from "../meetings/support";
import { makeInitiative } from "../initiatives/support";

const proposal = (meetingId: string, extra: Record<string, unknown> = {}) => ({ meetingId, titleEn: "Victim services funding gap", titleFr: "Lacune du financement des services aux victimes", kind: "DISCUSSION", minutes: "20", rationale: "The gap grew this quarter.", ...extra });

describe("agenda proposals (issue 22.3)", () => {
  it("a representative proposes an item with its department and initiative; it is audited and listed for the meeting and as theirs", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const meeting = await makeMeeting();
    const initiative = await makeInitiative("JUS");
    const result = await proposeAgendaItem(rep, proposal(meeting.id, { initiativeId: initiative.id }));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const row = await db.agendaProposal.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(row).toMatchObject({ status: "PENDING", proposerId: rep.id, departmentId: await departmentId("JUS"), initiativeId: initiative.id, minutes: 20, kind: "DISCUSSION" });
    const audit = await db.auditEvent.findFirst({ where: { entityType: "agenda_proposal", entityId: result.data.id, action: "agendaProposal.create" } });
    expect(audit?.actorId).toBe(rep.id);
    expect((await listMeetingProposals(rep, meeting.id)).map((entry) => entry.id)).toEqual([result.data.id]);
    const mine = await listMyProposals(rep);
    expect(mine[0]).toMatchObject({ id: result.data.id, status: "PENDING", initiative: { id: initiative.id }, department: { en: "JUS" } });
  });

  it("refuses a proposal for a meeting already held or started, an empty title, text too long, an archived initiative; nothing is saved", async () => {
    const rep = await sessionUser("rep.rcmp@iwgtip.example");
    const held = await makeMeeting({ daysFromNow: -3, agendaStatus: "HELD" });
    const started = await makeMeeting({ daysFromNow: -0.01 });
    const coming = await makeMeeting();
    expect(await expectUnchanged(() => proposeAgendaItem(rep, proposal(held.id)))).toEqual({ ok: false, code: "invalid", fieldErrors: { meetingId: [{ key: "proposalMeetingHeld" }] } });
    expect(await expectUnchanged(() => proposeAgendaItem(rep, proposal(started.id)))).toEqual({ ok: false, code: "invalid", fieldErrors: { meetingId: [{ key: "proposalMeetingHeld" }] } });
    const empty = await expectUnchanged(() => proposeAgendaItem(rep, proposal(coming.id, { titleEn: "  ", titleFr: "" })));
    expect(empty).toMatchObject({ ok: false, code: "invalid", fieldErrors: { titleEn: [{ key: "titleInOneLanguage" }], titleFr: [{ key: "titleInOneLanguage" }] } });
    const long = await expectUnchanged(() => proposeAgendaItem(rep, proposal(coming.id, { titleEn: "x".repeat(301), rationale: "y".repeat(2001) })));
    expect(long).toMatchObject({ ok: false, code: "invalid", fieldErrors: { titleEn: [{ key: "tooLong" }], rationale: [{ key: "tooLong" }] } });
    const noWhy = await expectUnchanged(() => proposeAgendaItem(rep, proposal(coming.id, { rationale: "" })));
    expect(noWhy).toMatchObject({ ok: false, code: "invalid", fieldErrors: { rationale: [expect.anything()] } });
    const archived = await makeInitiative("RCMP");
    await db.initiative.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    expect(await expectUnchanged(() => proposeAgendaItem(rep, proposal(coming.id, { initiativeId: archived.id })))).toEqual({ ok: false, code: "invalid", fieldErrors: { initiativeId: [{ key: "archivedInitiative" }] } });
    const cancelled = await makeMeeting();
    await db.meeting.update({ where: { id: cancelled.id }, data: { cancelledAt: new Date(), cancellationReason: "No." } });
    expect(await expectUnchanged(() => proposeAgendaItem(rep, proposal(cancelled.id)))).toEqual({ ok: false, code: "invalid", fieldErrors: { meetingId: [{ key: "meetingCancelled" }] } });
  });

  it("refuses executives and signed-out callers", async () => {
    const meeting = await makeMeeting();
    expect(await expectUnchanged(async () => proposeAgendaItem(await sessionUser("executive@iwgtip.example"), proposal(meeting.id)))).toEqual({ ok: false, code: "forbidden" });
    expect(await expectUnchanged(() => proposeAgendaItem(null, proposal(meeting.id)))).toEqual({ ok: false, code: "unauthenticated" });
  });

  it("the coordinator accepts a proposal into the agenda in one transaction: the item before the closing items, both audited, the proposer told", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting();
    expect(await startAgenda(coordinator, { meetingId: meeting.id })).toMatchObject({ ok: true });
    const proposed = await proposeAgendaItem(rep, proposal(meeting.id));
    if (!proposed.ok) throw new Error("propose failed");
    const result = await acceptProposal(coordinator, { id: proposed.data.id, version: 1 }, { requestId: "req-accept-1" });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id: result.data.agendaItemId } });
    expect(item).toMatchObject({ meetingId: meeting.id, titleEn: "Victim services funding gap", kind: "DISCUSSION", minutes: 20, presentingDepartmentId: await departmentId("JUS") });
    const items = await db.agendaItem.findMany({ where: { meetingId: meeting.id, deletedAt: null }, orderBy: { position: "asc" }, select: { id: true, titleEn: true } });
    // The standard agenda ends with "Other business" and "Next meeting": the accepted item comes before them.
    expect(items.at(-3)?.id).toBe(item.id);
    expect(await db.agendaProposal.findUniqueOrThrow({ where: { id: proposed.data.id } })).toMatchObject({ status: "ACCEPTED", agendaItemId: item.id, decidedById: coordinator.id });
    const events = await db.auditEvent.findMany({ where: { requestId: "req-accept-1" }, select: { action: true }, orderBy: { occurredAt: "asc" } });
    expect(events.map((event) => event.action).sort()).toEqual(["agenda.addItem", "agendaProposal.accept"]);
    const notice = await db.notification.findFirst({ where: { recipientId: rep.id, kind: "PROPOSAL_ACCEPTED", href: `/meetings/${meeting.id}` } });
    expect(notice?.titleEn).toBe("Victim services funding gap");
    const mail = await db.outboundMessage.findFirst({ where: { dedupeKey: `agenda-proposal.accepted:${proposed.data.id}:${rep.id}` } });
    expect(mail?.subject).toContain("Victim services funding gap");
    // Decided once: a second accept or a decline is refused, nothing saved.
    expect(await expectUnchanged(() => acceptProposal(coordinator, { id: proposed.data.id, version: 2 }))).toEqual({ ok: false, code: "invalid", fieldErrors: { _form: [{ key: "proposalDecided" }] } });
    expect(await expectUnchanged(() => declineProposal(coordinator, { id: proposed.data.id, version: 2, reason: "No." }))).toEqual({ ok: false, code: "invalid", fieldErrors: { _form: [{ key: "proposalDecided" }] } });
  });

  it("accepting into a published agenda records a change note and raises the calendar SEQUENCE", async () => {
    const rep = await sessionUser("rep.rcmp@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting();
    await startAgenda(coordinator, { meetingId: meeting.id });
    expect(await publishAgenda(coordinator, { meetingId: meeting.id })).toMatchObject({ ok: true });
    const before = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { icsSequence: true } });
    const proposed = await proposeAgendaItem(rep, proposal(meeting.id));
    if (!proposed.ok) throw new Error("propose failed");
    const result = await acceptProposal(coordinator, { id: proposed.data.id, version: 1 });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { icsSequence: true } })).icsSequence).toBe(before.icsSequence + 1);
    const event = await db.auditEvent.findFirst({ where: { action: "agenda.addItem", entityId: result.data.agendaItemId } });
    expect((event?.after as { changeNote?: string }).changeNote).toMatch(/proposal/);
  });

  it("refuses a stale version as a conflict, and an accept for a meeting held since, leaving the proposal pending", async () => {
    const rep = await sessionUser("rep.swc@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting();
    const proposed = await proposeAgendaItem(rep, proposal(meeting.id));
    if (!proposed.ok) throw new Error("propose failed");
    expect(await expectUnchanged(() => acceptProposal(coordinator, { id: proposed.data.id, version: 7 }))).toMatchObject({ ok: false, code: "conflict" });
    await db.meeting.update({ where: { id: meeting.id }, data: { agendaStatus: "HELD" } });
    expect(await expectUnchanged(() => acceptProposal(coordinator, { id: proposed.data.id, version: 1 }))).toEqual({ ok: false, code: "invalid", fieldErrors: { meetingId: [{ key: "proposalMeetingHeld" }] } });
    expect((await db.agendaProposal.findUniqueOrThrow({ where: { id: proposed.data.id } })).status).toBe("PENDING");
    // A representative may not decide a proposal.
    expect(await expectUnchanged(() => acceptProposal(rep, { id: proposed.data.id, version: 1 }))).toEqual({ ok: false, code: "forbidden" });
  });

  it("the coordinator declines with a reason the proposer sees in their list and a notification; an empty reason is refused", async () => {
    const rep = await sessionUser("rep.cic@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting();
    const proposed = await proposeAgendaItem(rep, proposal(meeting.id, { titleEn: "", titleFr: "Seulement en français" }));
    if (!proposed.ok) throw new Error("propose failed");
    expect(await expectUnchanged(() => declineProposal(coordinator, { id: proposed.data.id, version: 1, reason: "   " }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: [expect.anything()] } });
    const result = await declineProposal(coordinator, { id: proposed.data.id, version: 1, reason: "Already covered under item 4." });
    expect(result).toMatchObject({ ok: true });
    const mine = (await listMyProposals(rep)).find((entry) => entry.id === proposed.data.id);
    expect(mine).toMatchObject({ status: "DECLINED", declineReason: "Already covered under item 4." });
    expect(await db.agendaItem.count({ where: { meetingId: meeting.id } })).toBe(0);
    const notice = await db.notification.findFirst({ where: { recipientId: rep.id, kind: "PROPOSAL_DECLINED" } });
    expect(notice).toMatchObject({ href: "/#my-proposals", titleEn: "Seulement en français", titleFr: "Seulement en français" });
    const mail = await db.outboundMessage.findFirstOrThrow({ where: { dedupeKey: `agenda-proposal.declined:${proposed.data.id}:${rep.id}` } });
    expect(mail.textBody).toContain("Already covered under item 4.");
    const audit = await db.auditEvent.findFirst({ where: { action: "agendaProposal.decline", entityId: proposed.data.id } });
    expect(audit?.after).toMatchObject({ status: "DECLINED", declineReason: "Already covered under item 4." });
  });

  it("leaves out the in-portal notice when the proposer turned the kind off", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    await db.notificationPreference.upsert({ where: { userId_kind: { userId: rep.id, kind: "PROPOSAL_DECLINED" } }, create: { userId: rep.id, kind: "PROPOSAL_DECLINED", inPortal: false }, update: { inPortal: false } });
    try {
      const meeting = await makeMeeting();
      const proposed = await proposeAgendaItem(rep, proposal(meeting.id));
      if (!proposed.ok) throw new Error("propose failed");
      const before = await db.notification.count({ where: { recipientId: rep.id, kind: "PROPOSAL_DECLINED" } });
      expect(await declineProposal(coordinator, { id: proposed.data.id, version: 1, reason: "No room." })).toMatchObject({ ok: true });
      expect(await db.notification.count({ where: { recipientId: rep.id, kind: "PROPOSAL_DECLINED" } })).toBe(before);
    } finally {
      await db.notificationPreference.delete({ where: { userId_kind: { userId: rep.id, kind: "PROPOSAL_DECLINED" } } });
    }
  });
});
