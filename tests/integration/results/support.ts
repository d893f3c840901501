import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { departmentId, pillarId } from "../../support/database";

/*
 * Records of the results framework made straight in the database, uniquely coded, for a test to act on.
 * Unless told otherwise an indicator is JUS's, counts people (NUMBER, INCREASE, ANNUAL) and has a baseline in 2005.
 */

const suffix = () => randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase();

export async function makeResult(pillar = "PREVENTION") {
  return db.expectedResult.create({
    data: { code: `T-${suffix()}`, pillarId: await pillarId(pillar), level: "IMMEDIATE_OUTCOME", titleEn: "Test result", titleFr: "Résultat d'essai" },
    select: { id: true, version: true, code: true },
  });
}

export async function makeIndicator(
  responsible = "JUS",
  overrides: Partial<{ unit: "NUMBER" | "PERCENT" | "DOLLARS" | "NARRATIVE"; direction: "INCREASE" | "DECREASE" | "MAINTAIN"; frequency: "ANNUAL" | "QUARTERLY"; pillar: string }> = {},
) {
  const result = await makeResult(overrides.pillar);
  return db.indicator.create({
    data: {
      code: `T-${suffix()}`,
      resultId: result.id,
      responsibleDepartmentId: await departmentId(responsible),
      nameEn: "People reached",
      nameFr: "Personnes jointes",
      unit: overrides.unit ?? "NUMBER",
      direction: overrides.direction ?? "INCREASE",
      frequency: overrides.frequency ?? "ANNUAL",
      baselineValue: overrides.unit === "NARRATIVE" ? null : new Prisma.Decimal(10),
      baselineDate: new Date("2005-06-01T00:00:00Z"),
    },
    select: { id: true, version: true, resultId: true, unit: true },
  });
}

/** An AT_LEAST target of `min` for `fiscalYear`, due at the end of March of the next year. */
export async function makeTarget(indicator: { id: string; unit: "NUMBER" | "PERCENT" | "DOLLARS" | "NARRATIVE" }, fiscalYear = 2026, min = 100) {
  return db.indicatorTarget.create({
    data: {
      indicatorId: indicator.id,
      unit: indicator.unit,
      fiscalYear,
      targetType: indicator.unit === "NARRATIVE" ? "NARRATIVE" : "AT_LEAST",
      minValue: indicator.unit === "NARRATIVE" ? null : new Prisma.Decimal(min),
      narrativeEn: indicator.unit === "NARRATIVE" ? "Described." : null,
      achieveByYear: fiscalYear + 1,
      achieveByMonth: 3,
    },
    select: { id: true, version: true },
  });
}

export async function makeActual(indicator: { id: string; unit: "NUMBER" | "PERCENT" | "DOLLARS" | "NARRATIVE" }, fiscalYear = 2026, value = 120) {
  return db.indicatorActual.create({
    data: { indicatorId: indicator.id, unit: indicator.unit, fiscalYear, value: new Prisma.Decimal(value), measuredOn: new Date("2027-03-31T00:00:00Z") },
    select: { id: true },
  });
}
