import "server-only";
import { randomUUID } from "node:crypto";
import { auditInsertSql, changedFields, recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/authz/permissions";
import { defineCommand, type Tx } from "@/lib/kernel/registry";
import { refuseConflict } from "@/lib/kernel/refusals";
import { CommandRefusal } from "@/lib/kernel/result";
import { initiativeOwner } from "./owners";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  archiveInitiativeSchema,
  createInitiativeSchema,
  postStatusUpdateSchema,
  reviewStatusUpdateSchema,
  updateInitiativeSchema,
} from "./schemas";

/**
 * Initiative commands (issue 4). Each one: the owning department is read from the database by the record's
 * id (an archived initiative is not found), the policy decides, and the change and its audit event commit
 * together. Edits carry the version they started from; a stale one is refused with who changed it and when.
 */

// ------------------------------------------------------------------------------------------------------------
// Owners (./owners.ts) and references
// ------------------------------------------------------------------------------------------------------------

const initiativeAudited = {
  titleEn: true,
  titleFr: true,
  summaryEn: true,
  summaryFr: true,
  leadDepartmentId: true,
  primaryPillarId: true,
  status: true,
  startDate: true,
  targetEndDate: true,
  notes: true,
  version: true,
  updatedAt: true,
  partners: { select: { departmentId: true }, orderBy: { departmentId: "asc" } },
  secondaryPillars: { select: { pillarId: true }, orderBy: { pillarId: "asc" } },
} as const;

/** The partner and secondary pillar lists, without the lead and the primary pillar, without repeats. */
function relatedIds(input: { leadDepartmentId: string; partnerDepartmentIds: string[]; primaryPillarId: string; secondaryPillarIds: string[] }) {
  return {
    partners: [...new Set(input.partnerDepartmentIds)].filter((id) => id !== input.leadDepartmentId).sort(),
    pillars: [...new Set(input.secondaryPillarIds)].filter((id) => id !== input.primaryPillarId).sort(),
  };
}

/** Departments and pillars named by the input must exist (and be active, for new references). */
async function checkReferences(tx: Tx, departmentIds: string[], pillarIds: string[]) {
  const [departments, pillars] = await Promise.all([
    tx.department.count({ where: { id: { in: departmentIds } } }),
    tx.pillar.count({ where: { id: { in: pillarIds } } }),
  ]);
  if (departments !== new Set(departmentIds).size || pillars !== new Set(pillarIds).size) {
    throw new CommandRefusal({ ok: false, code: "invalid", fieldErrors: { _form: [{ key: "invalidChoice" }] } });
  }
}

// ------------------------------------------------------------------------------------------------------------
// Initiatives
// ------------------------------------------------------------------------------------------------------------

export const createInitiative = defineCommand({
  name: "initiative.create",
  permission: "initiative.create",
  schema: createInitiativeSchema,
  // A representative may create an initiative only with their own department as lead.
  owner: async (input) => ({ departmentId: input.leadDepartmentId }),
  async run({ user, input, tx, requestId }) {
    const related = relatedIds(input);
    await checkReferences(tx, [input.leadDepartmentId, ...related.partners], [input.primaryPillarId, ...related.pillars]);
    // Codes are sequential (IWG-0013); the lock makes two creations at once take different numbers.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('initiatives.code'))`;
    const rows = await tx.$queryRaw<{ next: number }[]>`
      SELECT (COALESCE(MAX(substring(code FROM '^IWG-([0-9]+)$')::int), 0) + 1)::int AS next FROM initiatives`;
    const code = `IWG-${String(rows[0]?.next ?? 1).padStart(4, "0")}`;
    const { partnerDepartmentIds: _p, secondaryPillarIds: _s, ...fields } = input;
    const created = await tx.initiative.create({
      data: {
        ...fields,
        code,
        partners: { create: related.partners.map((departmentId) => ({ departmentId })) },
        secondaryPillars: { create: related.pillars.map((pillarId) => ({ pillarId })) },
      },
      select: { id: true, code: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "initiative.create",
      entityType: "initiative",
      entityId: created.id,
      after: changedFields({}, { code, ...fields, startDate: fields.startDate, partners: related.partners, secondaryPillars: related.pillars }).after,
      requestId,
    });
    return created;
  },
});

export const updateInitiative = defineCommand({
  name: "initiative.update",
  permission: "initiative.update",
  schema: updateInitiativeSchema,
  owner: (input, tx) => initiativeOwner(tx, input.id),
  async run({ user, input, tx, requestId }) {
    // Moving the lead elsewhere is creating it for that department: a representative may only name their own.
    if (!can(user, "initiative.create", { departmentId: input.leadDepartmentId })) throw new CommandRefusal({ ok: false, code: "forbidden" });
    const related = relatedIds(input);
    await checkReferences(tx, [input.leadDepartmentId, ...related.partners], [input.primaryPillarId, ...related.pillars]);
    const before = await tx.initiative.findUniqueOrThrow({ where: { id: input.id }, select: initiativeAudited });
    const { id, version, partnerDepartmentIds: _p, secondaryPillarIds: _s, ...fields } = input;
    const changed = await tx.initiative.updateMany({ where: { id, version, archivedAt: null }, data: { ...fields, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "initiative", id, before.updatedAt);
    await tx.initiativePartner.deleteMany({ where: { initiativeId: id, departmentId: { notIn: related.partners } } });
    await tx.initiativePartner.createMany({ data: related.partners.map((departmentId) => ({ initiativeId: id, departmentId })), skipDuplicates: true });
    await tx.initiativePillar.deleteMany({ where: { initiativeId: id, pillarId: { notIn: related.pillars } } });
    await tx.initiativePillar.createMany({ data: related.pillars.map((pillarId) => ({ initiativeId: id, pillarId })), skipDuplicates: true });
    const diff = changedFields(
      { ...before, partners: before.partners.map((p) => p.departmentId), secondaryPillars: before.secondaryPillars.map((p) => p.pillarId) },
      { ...fields, partners: related.partners, secondaryPillars: related.pillars },
    );
    await recordAudit(tx, { actorId: user.id, action: "initiative.update", entityType: "initiative", entityId: id, ...diff, requestId });
    return { id, version: version + 1 };
  },
});

export const archiveInitiative = defineCommand({
  name: "initiative.archive",
  permission: "initiative.archive",
  schema: archiveInitiativeSchema,
  owner: (input, tx) => initiativeOwner(tx, input.id),
  async run({ user, input, tx, requestId }) {
    const archivedAt = new Date();
    const changed = await tx.initiative.updateMany({ where: { id: input.id, version: input.version, archivedAt: null }, data: { archivedAt, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "initiative", input.id, null);
    await recordAudit(tx, {
      actorId: user.id,
      action: "initiative.archive",
      entityType: "initiative",
      entityId: input.id,
      before: { archivedAt: null },
      after: { archivedAt: archivedAt.toISOString() },
      requestId,
    });
    return { id: input.id };
  },
});

// ------------------------------------------------------------------------------------------------------------
// Status updates: append-only. Posting one sets the initiative's current health and progress.
// ------------------------------------------------------------------------------------------------------------

/**
 * The busiest write, in one statement (atomicity "statement"): the owner read also returns what the audit event
 * needs as "before", and one statement updates the initiative (only while it is still this department's and not
 * archived, and the form's idempotency key has not been used), inserts the update and both audit events; the
 * registry adds the key's receipt to the same statement. Nothing changed means the initiative moved away meanwhile.
 */
export const postStatusUpdate = defineCommand({
  name: "initiative.postStatusUpdate",
  permission: "initiative.update",
  schema: postStatusUpdateSchema,
  atomicity: "statement",
  async owner(input, tx) {
    const initiative = await tx.initiative.findFirst({
      where: { id: input.initiativeId, archivedAt: null },
      select: { leadDepartmentId: true, health: true, progress: true, lastUpdatedAt: true },
    });
    return initiative ? { departmentId: initiative.leadDepartmentId, before: { health: initiative.health, progress: initiative.progress, lastUpdatedAt: initiative.lastUpdatedAt } } : null;
  },
  statement({ user, input, requestId, owner, fresh }) {
    const now = new Date();
    const id = randomUUID();
    const initiativeChange = changedFields(owner!.before, { health: input.health, progress: input.progress, lastUpdatedAt: now });
    const created = changedFields({}, { ...input }).after;
    // Not a version bump: an update is a report, not an edit of the fields the edit form holds.
    const ctes = Prisma.sql`
      updated AS (
        UPDATE initiatives SET health = ${input.health}::health, progress = ${input.progress}, last_updated_at = ${now}, updated_at = ${now}
        WHERE id = ${input.initiativeId}::uuid AND archived_at IS NULL AND lead_department_id = ${owner!.departmentId}::uuid AND ${fresh}
        RETURNING id
      ),
      inserted AS (
        INSERT INTO status_updates (id, initiative_id, author_id, reporting_period, health, progress, narrative_en, narrative_fr, created_at)
        SELECT ${id}::uuid, updated.id, ${user.id}::uuid, ${input.reportingPeriod}, ${input.health}::health, ${input.progress},
               ${input.narrativeEn}, ${input.narrativeFr}, ${now}
        FROM updated
        RETURNING id
      ),
      audited AS (${auditInsertSql(Prisma.sql`inserted`, [
        { actorId: user.id, action: "initiative.postStatusUpdate", entityType: "initiative", entityId: input.initiativeId, before: initiativeChange.before, after: initiativeChange.after, requestId },
        { actorId: user.id, action: "statusUpdate.create", entityType: "status_update", entityId: id, before: null, after: created, requestId },
      ])})`;
    return { ctes, changed: Prisma.sql`inserted`, result: { id } };
  },
});

export const reviewStatusUpdate = defineCommand({
  name: "initiative.reviewStatusUpdate",
  // The secretariat's review of reports belongs with calls for updates (coordinators and administrators).
  permission: "meeting.manage",
  schema: reviewStatusUpdateSchema,
  async run({ user, input, tx, requestId }) {
    const reviewedAt = new Date();
    const changed = await tx.statusUpdate.updateMany({
      where: { id: input.statusUpdateId, reviewedAt: null, initiative: { archivedAt: null } },
      data: { reviewedAt, reviewedById: user.id },
    });
    if (changed.count === 0) {
      const exists = await tx.statusUpdate.findFirst({ where: { id: input.statusUpdateId, initiative: { archivedAt: null } }, select: { reviewedAt: true } });
      if (!exists) throw new CommandRefusal({ ok: false, code: "not_found" });
      return { id: input.statusUpdateId, alreadyReviewed: true };
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: "statusUpdate.review",
      entityType: "status_update",
      entityId: input.statusUpdateId,
      before: { reviewedAt: null, reviewedById: null },
      after: { reviewedAt: reviewedAt.toISOString(), reviewedById: user.id },
      requestId,
    });
    return { id: input.statusUpdateId, alreadyReviewed: false };
  },
});

// Milestones and funding lines: their own modules, exported here so that this file stays the domain's public
// commands (and lib/commands/index.ts registers them by importing it).
export { addMilestone, removeMilestone, updateMilestone } from "./milestones";
export { addFundingLine, removeFundingLine, updateFundingLine } from "./funding-lines";
