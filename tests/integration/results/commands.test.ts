import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { correctActual, createIndicator, createResult, enterActual, reviewActual, setTarget } from "@/lib/results/commands";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { departmentId, expectUnchanged, pillarId, sessionUser } from "../../support/database";
import { makeActual, makeIndicator, makeResult, makeTarget } from "./support";

/**
 * The commands of the results framework (issue 18) on a real database: what they save and audit, and every case
 * of the "Bad input" list answered at its field (with a message in both languages) with nothing saved.
 */
const coordinator = () => sessionUser("coordinator@iwgtip.example");
const jusRep = () => sessionUser("rep.jus@iwgtip.example");

function expectFieldError(result: unknown, field: string, key: string) {
  expect(result).toMatchObject({ ok: false, code: "invalid" });
  const errors = (result as { fieldErrors: Record<string, { key: string }[]> }).fieldErrors;
  expect(errors[field]?.map((error) => error.key), `errors of ${field}: ${JSON.stringify(errors)}`).toContain(key);
  // The message exists in both languages.
  expect((en.Validation as Record<string, string>)[key]).toBeTruthy();
  expect((fr.Validation as Record<string, string>)[key]).toBeTruthy();
}

describe("defining the framework", () => {
  it("creates a result with a sequential code, its departments and an audit event", async () => {
    const user = await coordinator();
    const created = await createResult(user, { pillarId: await pillarId("PROSECUTION"), level: "ULTIMATE_OUTCOME", titleEn: "", titleFr: "Poursuites accrues", departmentIds: [await departmentId("PPSC"), await departmentId("JUS")] });
    expect(created).toMatchObject({ ok: true });
    if (!created.ok) return;
    expect(created.data.code).toMatch(/^ER-\d{4}$/);
    expect(await db.expectedResultDepartment.count({ where: { resultId: created.data.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { entityType: "expected_result", entityId: created.data.id, action: "result.create" } })).toBe(1);
  });

  it("creates an indicator and targets of each type; setting a target again replaces it with the version", async () => {
    const user = await coordinator();
    const result = await makeResult();
    const indicator = await createIndicator(user, { resultId: result.id, unit: "PERCENT", responsibleDepartmentId: await departmentId("JUS"), nameEn: "Share trained", direction: "INCREASE", frequency: "ANNUAL", baselineValue: "12,5", baselineDate: "2006-03-31", locale: "fr" });
    expect(indicator).toMatchObject({ ok: true });
    if (!indicator.ok) return;
    expect(Number((await db.indicator.findUniqueOrThrow({ where: { id: indicator.data.id } })).baselineValue)).toBe(12.5);
    const first = await setTarget(user, { indicatorId: indicator.data.id, fiscalYear: "2026", targetType: "EXACT", value: "50", achieveBy: "2027-03", locale: "en" });
    expect(first).toMatchObject({ ok: true });
    const stale = await setTarget(user, { indicatorId: indicator.data.id, fiscalYear: "2026", targetType: "AT_MOST", value: "60", achieveBy: "2027-03", locale: "en" });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const replaced = await setTarget(user, { indicatorId: indicator.data.id, version: "1", fiscalYear: "2026", targetType: "RANGE", minValue: "40", maxValue: "60", achieveBy: "2027-03", locale: "en" });
    expect(replaced).toMatchObject({ ok: true, data: { version: 2 } });
    const target = await db.indicatorTarget.findFirstOrThrow({ where: { indicatorId: indicator.data.id, archivedAt: null } });
    expect([target.targetType, Number(target.minValue), Number(target.maxValue)]).toEqual(["RANGE", 40, 60]);
  });
});

describe("bad input: a clear message at the field, nothing saved", () => {
  it("a range with its minimum above its maximum", async () => {
    const indicator = await makeIndicator("JUS");
    const result = await expectUnchanged(async () => setTarget(await coordinator(), { indicatorId: indicator.id, fiscalYear: "2026", targetType: "RANGE", minValue: "30", maxValue: "20", achieveBy: "2027-03", locale: "en" }));
    expectFieldError(result, "maxValue", "rangeMinAboveMax");
  });

  it("a percentage outside 0–100, in a target and in an actual", async () => {
    const indicator = await makeIndicator("JUS", { unit: "PERCENT" });
    const target = await expectUnchanged(async () => setTarget(await coordinator(), { indicatorId: indicator.id, fiscalYear: "2026", targetType: "AT_LEAST", value: "101", achieveBy: "2027-03", locale: "en" }));
    expectFieldError(target, "value", "percentRange");
    const actual = await expectUnchanged(async () => enterActual(await jusRep(), { indicatorId: indicator.id, fiscalYear: "2026", value: "-3", measuredOn: "2027-03-31", locale: "en" }));
    expectFieldError(actual, "value", "percentRange");
  });

  it("a negative dollar amount", async () => {
    const indicator = await makeIndicator("JUS", { unit: "DOLLARS" });
    const result = await expectUnchanged(async () => enterActual(await jusRep(), { indicatorId: indicator.id, fiscalYear: "2026", value: "-1 000", measuredOn: "2027-03-31", locale: "fr" }));
    expectFieldError(result, "value", "amountNegative");
  });

  it("an actual for a fiscal year before the baseline", async () => {
    const indicator = await makeIndicator("JUS"); // baseline 2005-06-01: fiscal year 2005
    const result = await expectUnchanged(async () => enterActual(await jusRep(), { indicatorId: indicator.id, fiscalYear: "2004", value: "5", measuredOn: "2005-03-31", locale: "en" }));
    expectFieldError(result, "fiscalYear", "beforeBaseline");
  });

  it("a missing explanation where the target was missed, then accepted with one", async () => {
    const indicator = await makeIndicator("JUS");
    await makeTarget(indicator, 2026, 100);
    const input = { indicatorId: indicator.id, fiscalYear: "2026", value: "80", measuredOn: "2027-03-31", locale: "en" };
    const refused = await expectUnchanged(async () => enterActual(await jusRep(), input));
    expectFieldError(refused, "explanationEn", "explanationRequired");
    expect(await enterActual(await jusRep(), { ...input, explanationFr: "Deux séances ont été annulées." })).toMatchObject({ ok: true });
  });

  it("a target exceeded by more than the margin also needs its explanation", async () => {
    const indicator = await makeIndicator("JUS");
    await makeTarget(indicator, 2026, 100);
    const refused = await expectUnchanged(async () => enterActual(await jusRep(), { indicatorId: indicator.id, fiscalYear: "2026", value: "111", measuredOn: "2027-03-31", locale: "en" }));
    expectFieldError(refused, "explanationEn", "explanationRequired");
  });

  it("a narrative target on a numeric indicator, and a figure for a narrative one", async () => {
    const numeric = await makeIndicator("JUS");
    const target = await expectUnchanged(async () => setTarget(await coordinator(), { indicatorId: numeric.id, fiscalYear: "2026", targetType: "NARRATIVE", narrativeEn: "Better.", achieveBy: "2027-03", locale: "en" }));
    expectFieldError(target, "targetType", "narrativeMismatch");
    const narrative = await makeIndicator("JUS", { unit: "NARRATIVE" });
    const figure = await expectUnchanged(async () => setTarget(await coordinator(), { indicatorId: narrative.id, fiscalYear: "2026", targetType: "AT_LEAST", value: "3", achieveBy: "2027-03", locale: "en" }));
    expectFieldError(figure, "value", "narrativeMismatch");
    const actual = await expectUnchanged(async () => enterActual(await jusRep(), { indicatorId: narrative.id, fiscalYear: "2026", value: "3", measuredOn: "2027-03-31", locale: "en" }));
    expectFieldError(actual, "value", "narrativeMismatch");
  });

  it("text over its length: an explanation over 1,000 characters", async () => {
    const indicator = await makeIndicator("JUS");
    const result = await expectUnchanged(async () => enterActual(await jusRep(), { indicatorId: indicator.id, fiscalYear: "2026", value: "5", measuredOn: "2027-03-31", explanationEn: "x".repeat(1001), locale: "en" }));
    expectFieldError(result, "explanationEn", "tooLong");
  });
});

describe("actuals are append-only", () => {
  it("a correction is a new entry with its reason; the first stays, and the database refuses to change it", async () => {
    const indicator = await makeIndicator("JUS");
    const first = await makeActual(indicator, 2026, 120);
    const corrected = await correctActual(await jusRep(), { actualId: first.id, value: "125", measuredOn: "2027-03-31", reason: "Late returns from two regions.", locale: "en" });
    expect(corrected).toMatchObject({ ok: true });
    if (!corrected.ok) return;
    const rows = await db.indicatorActual.findMany({ where: { indicatorId: indicator.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => Number(row.value))).toEqual([120, 125]);
    expect(rows[1]?.correctsId).toBe(first.id);
    // The corrected entry is history: it cannot be corrected again.
    expect(await correctActual(await jusRep(), { actualId: first.id, value: "126", measuredOn: "2027-03-31", reason: "Again.", locale: "en" })).toMatchObject({ ok: false, code: "not_found" });
    await expect(db.indicatorActual.update({ where: { id: first.id }, data: { value: 1 } })).rejects.toThrow();
    await expect(db.indicatorActual.delete({ where: { id: first.id } })).rejects.toThrow();
  });

  it("the coordinator's review stamp is the one change allowed, once", async () => {
    const indicator = await makeIndicator("JUS");
    const actual = await makeActual(indicator);
    expect(await reviewActual(await coordinator(), { actualId: actual.id })).toMatchObject({ ok: true, data: { alreadyReviewed: false } });
    expect(await reviewActual(await coordinator(), { actualId: actual.id })).toMatchObject({ ok: true, data: { alreadyReviewed: true } });
  });

  it("another department's representative cannot enter an actual, and nothing changes", async () => {
    const indicator = await makeIndicator("JUS");
    const result = await expectUnchanged(async () => enterActual(await sessionUser("rep.rcmp@iwgtip.example"), { indicatorId: indicator.id, fiscalYear: "2026", value: "5", measuredOn: "2027-03-31", locale: "en" }));
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
  });
});
