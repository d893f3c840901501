import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/types";
import { insertAgendaItem } from "@/lib/agenda/commands";
import { defineCommand, type Tx } from "@/lib/kernel/registry";
import { refuseConflict, refuseField, refuseNotFound } from "@/lib/kernel/refusals";
import { notifyProposalDecided } from "@/lib/notifications";
import { acceptProposalSchema, declineProposalSchema, proposeAgendaItemSchema } from "./schemas";

/**
 * A meeting one may still propose for: not held, not cancelled, and not started. Anything else is refused at the
 * meeting field ("already held"), and an unknown meeting is not found.
 */
async function openMeeting(tx: Tx, meetingId: string) {
  const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { id: true, agendaStatus: true, startsAt: true, cancelledAt: true } });
  if (!meeting) refuseNotFound();
  if (meeting.cancelledAt) refuseField("meetingId", "meetingCancelled");
  if (meeting.agendaStatus === "HELD" || meeting.startsAt <= new Date()) refuseField("meetingId", "proposalMeetingHeld");
  return meeting;
}

/** Representatives (for their department), coordinators and administrators propose an item for a coming meeting. */
export const proposeAgendaItem = defineCommand({
  name: "agendaProposal.create",
  permission: "agenda.propose",
  schema: proposeAgendaItemSchema,
  run: async ({ user, input, tx, requestId }) => {
    await openMeeting(tx, input.meetingId);
    if (input.initiativeId) {
      const initiative = await tx.initiative.findUnique({ where: { id: input.initiativeId }, select: { archivedAt: true } });
      if (!initiative) refuseField("initiativeId", "invalidChoice");
      if (initiative.archivedAt) refuseField("initiativeId", "archivedInitiative");
    }
    const data = {
      meetingId: input.meetingId,
      proposerId: user.id,
      departmentId: user.departmentId,
      titleEn: input.titleEn,
      titleFr: input.titleFr,
      kind: input.kind,
      minutes: input.minutes,
      initiativeId: input.initiativeId ?? null,
      rationale: input.rationale,
    };
    const created = await tx.agendaProposal.create({ data, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "agendaProposal.create", entityType: "agenda_proposal", entityId: created.id, after: data, requestId });
    return { id: created.id };
  },
});

async function pendingProposal(tx: Tx, id: string, version: number) {
  const proposal = await tx.agendaProposal.findUnique({ where: { id } });
  if (!proposal) refuseNotFound();
  if (proposal.status !== "PENDING") refuseField("_form", "proposalDecided");
  if (proposal.version !== version) await refuseConflict(tx, "agenda_proposal", id);
  return proposal;
}

/**
 * One click: the proposal becomes an agenda item through the agenda's own path (insertAgendaItem: the same checks,
 * position, SEQUENCE and `agenda.addItem` audit event), in this transaction, and the proposer is told.
 */
export const acceptProposal = defineCommand({
  name: "agendaProposal.accept",
  permission: "meeting.manage",
  schema: acceptProposalSchema,
  run: async ({ user, input, tx, requestId }) => {
    const proposal = await pendingProposal(tx, input.id, input.version);
    await openMeeting(tx, proposal.meetingId);
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: proposal.meetingId }, select: { agendaStatus: true } });
    // A published agenda changes only with a change note: the coordinator's, or one that says where the item came from.
    const changeNote = meeting.agendaStatus === "PUBLISHED" ? (input.changeNote ?? "Added from a department's proposal / Ajouté à partir de la proposition d'un ministère") : input.changeNote;
    const item = await insertAgendaItem(tx, {
      user,
      requestId,
      input: {
        meetingId: proposal.meetingId,
        titleEn: proposal.titleEn,
        titleFr: proposal.titleFr,
        kind: proposal.kind,
        minutes: proposal.minutes,
        presentingDepartmentId: proposal.departmentId ?? undefined,
        initiativeId: proposal.initiativeId ?? undefined,
        actionItemId: undefined,
        changeNote,
      },
    });
    await recordDecision(tx, { proposalId: proposal.id, version: input.version, user, requestId, decision: { status: "ACCEPTED", agendaItemId: item.id } });
    return { id: proposal.id, agendaItemId: item.id };
  },
});

type Decision = { status: "ACCEPTED"; agendaItemId: string } | { status: "DECLINED"; declineReason: string };

/**
 * Accepting and declining end the same way: the proposal, still pending at the version the coordinator saw, is
 * decided (else the answer is a conflict), audited, and its proposer notified.
 */
async function recordDecision(tx: Tx, { proposalId, version, user, requestId, decision }: { proposalId: string; version: number; user: SessionUser; requestId: string; decision: Decision }) {
  const decidedAt = new Date();
  const changed = await tx.agendaProposal.updateMany({
    where: { id: proposalId, status: "PENDING", version },
    data: { ...decision, decidedAt, decidedById: user.id, version: { increment: 1 } },
  });
  if (changed.count === 0) await refuseConflict(tx, "agenda_proposal", proposalId);
  await recordAudit(tx, {
    actorId: user.id,
    action: decision.status === "ACCEPTED" ? "agendaProposal.accept" : "agendaProposal.decline",
    entityType: "agenda_proposal",
    entityId: proposalId,
    before: { status: "PENDING" },
    after: { ...decision, decidedAt: decidedAt.toISOString() },
    requestId,
  });
  await notifyProposalDecided(proposalId, { client: tx, actorId: user.id });
}

/** Declined with a reason the proposer sees (their home page, their proposals, a notification). */
export const declineProposal = defineCommand({
  name: "agendaProposal.decline",
  permission: "meeting.manage",
  schema: declineProposalSchema,
  run: async ({ user, input, tx, requestId }) => {
    const proposal = await pendingProposal(tx, input.id, input.version);
    await recordDecision(tx, { proposalId: proposal.id, version: input.version, user, requestId, decision: { status: "DECLINED", declineReason: input.reason } });
    return { id: proposal.id };
  },
});
