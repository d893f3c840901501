import "server-only";
import { onAgenda } from "@/lib/agenda";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand } from "@/lib/kernel/registry";
import { refuseConflict, refuseField } from "@/lib/kernel/refusals";
import { calendarDate, torontoToday } from "@/lib/kernel/time";
import { createActionItemSchema, updateActionItemStatusSchema } from "./schemas";
import { notifyActionItemAssigned } from "@/lib/notifications";

/**
 * Coordinators and admins, for any department; a representative, for their own department only (the owner
 * department of the new item is what the policy checks). The assignee belongs to the owner department.
 */
export const createActionItem = defineCommand({
  name: "actionItem.create",
  permission: "actionItem.create",
  schema: createActionItemSchema,
  owner: async (input, tx) => {
    const department = await tx.department.findUnique({ where: { id: input.ownerDepartmentId }, select: { id: true } });
    return department ? { departmentId: department.id } : null;
  },
  run: async ({ user, input, tx, requestId }) => {
    if (input.dueDate < torontoToday()) refuseField("dueDate", "dateInPast");
    if (input.assigneeId) {
      const assignee = await tx.user.findFirst({ where: { id: input.assigneeId, active: true }, select: { departmentId: true } });
      if (!assignee || assignee.departmentId !== input.ownerDepartmentId) refuseField("assigneeId", "assigneeOutsideDepartment");
    }
    if (input.initiativeId) {
      const initiative = await tx.initiative.findUnique({ where: { id: input.initiativeId }, select: { archivedAt: true } });
      if (!initiative) refuseField("initiativeId", "invalidChoice");
      if (initiative.archivedAt) refuseField("initiativeId", "archivedInitiative");
    }
    let meetingId = input.meetingId ?? null;
    if (input.agendaItemId) {
      const item = await tx.agendaItem.findFirst({ where: { id: input.agendaItemId, ...onAgenda }, select: { meetingId: true } });
      if (!item || (meetingId && item.meetingId !== meetingId)) refuseField("agendaItemId", "invalidChoice");
      meetingId = item.meetingId;
    } else if (meetingId) {
      const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { id: true } });
      if (!meeting) refuseField("meetingId", "invalidChoice");
    }
    const data = {
      titleEn: input.titleEn,
      titleFr: input.titleFr,
      detailsEn: input.detailsEn ?? null,
      detailsFr: input.detailsFr ?? null,
      ownerDepartmentId: input.ownerDepartmentId,
      assigneeId: input.assigneeId ?? null,
      initiativeId: input.initiativeId ?? null,
      meetingId,
      agendaItemId: input.agendaItemId ?? null,
      dueDate: calendarDate(input.dueDate),
    };
    const created = await tx.actionItem.create({ data, select: { id: true } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "actionItem.create",
      entityType: "action_item",
      entityId: created.id,
      after: { ...data, dueDate: input.dueDate },
      requestId,
    });
    await notifyActionItemAssigned(created.id, { client: tx, actorId: user.id });
    return { id: created.id };
  },
});

/** Coordinators and admins; a representative only on items their department owns. Conflicts on a stale version. */
export const updateActionItemStatus = defineCommand({
  name: "actionItem.updateStatus",
  permission: "actionItem.updateStatus",
  schema: updateActionItemStatusSchema,
  owner: async (input, tx) => {
    const item = await tx.actionItem.findUnique({ where: { id: input.id }, select: { ownerDepartmentId: true } });
    return item ? { departmentId: item.ownerDepartmentId } : null;
  },
  run: async ({ user, input, tx, requestId }) => {
    const before = await tx.actionItem.findUniqueOrThrow({ where: { id: input.id }, select: { status: true, completionNote: true, completedAt: true } });
    const completedAt = input.status === "DONE" ? (before.completedAt ?? new Date()) : null;
    const completionNote = input.completionNote ?? (input.status === "DONE" || input.status === "CANCELLED" ? before.completionNote : null);
    const changed = await tx.actionItem.updateMany({
      where: { id: input.id, version: input.version },
      data: { status: input.status, completionNote, completedAt, version: { increment: 1 } },
    });
    if (changed.count === 0) await refuseConflict(tx, "action_item", input.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: "actionItem.updateStatus",
      entityType: "action_item",
      entityId: input.id,
      before: { status: before.status, completionNote: before.completionNote, completedAt: before.completedAt?.toISOString() ?? null },
      after: { status: input.status, completionNote, completedAt: completedAt?.toISOString() ?? null },
      requestId,
    });
    return { id: input.id, status: input.status, version: input.version + 1, completionNote };
  },
});
