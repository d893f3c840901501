import "server-only";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { defineCommand } from "@/lib/kernel/registry";
import { refuseConflict } from "@/lib/kernel/refusals";
import { initiativeOwner, milestoneOwner } from "./owners";
import { addMilestoneSchema, removeMilestoneSchema, updateMilestoneSchema } from "./schemas";

/** Milestone commands, beside the initiative's; registered and exported through ./commands.ts. */

const milestoneAudited = { titleEn: true, titleFr: true, dueDate: true, completedDate: true, version: true, updatedAt: true, deletedAt: true } as const;

export const addMilestone = defineCommand({
  name: "milestone.add",
  permission: "initiative.update",
  schema: addMilestoneSchema,
  owner: (input, tx) => initiativeOwner(tx, input.initiativeId),
  async run({ user, input, tx, requestId }) {
    const created = await tx.milestone.create({ data: input, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "milestone.add", entityType: "milestone", entityId: created.id, after: changedFields({}, input).after, requestId });
    return created;
  },
});

export const updateMilestone = defineCommand({
  name: "milestone.update",
  permission: "initiative.update",
  schema: updateMilestoneSchema,
  owner: (input, tx) => milestoneOwner(tx, input.id),
  async run({ user, input, tx, requestId }) {
    const { id, version, ...fields } = input;
    const before = await tx.milestone.findUniqueOrThrow({ where: { id }, select: milestoneAudited });
    const changed = await tx.milestone.updateMany({ where: { id, version, deletedAt: null }, data: { ...fields, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "milestone", id, before.updatedAt);
    await recordAudit(tx, { actorId: user.id, action: "milestone.update", entityType: "milestone", entityId: id, ...changedFields(before, fields), requestId });
    return { id };
  },
});

export const removeMilestone = defineCommand({
  name: "milestone.remove",
  permission: "initiative.update",
  schema: removeMilestoneSchema,
  owner: (input, tx) => milestoneOwner(tx, input.id),
  async run({ user, input, tx, requestId }) {
    const deletedAt = new Date();
    const changed = await tx.milestone.updateMany({ where: { id: input.id, version: input.version, deletedAt: null }, data: { deletedAt, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "milestone", input.id, null);
    await recordAudit(tx, { actorId: user.id, action: "milestone.remove", entityType: "milestone", entityId: input.id, before: { deletedAt: null }, after: { deletedAt: deletedAt.toISOString() }, requestId });
    return { id: input.id };
  },
});

