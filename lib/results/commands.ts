import "server-only";
import { randomUUID } from "node:crypto";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { defineCommand, type Tx } from "@/lib/kernel/registry";
import { CommandRefusal, conflict, type FieldError } from "@/lib/kernel/result";
import { fiscalYearOf } from "@/lib/format/numbers";
import { Prisma } from "@/lib/generated/prisma/client";
import { readResultsMargin } from "./margin";
import {
  archiveSchema,
  correctActualSchema,
  createIndicatorSchema,
  createResultSchema,
  enterActualSchema,
  figureProblem,
  reviewActualSchema,
  setTargetSchema,
  updateIndicatorSchema,
  updateResultSchema,
  type IndicatorUnit,
} from "./schemas";
import { explanationRequired } from "./status";

/**
 * Commands of the results framework (issue 18). Coordinators and administrators define the framework
 * (`results.manage`); the representatives of the department responsible for an indicator enter and correct its
 * actuals (`results.report`, scoped to that department, read from the indicator by its id). Every change and its
 * audit event commit together; what the database also refuses (CHECKs) is answered at the field first.
 */

// ------------------------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------------------------

function invalid(fieldErrors: Record<string, FieldError[]>): never {
  throw new CommandRefusal({ ok: false, code: "invalid", fieldErrors });
}

async function refuseConflict(tx: Tx, entityType: string, entityId: string): Promise<never> {
  const last = await tx.auditEvent.findFirst({
    where: { entityType, entityId },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true, actor: { select: { displayName: true } } },
  });
  throw new CommandRefusal(conflict(last?.actor?.displayName ?? null, last?.occurredAt ?? null));
}

/** The next sequential code ("ER-0004"); the lock makes two creations at once take different numbers. */
async function nextCode(tx: Tx, table: "expected_results" | "indicators", prefix: "ER" | "IND"): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${table}.code`}))`;
  const pattern = `^${prefix}-([0-9]+)$`;
  const rows =
    table === "expected_results"
      ? await tx.$queryRaw<{ next: number }[]>`SELECT (COALESCE(MAX(substring(code FROM ${pattern})::int), 0) + 1)::int AS next FROM expected_results`
      : await tx.$queryRaw<{ next: number }[]>`SELECT (COALESCE(MAX(substring(code FROM ${pattern})::int), 0) + 1)::int AS next FROM indicators`;
  return `${prefix}-${String(rows[0]?.next ?? 1).padStart(4, "0")}`;
}

/** Named departments, pillars and initiatives must exist (initiatives: not archived). */
async function checkReferences(tx: Tx, { departmentIds = [], pillarIds = [], initiativeIds = [] }: { departmentIds?: string[]; pillarIds?: string[]; initiativeIds?: string[] }) {
  const [departments, pillars, initiatives] = await Promise.all([
    departmentIds.length ? tx.department.count({ where: { id: { in: departmentIds } } }) : 0,
    pillarIds.length ? tx.pillar.count({ where: { id: { in: pillarIds } } }) : 0,
    initiativeIds.length ? tx.initiative.count({ where: { id: { in: initiativeIds }, archivedAt: null } }) : 0,
  ]);
  if (departments !== new Set(departmentIds).size || pillars !== new Set(pillarIds).size || initiatives !== new Set(initiativeIds).size) {
    invalid({ _form: [{ key: "invalidChoice" }] });
  }
}

const unique = (ids: string[]) => [...new Set(ids)].sort();
const decimal = (value: number | null) => (value === null ? null : new Prisma.Decimal(value.toFixed(2)));

/** An expected result that exists and is not archived: framework records belong to no department. */
async function resultOwner(tx: Tx, id: string) {
  const result = await tx.expectedResult.findFirst({ where: { id, archivedAt: null }, select: { id: true } });
  return result ? { departmentId: null } : null;
}

async function indicatorOwner(tx: Tx, id: string) {
  const indicator = await tx.indicator.findFirst({ where: { id, archivedAt: null, result: { archivedAt: null } }, select: { responsibleDepartmentId: true } });
  return indicator ? { departmentId: indicator.responsibleDepartmentId } : null;
}

// ------------------------------------------------------------------------------------------------------------
// Expected results
// ------------------------------------------------------------------------------------------------------------

export const createResult = defineCommand({
  name: "result.create",
  permission: "results.manage",
  schema: createResultSchema,
  async run({ user, input, tx, requestId }) {
    const departmentIds = unique(input.departmentIds);
    await checkReferences(tx, { departmentIds, pillarIds: [input.pillarId] });
    const code = await nextCode(tx, "expected_results", "ER");
    const { departmentIds: _d, ...fields } = input;
    const created = await tx.expectedResult.create({
      data: { ...fields, code, departments: { create: departmentIds.map((departmentId) => ({ departmentId })) } },
      select: { id: true, code: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "result.create", entityType: "expected_result", entityId: created.id, after: changedFields({}, { code, ...fields, departments: departmentIds }).after, requestId });
    return created;
  },
});

export const updateResult = defineCommand({
  name: "result.update",
  permission: "results.manage",
  schema: updateResultSchema,
  owner: (input, tx) => resultOwner(tx, input.id),
  async run({ user, input, tx, requestId }) {
    const departmentIds = unique(input.departmentIds);
    await checkReferences(tx, { departmentIds, pillarIds: [input.pillarId] });
    const { id, version, departmentIds: _d, ...fields } = input;
    const before = await tx.expectedResult.findUniqueOrThrow({
      where: { id },
      select: { pillarId: true, level: true, titleEn: true, titleFr: true, descriptionEn: true, descriptionFr: true, departments: { select: { departmentId: true }, orderBy: { departmentId: "asc" } } },
    });
    const changed = await tx.expectedResult.updateMany({ where: { id, version, archivedAt: null }, data: { ...fields, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "expected_result", id);
    await tx.expectedResultDepartment.deleteMany({ where: { resultId: id, departmentId: { notIn: departmentIds } } });
    await tx.expectedResultDepartment.createMany({ data: departmentIds.map((departmentId) => ({ resultId: id, departmentId })), skipDuplicates: true });
    const diff = changedFields({ ...before, departments: before.departments.map((d) => d.departmentId) }, { ...fields, departments: departmentIds });
    await recordAudit(tx, { actorId: user.id, action: "result.update", entityType: "expected_result", entityId: id, ...diff, requestId });
    return { id, version: version + 1 };
  },
});

export const archiveResult = defineCommand({
  name: "result.archive",
  permission: "results.manage",
  schema: archiveSchema,
  owner: (input, tx) => resultOwner(tx, input.id),
  async run({ user, input, tx, requestId }) {
    const archivedAt = new Date();
    const changed = await tx.expectedResult.updateMany({ where: { id: input.id, version: input.version, archivedAt: null }, data: { archivedAt, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "expected_result", input.id);
    await recordAudit(tx, { actorId: user.id, action: "result.archive", entityType: "expected_result", entityId: input.id, before: { archivedAt: null }, after: { archivedAt: archivedAt.toISOString() }, requestId });
    return { id: input.id };
  },
});

// ------------------------------------------------------------------------------------------------------------
// Indicators
// ------------------------------------------------------------------------------------------------------------

export const createIndicator = defineCommand({
  name: "indicator.create",
  permission: "results.manage",
  schema: createIndicatorSchema,
  owner: async (input, tx) => ((await resultOwner(tx, input.resultId)) ? { departmentId: input.responsibleDepartmentId } : null),
  async run({ user, input, tx, requestId }) {
    const initiativeIds = unique(input.initiativeIds);
    await checkReferences(tx, { departmentIds: [input.responsibleDepartmentId], initiativeIds });
    const code = await nextCode(tx, "indicators", "IND");
    const { initiativeIds: _i, baselineValue, ...fields } = input;
    const created = await tx.indicator.create({
      data: { ...fields, code, baselineValue: decimal(baselineValue), initiatives: { create: initiativeIds.map((initiativeId) => ({ initiativeId })) } },
      select: { id: true, code: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "indicator.create", entityType: "indicator", entityId: created.id, after: changedFields({}, { code, ...fields, baselineValue, initiatives: initiativeIds }).after, requestId });
    return created;
  },
});

const indicatorAudited = {
  unit: true,
  responsibleDepartmentId: true,
  nameEn: true,
  nameFr: true,
  methodologyEn: true,
  methodologyFr: true,
  dataSourceEn: true,
  dataSourceFr: true,
  direction: true,
  cumulative: true,
  frequency: true,
  baselineValue: true,
  baselineDate: true,
  initiatives: { select: { initiativeId: true }, orderBy: { initiativeId: "asc" } },
} as const;

export const updateIndicator = defineCommand({
  name: "indicator.update",
  permission: "results.manage",
  schema: updateIndicatorSchema,
  owner: (input, tx) => indicatorOwner(tx, input.id),
  async run({ user, input, tx, requestId }) {
    const initiativeIds = unique(input.initiativeIds);
    await checkReferences(tx, { departmentIds: [input.responsibleDepartmentId], initiativeIds });
    const { id, version, initiativeIds: _i, baselineValue, ...fields } = input;
    const before = await tx.indicator.findUniqueOrThrow({ where: { id }, select: indicatorAudited });
    if (baselineValue !== null) {
      const problem = before.unit === "NARRATIVE" ? "narrativeMismatch" : figureProblem(before.unit, baselineValue);
      if (problem) invalid({ baselineValue: [{ key: problem }] });
    }
    const changed = await tx.indicator.updateMany({ where: { id, version, archivedAt: null }, data: { ...fields, baselineValue: decimal(baselineValue), version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "indicator", id);
    await tx.indicatorInitiative.deleteMany({ where: { indicatorId: id, initiativeId: { notIn: initiativeIds } } });
    await tx.indicatorInitiative.createMany({ data: initiativeIds.map((initiativeId) => ({ indicatorId: id, initiativeId })), skipDuplicates: true });
    const diff = changedFields(
      { ...before, baselineValue: before.baselineValue === null ? null : Number(before.baselineValue), initiatives: before.initiatives.map((i) => i.initiativeId) },
      { ...fields, baselineValue, initiatives: initiativeIds },
    );
    await recordAudit(tx, { actorId: user.id, action: "indicator.update", entityType: "indicator", entityId: id, ...diff, requestId });
    return { id, version: version + 1 };
  },
});

export const archiveIndicator = defineCommand({
  name: "indicator.archive",
  permission: "results.manage",
  schema: archiveSchema,
  owner: (input, tx) => indicatorOwner(tx, input.id),
  async run({ user, input, tx, requestId }) {
    const archivedAt = new Date();
    const changed = await tx.indicator.updateMany({ where: { id: input.id, version: input.version, archivedAt: null }, data: { archivedAt, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "indicator", input.id);
    await recordAudit(tx, { actorId: user.id, action: "indicator.archive", entityType: "indicator", entityId: input.id, before: { archivedAt: null }, after: { archivedAt: archivedAt.toISOString() }, requestId });
    return { id: input.id };
  },
});

// ------------------------------------------------------------------------------------------------------------
// Targets: one per indicator and fiscal year; setting it again replaces it (version-checked).
// ------------------------------------------------------------------------------------------------------------

/** What a unit allows a target or actual to hold, answered per field. */
function checkAgainstUnit(unit: IndicatorUnit, figures: Record<string, number | null>, narrative: boolean, narrativeField: string): Record<string, FieldError[]> {
  const errors: Record<string, FieldError[]> = {};
  if (unit === "NARRATIVE") {
    for (const [field, value] of Object.entries(figures)) if (value !== null) errors[field] = [{ key: "narrativeMismatch" }];
    if (!narrative && Object.keys(errors).length === 0) errors[narrativeField] = [{ key: "narrativeMismatch" }];
    return errors;
  }
  if (narrative && Object.values(figures).every((value) => value === null)) errors[narrativeField] = [{ key: "narrativeMismatch" }];
  for (const [field, value] of Object.entries(figures)) {
    const problem = value === null ? null : figureProblem(unit, value);
    if (problem) errors[field] = [{ key: problem }];
  }
  return errors;
}

export const setTarget = defineCommand({
  name: "indicatorTarget.set",
  permission: "results.manage",
  schema: setTargetSchema,
  owner: (input, tx) => indicatorOwner(tx, input.indicatorId),
  async run({ user, input, tx, requestId }) {
    const indicator = await tx.indicator.findUniqueOrThrow({ where: { id: input.indicatorId }, select: { unit: true } });
    const narrative = input.narrativeEn !== null || input.narrativeFr !== null;
    // Errors name the field the form shows: `value` for the single-value types.
    const single = input.targetType !== "RANGE";
    const figures: Record<string, number | null> = single ? { value: input.minValue ?? input.maxValue } : { minValue: input.minValue, maxValue: input.maxValue };
    const errors = input.targetType === "NARRATIVE" && indicator.unit !== "NARRATIVE" ? { targetType: [{ key: "narrativeMismatch" as const }] } : checkAgainstUnit(indicator.unit, figures, narrative, "targetType");
    if (Object.keys(errors).length > 0) invalid(errors);
    const { indicatorId, fiscalYear, version, ...fields } = input;
    const data = { ...fields, minValue: decimal(input.minValue), maxValue: decimal(input.maxValue) };
    const current = await tx.indicatorTarget.findFirst({ where: { indicatorId, fiscalYear, archivedAt: null }, select: { id: true, version: true, targetType: true, minValue: true, maxValue: true, narrativeEn: true, narrativeFr: true, achieveByYear: true, achieveByMonth: true } });
    const audited = { ...fields, fiscalYear };
    if (current) {
      // Replacing a target someone else just changed would silently undo their work.
      if (version === undefined || version !== current.version) await refuseConflict(tx, "indicator_target", current.id);
      const changed = await tx.indicatorTarget.updateMany({ where: { id: current.id, version: current.version, archivedAt: null }, data: { ...data, version: { increment: 1 } } });
      if (changed.count === 0) await refuseConflict(tx, "indicator_target", current.id);
      const diff = changedFields({ ...current, fiscalYear, minValue: current.minValue === null ? null : Number(current.minValue), maxValue: current.maxValue === null ? null : Number(current.maxValue) }, audited);
      await recordAudit(tx, { actorId: user.id, action: "indicatorTarget.update", entityType: "indicator_target", entityId: current.id, ...diff, requestId });
      return { id: current.id, version: current.version + 1 };
    }
    const created = await tx.indicatorTarget.create({ data: { ...data, indicatorId, fiscalYear, unit: indicator.unit }, select: { id: true, version: true } });
    await recordAudit(tx, { actorId: user.id, action: "indicatorTarget.create", entityType: "indicator_target", entityId: created.id, after: changedFields({}, { indicatorId, ...audited }).after, requestId });
    return created;
  },
});

/**
 * Archives the target of a fiscal year (never deleted): the year then has no target, and a new one may be set.
 * Version-checked like every archive; the indicator's department is read from the target.
 */
export const archiveTarget = defineCommand({
  name: "indicatorTarget.archive",
  permission: "results.manage",
  schema: archiveSchema,
  async owner(input, tx) {
    const target = await tx.indicatorTarget.findFirst({ where: { id: input.id, archivedAt: null, indicator: { archivedAt: null, result: { archivedAt: null } } }, select: { indicator: { select: { responsibleDepartmentId: true } } } });
    return target ? { departmentId: target.indicator.responsibleDepartmentId } : null;
  },
  async run({ user, input, tx, requestId }) {
    const archivedAt = new Date();
    const changed = await tx.indicatorTarget.updateMany({ where: { id: input.id, version: input.version, archivedAt: null }, data: { archivedAt, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "indicator_target", input.id);
    await recordAudit(tx, { actorId: user.id, action: "indicatorTarget.archive", entityType: "indicator_target", entityId: input.id, before: { archivedAt: null }, after: { archivedAt: archivedAt.toISOString() }, requestId });
    return { id: input.id };
  },
});

// ------------------------------------------------------------------------------------------------------------
// Actuals: append-only; a correction is a new row naming the one it corrects, with a reason.
// ------------------------------------------------------------------------------------------------------------

type ActualFields = {
  value: number | null;
  narrativeEn: string | null;
  narrativeFr: string | null;
  measuredOn: Date;
  explanationEn: string | null;
  explanationFr: string | null;
};

/**
 * Checks an actual against its indicator (unit, frequency, baseline) and against the target of its year (the
 * explanation the status rule asks for), answering every problem at its field.
 */
async function checkActual(
  tx: Tx,
  indicator: { id: string; unit: IndicatorUnit; direction: "INCREASE" | "DECREASE" | "MAINTAIN"; frequency: string; baselineDate: Date | null },
  fiscalYear: number,
  quarter: number | null,
  fields: ActualFields,
) {
  const narrative = fields.narrativeEn !== null || fields.narrativeFr !== null;
  const errors: Record<string, FieldError[]> = checkAgainstUnit(indicator.unit, { value: fields.value }, narrative, indicator.unit === "NARRATIVE" ? "narrativeEn" : "value");
  if (indicator.unit !== "NARRATIVE" && fields.value === null && !errors.value) errors.value = [{ key: "required" }];
  if ((indicator.frequency === "QUARTERLY") !== (quarter !== null)) errors.quarter = [{ key: "quarterNotExpected" }];
  if (indicator.baselineDate && fiscalYear < fiscalYearOf(indicator.baselineDate)) {
    errors.fiscalYear = [{ key: "beforeBaseline", values: { year: fiscalYearOf(indicator.baselineDate) } }];
  }
  if (Object.keys(errors).length === 0 && fields.explanationEn === null && fields.explanationFr === null) {
    const target = await tx.indicatorTarget.findFirst({ where: { indicatorId: indicator.id, fiscalYear, archivedAt: null }, select: { targetType: true, minValue: true, maxValue: true } });
    const margin = await readResultsMargin(tx);
    const rule = target && { targetType: target.targetType, minValue: target.minValue === null ? null : Number(target.minValue), maxValue: target.maxValue === null ? null : Number(target.maxValue) };
    if (explanationRequired(rule, fields.value, indicator.direction, margin)) {
      errors.explanationEn = [{ key: "explanationRequired", values: { margin } }];
      errors.explanationFr = [{ key: "explanationRequired", values: { margin } }];
    }
  }
  if (Object.keys(errors).length > 0) invalid(errors);
}

const indicatorForActual = { id: true, unit: true, direction: true, frequency: true, baselineDate: true, responsibleDepartmentId: true } as const;

function actualAudit(fields: ActualFields & { fiscalYear: number; quarter: number | null }) {
  return changedFields({}, { ...fields, measuredOn: fields.measuredOn }).after;
}

export const enterActual = defineCommand({
  name: "indicatorActual.enter",
  permission: "results.report",
  schema: enterActualSchema,
  owner: (input, tx) => indicatorOwner(tx, input.indicatorId),
  async run({ user, input, tx, requestId }) {
    const indicator = await tx.indicator.findUniqueOrThrow({ where: { id: input.indicatorId }, select: indicatorForActual });
    const { indicatorId, fiscalYear, quarter, ...fields } = input;
    await checkActual(tx, indicator, fiscalYear, quarter, fields);
    // An actual for a year (and quarter) that already has one is a correction of it, which needs a reason.
    const current = await tx.indicatorActual.findFirst({ where: { indicatorId, fiscalYear, quarter, correctedBy: null }, select: { id: true } });
    if (current) invalid({ fiscalYear: [{ key: "alreadyTaken" }] });
    const created = await tx.indicatorActual.create({
      data: { ...fields, value: decimal(fields.value), indicatorId, unit: indicator.unit, fiscalYear, quarter, authorId: user.id },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "indicatorActual.enter", entityType: "indicator_actual", entityId: created.id, after: { indicatorId, ...actualAudit({ ...fields, fiscalYear, quarter }) }, requestId });
    return created;
  },
});

export const correctActual = defineCommand({
  name: "indicatorActual.correct",
  permission: "results.report",
  schema: correctActualSchema,
  async owner(input, tx) {
    // Only the current entry can be corrected (one that a later entry corrects is history).
    const actual = await tx.indicatorActual.findFirst({
      where: { id: input.actualId, correctedBy: null, indicator: { archivedAt: null, result: { archivedAt: null } } },
      select: { indicator: { select: { responsibleDepartmentId: true } } },
    });
    return actual ? { departmentId: actual.indicator.responsibleDepartmentId } : null;
  },
  async run({ user, input, tx, requestId }) {
    const previous = await tx.indicatorActual.findUniqueOrThrow({ where: { id: input.actualId }, select: { fiscalYear: true, quarter: true, indicator: { select: indicatorForActual } } });
    const { actualId, reason, ...fields } = input;
    await checkActual(tx, previous.indicator, previous.fiscalYear, previous.quarter, fields);
    const id = randomUUID();
    try {
      await tx.indicatorActual.create({
        data: {
          id,
          ...fields,
          value: decimal(fields.value),
          indicatorId: previous.indicator.id,
          unit: previous.indicator.unit,
          fiscalYear: previous.fiscalYear,
          quarter: previous.quarter,
          correctsId: actualId,
          correctionReason: reason,
          authorId: user.id,
        },
      });
    } catch (error) {
      // Two corrections of the same entry at once: the unique corrects_id lets one through.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") await refuseConflict(tx, "indicator_actual", actualId);
      throw error;
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: "indicatorActual.correct",
      entityType: "indicator_actual",
      entityId: id,
      after: { correctsId: actualId, correctionReason: reason, ...actualAudit({ ...fields, fiscalYear: previous.fiscalYear, quarter: previous.quarter }) },
      requestId,
    });
    return { id };
  },
});

export const reviewActual = defineCommand({
  name: "indicatorActual.review",
  permission: "results.manage",
  schema: reviewActualSchema,
  async run({ user, input, tx, requestId }) {
    const reviewedAt = new Date();
    const changed = await tx.indicatorActual.updateMany({ where: { id: input.actualId, reviewedAt: null, indicator: { archivedAt: null } }, data: { reviewedAt, reviewedById: user.id } });
    if (changed.count === 0) {
      const exists = await tx.indicatorActual.findFirst({ where: { id: input.actualId, indicator: { archivedAt: null } }, select: { id: true } });
      if (!exists) throw new CommandRefusal({ ok: false, code: "not_found" });
      return { id: input.actualId, alreadyReviewed: true };
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: "indicatorActual.review",
      entityType: "indicator_actual",
      entityId: input.actualId,
      before: { reviewedAt: null, reviewedById: null },
      after: { reviewedAt: reviewedAt.toISOString(), reviewedById: user.id },
      requestId,
    });
    return { id: input.actualId, alreadyReviewed: false };
  },
});
