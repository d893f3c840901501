import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand } from "@/lib/kernel/registry";
import { refuseConflict, refuseField, refuseNotFound } from "@/lib/kernel/refusals";
import { calendarDate, torontoToday } from "@/lib/kernel/time";
import { closeUpdateCallSchema, openUpdateCallSchema } from "./schemas";
import { notifyUpdateCallOpened } from "@/lib/notifications";

/** Coordinators and admins: a call for a reporting period, due on a date not in the past, over active initiatives. */
export const openUpdateCall = defineCommand({
  name: "updateCall.open",
  permission: "meeting.manage",
  schema: openUpdateCallSchema,
  run: async ({ user, input, tx, requestId }) => {
    if (input.dueDate < torontoToday()) refuseField("dueDate", "dateInPast");
    const active = { archivedAt: null, status: "ACTIVE" as const };
    const initiatives = await tx.initiative.findMany({
      where: input.initiativeIds.length > 0 ? { ...active, id: { in: input.initiativeIds } } : active,
      select: { id: true },
    });
    if (input.initiativeIds.length > 0 && initiatives.length !== new Set(input.initiativeIds).size) refuseField("initiativeIds", "archivedInitiative");
    if (initiatives.length === 0) refuseField("initiativeIds", "required");
    const call = await tx.updateCall.create({
      data: {
        reportingPeriod: input.reportingPeriod,
        dueDate: calendarDate(input.dueDate),
        messageEn: input.messageEn ?? null,
        messageFr: input.messageFr ?? null,
        resultsFiscalYear: input.resultsFiscalYear,
        createdById: user.id,
        initiatives: { createMany: { data: initiatives.map((initiative) => ({ initiativeId: initiative.id })) } },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "updateCall.open",
      entityType: "update_call",
      entityId: call.id,
      after: { reportingPeriod: input.reportingPeriod, dueDate: input.dueDate, initiativeIds: initiatives.map((initiative) => initiative.id), resultsFiscalYear: input.resultsFiscalYear },
      requestId,
    });
    await notifyUpdateCallOpened(call.id, { client: tx });
    return { id: call.id };
  },
});

/** Closing freezes the matrix: updates posted afterwards no longer count toward the call. */
export const closeUpdateCall = defineCommand({
  name: "updateCall.close",
  permission: "meeting.manage",
  schema: closeUpdateCallSchema,
  run: async ({ user, input, tx, requestId }) => {
    const call = await tx.updateCall.findUnique({ where: { id: input.id }, select: { status: true } });
    if (!call) refuseNotFound();
    if (call.status === "CLOSED") refuseField("_form", "locked");
    const closedAt = new Date();
    const changed = await tx.updateCall.updateMany({ where: { id: input.id, version: input.version }, data: { status: "CLOSED", closedAt, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "update_call", input.id);
    await recordAudit(tx, { actorId: user.id, action: "updateCall.close", entityType: "update_call", entityId: input.id, before: { status: "OPEN" }, after: { status: "CLOSED", closedAt: closedAt.toISOString() }, requestId });
    return { id: input.id };
  },
});
