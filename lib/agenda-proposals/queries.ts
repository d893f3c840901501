import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/security/ids";

export type ProposalRow = {
  id: string;
  version: number;
  meetingId: string;
  meetingSequenceNumber: number;
  meetingTitleEn: string;
  meetingTitleFr: string;
  titleEn: string;
  titleFr: string;
  kind: "DECISION" | "DISCUSSION" | "INFORMATION";
  minutes: number;
  rationale: string;
  status: "PENDING" | "ACCEPTED" | "DECLINED";
  declineReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  proposerName: string;
  department: { en: string; fr: string } | null;
  initiative: { id: string; code: string; titleEn: string; titleFr: string } | null;
};

/** Three reads in one statement each: the proposals, their people and departments, initiatives and meetings. */
async function rowsOf(where: { meetingId?: string; proposerId?: string }, take: number): Promise<ProposalRow[]> {
  const proposals = await db.agendaProposal.findMany({ where, orderBy: { createdAt: "desc" }, take });
  if (proposals.length === 0) return [];
  const ids = (pick: (row: (typeof proposals)[number]) => string | null) => [...new Set(proposals.map(pick).filter((id): id is string => id !== null))];
  const [people, departments, initiatives, meetings] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids((row) => row.proposerId) } }, select: { id: true, displayName: true } }),
    db.department.findMany({ where: { id: { in: ids((row) => row.departmentId) } }, select: { id: true, acronymEn: true, acronymFr: true } }),
    db.initiative.findMany({ where: { id: { in: ids((row) => row.initiativeId) } }, select: { id: true, code: true, titleEn: true, titleFr: true } }),
    db.meeting.findMany({ where: { id: { in: ids((row) => row.meetingId) } }, select: { id: true, sequenceNumber: true, titleEn: true, titleFr: true } }),
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((entry) => [entry.id, entry]));
  const [person, department, initiative, meeting] = [byId(people), byId(departments), byId(initiatives), byId(meetings)];
  return proposals.map((row) => {
    const dept = row.departmentId ? department.get(row.departmentId) : undefined;
    const proposedMeeting = meeting.get(row.meetingId)!;
    return {
      id: row.id,
      version: row.version,
      meetingId: row.meetingId,
      meetingSequenceNumber: proposedMeeting.sequenceNumber,
      meetingTitleEn: proposedMeeting.titleEn,
      meetingTitleFr: proposedMeeting.titleFr,
      titleEn: row.titleEn,
      titleFr: row.titleFr,
      kind: row.kind,
      minutes: row.minutes,
      rationale: row.rationale,
      status: row.status,
      declineReason: row.declineReason,
      decidedAt: row.decidedAt,
      createdAt: row.createdAt,
      proposerName: person.get(row.proposerId)?.displayName ?? "",
      department: dept ? { en: dept.acronymEn, fr: dept.acronymFr } : null,
      initiative: (row.initiativeId && initiative.get(row.initiativeId)) || null,
    };
  });
}

/** The proposals for a meeting, newest first (everyone may read them; the coordinator decides them). */
export async function listMeetingProposals(user: SessionUser, meetingId: string): Promise<ProposalRow[]> {
  requirePermission(user, "portal.read");
  if (!isUuid(meetingId)) return [];
  return rowsOf({ meetingId }, 200);
}

/** The signed-in person's own proposals, newest first: what became of each, and why a declined one was. */
export async function listMyProposals(user: SessionUser, take = 20): Promise<ProposalRow[]> {
  requirePermission(user, "portal.read");
  return rowsOf({ proposerId: user.id }, take);
}

/** The coming meetings one may propose for (not held, not cancelled, not started), soonest first. */
export async function listProposableMeetings(user: SessionUser, take = 8) {
  requirePermission(user, "portal.read");
  return db.meeting.findMany({
    where: { agendaStatus: { not: "HELD" }, cancelledAt: null, startsAt: { gt: new Date() } },
    orderBy: { startsAt: "asc" },
    take,
    select: { id: true, sequenceNumber: true, titleEn: true, titleFr: true, startsAt: true },
  });
}
