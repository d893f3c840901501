/**
 * Authorization matrix rows for the meeting cycle: action items, meetings, agendas, update calls, decisions and
 * minutes (DESIGN.md §3). Records are owned by JUS (see matrix-types.ts).
 */
import { db } from "@/lib/db";
import { departmentId } from "../../../support/database";
import { daysFromToday, makeActionItem, makeMeeting } from "../../meetings/support";
import type { Expectation, MatrixRow } from "../matrix-types";

const everyone = (expectation: Expectation) => ({ ADMIN: expectation, COORDINATOR: expectation, EXECUTIVE: expectation, OWN_REP: expectation, OTHER_REP: expectation, SIGNED_OUT: expectation });

/** Coordinators and administrators only. */
export const managersOnly = { ...everyone("deny"), ADMIN: "allow", COORDINATOR: "allow" } as const satisfies Record<string, Expectation>;
/** Coordinators, administrators, and the owning department's representative. */
const ownDepartment = { ...managersOnly, OWN_REP: "allow" } as const satisfies Record<string, Expectation>;

async function freeSequenceNumber() {
  const max = await db.meeting.aggregate({ _max: { sequenceNumber: true } });
  return (max._max.sequenceNumber ?? 0) + 1 + Math.floor(Math.random() * 50);
}

/** A draft meeting with the standard agenda; its items in order. */
async function meetingWithAgenda() {
  const meeting = await makeMeeting();
  await db.agendaItem.createMany({
    data: ["First", "Second", "Third"].map((title, index) => ({ meetingId: meeting.id, position: index + 1, titleEn: title, titleFr: title, minutes: 10 })),
  });
  const items = await db.agendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: "asc" }, select: { id: true, version: true } });
  return { meeting, items };
}

/** A meeting that started yesterday and was held, with every department present. */
async function heldMeeting() {
  const meeting = await makeMeeting({ daysFromNow: -1 - Math.random() * 300 });
  const departments = await db.department.findMany({ select: { id: true } });
  await db.meetingAttendance.createMany({ data: departments.map((department) => ({ meetingId: meeting.id, departmentId: department.id, status: "DELEGATE" as const })) });
  await db.meeting.update({ where: { id: meeting.id }, data: { agendaStatus: "HELD", quorumMet: true } });
  return meeting;
}

async function minutesIn(status: "DRAFT" | "CIRCULATED" | "APPROVED") {
  const meeting = await heldMeeting();
  await db.minutes.create({ data: { meetingId: meeting.id, bodyEn: "Minutes.", bodyFr: "Procès-verbal.", status, ...(status === "APPROVED" ? { approvedAt: new Date() } : {}) } });
  return meeting;
}

export const rows: MatrixRow[] = [
  {
    command: "actionItem.create",
    prepare: async () => ({ titleEn: "Matrix item", titleFr: "Mesure de la matrice", ownerDepartmentId: await departmentId("JUS"), dueDate: daysFromToday(7) }),
    expect: ownDepartment,
  },
  {
    command: "actionItem.updateStatus",
    prepare: async () => {
      const item = await makeActionItem("JUS");
      return { id: item.id, status: "IN_PROGRESS", version: item.version };
    },
    expect: ownDepartment,
  },
  {
    command: "meeting.create",
    prepare: async () => ({ sequenceNumber: await freeSequenceNumber(), titleEn: "Matrix meeting", titleFr: "Réunion de la matrice", date: "2032-03-04", startTime: "09:00", endTime: "10:00" }),
    expect: managersOnly,
  },
  {
    command: "meeting.update",
    prepare: async () => {
      const meeting = await makeMeeting();
      return { id: meeting.id, version: meeting.version, sequenceNumber: meeting.sequenceNumber, titleEn: "Renamed", titleFr: "Renommée", date: "2032-03-05", startTime: "09:00", endTime: "10:00" };
    },
    expect: managersOnly,
  },
  {
    command: "meeting.cancel",
    prepare: async () => {
      const meeting = await makeMeeting();
      return { id: meeting.id, version: meeting.version, reason: "Matrix: not needed." };
    },
    expect: managersOnly,
  },
  { command: "agenda.start", prepare: async () => ({ meetingId: (await makeMeeting()).id }), expect: managersOnly },
  {
    command: "agenda.addItem",
    prepare: async () => ({ meetingId: (await makeMeeting()).id, titleEn: "Item", titleFr: "Point", kind: "DISCUSSION", minutes: 10 }),
    expect: managersOnly,
  },
  {
    command: "agenda.updateItem",
    prepare: async () => {
      const { items } = await meetingWithAgenda();
      return { id: items[0]!.id, version: items[0]!.version, titleEn: "Changed", titleFr: "Changé", kind: "INFORMATION", minutes: 5 };
    },
    expect: managersOnly,
  },
  { command: "agenda.removeItem", prepare: async () => ({ id: (await meetingWithAgenda()).items[0]!.id }), expect: managersOnly },
  {
    command: "agenda.reorder",
    prepare: async () => {
      const { meeting, items } = await meetingWithAgenda();
      return { meetingId: meeting.id, itemIds: items.map((item) => item.id).reverse() };
    },
    expect: managersOnly,
  },
  { command: "agenda.publish", prepare: async () => ({ meetingId: (await meetingWithAgenda()).meeting.id }), expect: managersOnly },
  {
    command: "updateCall.open",
    prepare: async () => ({ reportingPeriod: "2030-31 Q1", dueDate: daysFromToday(14), initiativeIds: [] }),
    expect: managersOnly,
  },
  {
    command: "updateCall.close",
    prepare: async () => {
      const call = await db.updateCall.create({ data: { reportingPeriod: "2030-31 Q2", dueDate: new Date(`${daysFromToday(14)}T00:00:00Z`) }, select: { id: true, version: true } });
      return { id: call.id, version: call.version };
    },
    expect: managersOnly,
  },
  {
    command: "meeting.recordAttendance",
    prepare: async () => {
      const meeting = await makeMeeting({ daysFromNow: -1 });
      return { meetingId: meeting.id, entries: [{ departmentId: await departmentId("JUS"), status: "DELEGATE" }] };
    },
    expect: managersOnly,
  },
  {
    command: "agenda.recordOutcome",
    prepare: async () => {
      const meeting = await heldMeeting();
      const item = await db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, titleEn: "Item", titleFr: "Point" }, select: { id: true } });
      return { id: item.id, outcome: "Agreed.", deferred: false };
    },
    expect: managersOnly,
  },
  {
    command: "decision.record",
    prepare: async () => {
      const initiative = await db.initiative.findFirstOrThrow({ where: { archivedAt: null }, select: { id: true } });
      return { meetingId: (await heldMeeting()).id, textEn: "Agreed.", textFr: "Convenu.", initiativeIds: [initiative.id] };
    },
    expect: managersOnly,
  },
  { command: "minutes.save", prepare: async () => ({ meetingId: (await heldMeeting()).id, bodyEn: "Minutes.", bodyFr: "Procès-verbal.", version: 0 }), expect: managersOnly },
  { command: "minutes.circulate", prepare: async () => ({ meetingId: (await minutesIn("DRAFT")).id, version: 1 }), expect: managersOnly },
  {
    command: "minutes.approve",
    prepare: async () => ({ meetingId: (await minutesIn("CIRCULATED")).id, approvedAtMeetingId: (await makeMeeting({ daysFromNow: 500 })).id, version: 1 }),
    expect: managersOnly,
  },
  { command: "minutes.amend", prepare: async () => ({ meetingId: (await minutesIn("APPROVED")).id, textEn: "Correction.", textFr: "Correction." }), expect: managersOnly },
];
