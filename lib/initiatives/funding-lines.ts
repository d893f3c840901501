import "server-only";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { defineCommand } from "@/lib/kernel/registry";
import { refuseConflict } from "@/lib/kernel/refusals";
import { CommandRefusal } from "@/lib/kernel/result";
import type { Tx } from "@/lib/kernel/tx";
import { fundingLineOwner, initiativeOwner } from "./owners";
import { addFundingLineSchema, removeFundingLineSchema, updateFundingLineSchema } from "./schemas";

/**
 * Funding line commands, beside the initiative's; registered and exported through ./commands.ts. One line per
 * source per fiscal year (a partial unique index); amounts in integer cents.
 */

const fundingAudited = { source: true, fiscalYear: true, allocatedCents: true, spentCents: true, notes: true, version: true, updatedAt: true } as const;

/** The same source twice in one fiscal year is refused at the field, not as a database error. */
async function refuseDuplicateSource(tx: Tx, initiativeId: string, source: string, fiscalYear: number, exceptId?: string) {
  // lower() as the unique index has it; Prisma's insensitive mode would build an ILIKE pattern from what was typed.
  const [duplicate] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM funding_lines
     WHERE initiative_id = ${initiativeId}::uuid AND fiscal_year = ${fiscalYear} AND deleted_at IS NULL
       AND lower(source) = lower(${source}) AND id <> ${exceptId ?? "00000000-0000-0000-0000-000000000000"}::uuid
     LIMIT 1`;
  if (duplicate) throw new CommandRefusal({ ok: false, code: "invalid", fieldErrors: { source: [{ key: "invalid" }], fiscalYear: [{ key: "invalid" }] } });
}

export const addFundingLine = defineCommand({
  name: "fundingLine.add",
  permission: "initiative.update",
  schema: addFundingLineSchema,
  owner: (input, tx) => initiativeOwner(tx, input.initiativeId),
  async run({ user, input, tx, requestId }) {
    await refuseDuplicateSource(tx, input.initiativeId, input.source, input.fiscalYear);
    const created = await tx.fundingLine.create({ data: input, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "fundingLine.add", entityType: "funding_line", entityId: created.id, after: changedFields({}, input).after, requestId });
    return created;
  },
});

export const updateFundingLine = defineCommand({
  name: "fundingLine.update",
  permission: "initiative.update",
  schema: updateFundingLineSchema,
  owner: (input, tx) => fundingLineOwner(tx, input.id),
  async run({ user, input, tx, requestId }) {
    const { id, version, ...fields } = input;
    const before = await tx.fundingLine.findUniqueOrThrow({ where: { id }, select: { ...fundingAudited, initiativeId: true } });
    await refuseDuplicateSource(tx, before.initiativeId, fields.source, fields.fiscalYear, id);
    const changed = await tx.fundingLine.updateMany({ where: { id, version, deletedAt: null }, data: { ...fields, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "funding_line", id, before.updatedAt);
    await recordAudit(tx, { actorId: user.id, action: "fundingLine.update", entityType: "funding_line", entityId: id, ...changedFields(before, fields), requestId });
    return { id };
  },
});

export const removeFundingLine = defineCommand({
  name: "fundingLine.remove",
  permission: "initiative.update",
  schema: removeFundingLineSchema,
  owner: (input, tx) => fundingLineOwner(tx, input.id),
  async run({ user, input, tx, requestId }) {
    const deletedAt = new Date();
    const changed = await tx.fundingLine.updateMany({ where: { id: input.id, version: input.version, deletedAt: null }, data: { deletedAt, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "funding_line", input.id, null);
    await recordAudit(tx, { actorId: user.id, action: "fundingLine.remove", entityType: "funding_line", entityId: input.id, before: { deletedAt: null }, after: { deletedAt: deletedAt.toISOString() }, requestId });
    return { id: input.id };
  },
});
