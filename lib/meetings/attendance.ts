import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand } from "@/lib/kernel/registry";
import { readSetting } from "@/lib/settings/queries";
import { quorumMet } from "./quorum";
import { refuseField, refuseNotFound } from "@/lib/kernel/refusals";
import { optionalText } from "@/lib/kernel/schema-helpers";

const attendanceStatuses = ["DELEGATE", "ALTERNATE", "ABSENT"] as const;

export const recordAttendanceSchema = z
  .object({
    meetingId: z.uuid(),
    entries: z
      .array(z.object({ departmentId: z.uuid(), status: z.enum(attendanceStatuses), delegateName: optionalText(120) }).strict())
      .min(1)
      .max(100),
  })
  .strict();

/**
 * Coordinators and admins, once the meeting has started: attendance per department (replacing what was recorded)
 * and whether quorum was met under the rule in the settings. The meeting is then held.
 */
export const recordAttendance = defineCommand({
  name: "meeting.recordAttendance",
  permission: "meeting.manage",
  schema: recordAttendanceSchema,
  run: async ({ user, input, tx, requestId }) => {
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: { startsAt: true, agendaStatus: true, quorumMet: true } });
    if (!meeting) refuseNotFound();
    if (meeting.startsAt > new Date()) refuseField("_form", "invalid");
    const departments = await tx.department.findMany({ where: { id: { in: input.entries.map((entry) => entry.departmentId) } }, select: { id: true, isChair: true } });
    if (departments.length !== new Set(input.entries.map((entry) => entry.departmentId)).size) refuseField("entries", "invalidChoice");
    const before = await tx.meetingAttendance.findMany({ where: { meetingId: input.meetingId }, select: { departmentId: true, status: true, delegateName: true } });
    await tx.meetingAttendance.deleteMany({ where: { meetingId: input.meetingId } });
    await tx.meetingAttendance.createMany({
      data: input.entries.map((entry) => ({ meetingId: input.meetingId, departmentId: entry.departmentId, status: entry.status, delegateName: entry.status === "ABSENT" ? null : (entry.delegateName ?? null) })),
    });
    const rule = await readSetting("quorumRule", tx);
    const chair = new Set(departments.filter((department) => department.isChair).map((department) => department.id));
    const met = quorumMet(input.entries.map((entry) => ({ status: entry.status, isChair: chair.has(entry.departmentId) })), rule);
    await tx.meeting.update({ where: { id: input.meetingId }, data: { quorumMet: met, agendaStatus: "HELD", version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "meeting.recordAttendance",
      entityType: "meeting",
      entityId: input.meetingId,
      before: { attendance: before, quorumMet: meeting.quorumMet, agendaStatus: meeting.agendaStatus },
      after: { attendance: input.entries, quorumMet: met, agendaStatus: "HELD" },
      requestId,
    });
    return { quorumMet: met };
  },
});
