import "server-only";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { lastChange } from "@/lib/audit/queries";
import { defineCommand } from "@/lib/kernel/registry";
import { CommandRefusal } from "@/lib/kernel/result";
import { createPillarSchema, movePillarSchema, updatePillarSchema } from "./schemas";

const auditedPillar = { nameEn: true, nameFr: true, descriptionEn: true, descriptionFr: true, colour: true, active: true, version: true } as const;

const pillarExists = (id: string, tx: Parameters<NonNullable<Parameters<typeof defineCommand>[0]["owner"]>>[1]) =>
  tx.pillar.findUnique({ where: { id }, select: { id: true } }).then((found) => (found ? { departmentId: null } : null));

/** Administrators only. A new pillar goes last and appears wherever pillars are listed (they are data, not code). */
export const createPillar = defineCommand({
  name: "pillar.create",
  permission: "admin.manage",
  schema: createPillarSchema,
  async run({ user, input, tx, requestId }) {
    if (await tx.pillar.findUnique({ where: { code: input.code }, select: { id: true } })) {
      throw new CommandRefusal({ ok: false, code: "invalid", fieldErrors: { code: [{ key: "codeTaken" }] } });
    }
    const last = await tx.pillar.aggregate({ _max: { sortOrder: true } });
    const created = await tx.pillar.create({ data: { ...input, sortOrder: (last._max.sortOrder ?? 0) + 1 }, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "pillar.create", entityType: "pillar", entityId: created.id, after: { ...input }, requestId });
    return { id: created.id };
  },
});

/** Administrators only: names, descriptions, colour, active. Conflicts when saved by someone else since `version`. */
export const updatePillar = defineCommand({
  name: "pillar.update",
  permission: "admin.manage",
  schema: updatePillarSchema,
  owner: ({ id }, tx) => pillarExists(id, tx),
  async run({ user, input, tx, requestId }) {
    const { id, version, ...changes } = input;
    const before = await tx.pillar.findUniqueOrThrow({ where: { id }, select: auditedPillar });
    const updated = await tx.pillar.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } });
    if (updated.count === 0) throw new CommandRefusal({ ok: false, code: "conflict", ...(await lastChange(tx, "pillar", id)) });
    await recordAudit(tx, { actorId: user.id, action: "pillar.update", entityType: "pillar", entityId: id, ...changedFields(before, changes), requestId });
    return { id };
  },
});

/** Administrators only: swaps a pillar with its neighbour in the display order (keyboard-friendly reordering). */
export const movePillar = defineCommand({
  name: "pillar.move",
  permission: "admin.manage",
  schema: movePillarSchema,
  owner: ({ id }, tx) => pillarExists(id, tx),
  async run({ user, input, tx, requestId }) {
    // Lock the ordering so that two administrators reordering at once cannot interleave.
    await tx.$queryRaw`SELECT id FROM pillars ORDER BY sort_order, code FOR UPDATE`;
    const pillars = await tx.pillar.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, sortOrder: true } });
    const index = pillars.findIndex((pillar) => pillar.id === input.id);
    const neighbour = input.direction === "up" ? index - 1 : index + 1;
    if (neighbour < 0 || neighbour >= pillars.length) return { id: input.id, moved: false };
    // Renumber densely (1..n) with the two swapped, so that equal or gapped sort orders never confuse the order.
    const order = pillars.map((pillar) => pillar.id);
    [order[index], order[neighbour]] = [order[neighbour]!, order[index]!];
    const before = pillars.map((pillar) => pillar.id);
    for (const [position, id] of order.entries()) {
      const current = pillars.find((pillar) => pillar.id === id)!;
      if (current.sortOrder !== position + 1) await tx.pillar.update({ where: { id }, data: { sortOrder: position + 1 } });
    }
    await recordAudit(tx, { actorId: user.id, action: "pillar.move", entityType: "pillar", entityId: input.id, before: { order: before }, after: { order }, requestId });
    return { id: input.id, moved: true };
  },
});
