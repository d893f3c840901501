import "server-only";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { lastChange } from "@/lib/audit/queries";
import { defineCommand, type Tx } from "@/lib/kernel/registry";
import { CommandRefusal, type FieldError } from "@/lib/kernel/result";
import { createDepartmentSchema, updateDepartmentSchema } from "./schemas";

const auditedDepartment = { acronymEn: true, acronymFr: true, nameEn: true, nameFr: true, active: true, version: true } as const;

/** Acronyms are unique case-insensitively in each language (citext); say so at the field rather than fail. */
async function assertAcronymsFree(tx: Tx, input: { acronymEn: string; acronymFr: string }, exceptId?: string) {
  const others = exceptId ? { NOT: { id: exceptId } } : {};
  const fieldErrors: Record<string, FieldError[]> = {};
  if (await tx.department.findFirst({ where: { acronymEn: input.acronymEn, ...others }, select: { id: true } })) fieldErrors.acronymEn = [{ key: "acronymTaken" }];
  if (await tx.department.findFirst({ where: { acronymFr: input.acronymFr, ...others }, select: { id: true } })) fieldErrors.acronymFr = [{ key: "acronymTaken" }];
  if (Object.keys(fieldErrors).length > 0) throw new CommandRefusal({ ok: false, code: "invalid", fieldErrors });
}

/** Administrators only: a new member department or agency. */
export const createDepartment = defineCommand({
  name: "department.create",
  permission: "admin.manage",
  schema: createDepartmentSchema,
  async run({ user, input, tx, requestId }) {
    await assertAcronymsFree(tx, input);
    const created = await tx.department.create({ data: input, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "department.create", entityType: "department", entityId: created.id, after: { ...input }, requestId });
    return { id: created.id };
  },
});

/** Administrators only: acronyms, names and the active flag. Conflicts when saved by someone else since `version`. */
export const updateDepartment = defineCommand({
  name: "department.update",
  permission: "admin.manage",
  schema: updateDepartmentSchema,
  owner: async ({ id }, tx) => tx.department.findUnique({ where: { id }, select: { id: true } }).then((found) => (found ? { departmentId: found.id } : null)),
  async run({ user, input, tx, requestId }) {
    const { id, version, ...changes } = input;
    const before = await tx.department.findUniqueOrThrow({ where: { id }, select: auditedDepartment });
    if (before.version !== version) throw new CommandRefusal({ ok: false, code: "conflict", ...(await lastChange(tx, "department", id)) });
    await assertAcronymsFree(tx, changes, id);
    const updated = await tx.department.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } });
    if (updated.count === 0) throw new CommandRefusal({ ok: false, code: "conflict", ...(await lastChange(tx, "department", id)) });
    await recordAudit(tx, { actorId: user.id, action: "department.update", entityType: "department", entityId: id, ...changedFields(before, changes), requestId });
    return { id };
  },
});
