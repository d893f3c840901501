import { db } from "@/lib/db";
import { makeMeeting } from "../../meetings/support";
import { departmentId } from "../../../support/database";
import type { Expectation, MatrixRow } from "../matrix-types";

const managersOnly = { ADMIN: "allow", COORDINATOR: "allow", EXECUTIVE: "deny", OWN_REP: "deny", OTHER_REP: "deny", SIGNED_OUT: "deny" } as const satisfies Record<string, Expectation>;

async function userId(email: string) {
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** A pending proposal of the JUS representative for a coming meeting. */
async function pendingProposal() {
  const meeting = await makeMeeting();
  const proposal = await db.agendaProposal.create({
    data: { meetingId: meeting.id, proposerId: await userId("rep.jus@iwgtip.example"), departmentId: await departmentId("JUS"), titleEn: "Proposed", titleFr: "Proposé", kind: "DISCUSSION", minutes: 10, rationale: "Because." },
    select: { id: true, version: true },
  });
  return { id: proposal.id, version: proposal.version };
}

/** Held meeting with circulated minutes, round 1 due in ten days. */
async function circulatedMinutes() {
  const meeting = await makeMeeting({ daysFromNow: -2 - Math.random() * 300, agendaStatus: "HELD" });
  const minutes = await db.minutes.create({ data: { meetingId: meeting.id, bodyEn: "Minutes.", bodyFr: "Procès-verbal.", status: "CIRCULATED", circulatedAt: new Date(), version: 2 }, select: { id: true } });
  await db.minutesCirculation.create({ data: { minutesId: minutes.id, round: 1, dueDate: new Date(Date.now() + 10 * 86_400_000), circulatedById: await userId("coordinator@iwgtip.example") } });
  return meeting;
}

/**
 * Issue 22.3–22.4. Representatives, coordinators and administrators propose agenda items (executives read only);
 * coordinators and administrators decide them. Only representatives sign off minutes, each for their own department
 * (the department comes from the signed-in person, so both representatives are allowed, each for their own).
 */
export const rows: MatrixRow[] = [
  {
    command: "agendaProposal.create",
    prepare: async () => ({ meetingId: (await makeMeeting()).id, titleEn: "Matrix proposal", titleFr: "Proposition de la matrice", kind: "DISCUSSION", minutes: "15", rationale: "Matrix." }),
    expect: { ADMIN: "allow", COORDINATOR: "allow", EXECUTIVE: "deny", OWN_REP: "allow", OTHER_REP: "allow", SIGNED_OUT: "deny" },
  },
  { command: "agendaProposal.accept", prepare: pendingProposal, expect: managersOnly },
  { command: "agendaProposal.decline", prepare: async () => ({ ...(await pendingProposal()), reason: "Not this time." }), expect: managersOnly },
  {
    command: "minutesSignOff.answer",
    prepare: async () => ({ meetingId: (await circulatedMinutes()).id, round: 1, response: "CONCURRED" }),
    expect: { ADMIN: "deny", COORDINATOR: "deny", EXECUTIVE: "deny", OWN_REP: "allow", OTHER_REP: "allow", SIGNED_OUT: "deny" },
  },
];
