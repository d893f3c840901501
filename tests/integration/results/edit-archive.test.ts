import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { figureForInput } from "@/lib/results/format";
import { readResultsMargin } from "@/lib/results/margin";
import { archiveIndicator, archiveResult, archiveTarget, enterActual, setTarget, updateIndicator, updateResult } from "@/lib/results/commands";
import { getIndicatorDetail, getIndicatorForEdit, getPillarResults, getResultForEdit } from "@/lib/results/queries";
import { updateSettings } from "@/lib/settings/commands";
import { formatIsoDate } from "@/lib/format/numbers";
import { departmentId, expectUnchanged, sessionUser } from "../../support/database";
import { settingsForm, snapshotSettings } from "../settings/support";
import { makeIndicator, makeTarget } from "./support";

/**
 * The edit and archive forms of the results framework (results2): what the edit pages load, sent back as the forms
 * send it, saves the same record (nothing lost, the baseline typed in French included); a stale form is a
 * conflict; archiving hides, never deletes; and the margin of the settings form is the one the actuals obey.
 */
const coordinator = () => sessionUser("coordinator@iwgtip.example");

describe("editing an expected result", () => {
  it("saves the form as loaded, then a change; a stale version is a conflict; nothing changes for a representative", async () => {
    const user = await coordinator();
    const indicator = await makeIndicator("JUS", { pillar: "PROTECTION" });
    const loaded = await getResultForEdit(user, indicator.resultId);
    expect(loaded).not.toBeNull();
    if (!loaded) return;
    const form = { id: loaded.id, version: String(loaded.version), pillarId: loaded.pillarId, level: loaded.level, titleEn: loaded.titleEn, titleFr: loaded.titleFr, descriptionEn: loaded.descriptionEn ?? "", descriptionFr: loaded.descriptionFr ?? "", departmentIds: [await departmentId("JUS"), await departmentId("RCMP")] };
    expect(await updateResult(user, { ...form, titleEn: "Victims protected" })).toMatchObject({ ok: true, data: { version: loaded.version + 1 } });
    const after = await getResultForEdit(user, loaded.id);
    expect(after).toMatchObject({ titleEn: "Victims protected", titleFr: loaded.titleFr, version: loaded.version + 1 });
    expect(after?.departmentIds.sort()).toEqual([await departmentId("JUS"), await departmentId("RCMP")].sort());
    // The form opened before that save is now stale.
    expect(await expectUnchanged(() => updateResult(user, { ...form, titleEn: "Older" }))).toMatchObject({ ok: false, code: "conflict" });
    // Both titles blank: at the field, in the user's language, nothing saved.
    expect(await expectUnchanged(() => updateResult(user, { ...form, version: String(loaded.version + 1), titleEn: "", titleFr: "" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { titleEn: [{ key: "titleInOneLanguage" }] } });
    expect(await expectUnchanged(async () => updateResult(await sessionUser("rep.jus@iwgtip.example"), { ...form, version: String(loaded.version + 1) }))).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("archives a result: it and its indicators leave the pillar page and the indicator page; the rows stay", async () => {
    const user = await coordinator();
    const indicator = await makeIndicator("JUS", { pillar: "PROTECTION" });
    const result = await db.expectedResult.findUniqueOrThrow({ where: { id: indicator.resultId }, select: { id: true, code: true, version: true } });
    expect(await archiveResult(user, { id: result.id, version: String(result.version) })).toMatchObject({ ok: true });
    const page = await getPillarResults(user, "PROTECTION");
    expect(page?.results.map((r) => r.code)).not.toContain(result.code);
    expect(await getIndicatorDetail(user, indicator.id)).toBeNull();
    expect(await getResultForEdit(user, result.id)).toBeNull();
    expect(await db.expectedResult.count({ where: { id: result.id, archivedAt: { not: null } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: "expected_result", entityId: result.id, action: "result.archive" } })).toBe(1);
    // Archiving twice (a second click, a stale page) is not found, nothing written.
    expect(await expectUnchanged(() => archiveResult(user, { id: result.id, version: String(result.version + 1) }))).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("editing an indicator", () => {
  it("saves the form as loaded in French (the baseline typed back with a decimal comma), keeping every link", async () => {
    const user = await coordinator();
    const indicator = await makeIndicator("JUS", { unit: "PERCENT" });
    await db.indicator.update({ where: { id: indicator.id }, data: { baselineValue: 12.5 } });
    const loaded = await getIndicatorForEdit(user, indicator.id);
    expect(loaded).not.toBeNull();
    if (!loaded) return;
    const form = {
      id: loaded.id,
      version: String(loaded.version),
      locale: "fr",
      nameEn: loaded.nameEn,
      nameFr: loaded.nameFr,
      methodologyEn: loaded.methodologyEn ?? "",
      methodologyFr: loaded.methodologyFr ?? "",
      dataSourceEn: loaded.dataSourceEn ?? "",
      dataSourceFr: "Sondage annuel",
      responsibleDepartmentId: loaded.responsibleDepartmentId,
      direction: loaded.direction,
      frequency: loaded.frequency,
      ...(loaded.cumulative ? { cumulative: "on" } : {}),
      baselineValue: figureForInput(loaded.baselineValue!, "fr"),
      baselineDate: loaded.baselineDate ? formatIsoDate(loaded.baselineDate) : "",
      initiativeIds: loaded.initiativeIds,
    };
    expect(form.baselineValue).toBe("12,5");
    expect(await updateIndicator(user, form)).toMatchObject({ ok: true });
    const saved = await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } });
    expect([Number(saved.baselineValue), saved.dataSourceFr, saved.unit, saved.version]).toEqual([12.5, "Sondage annuel", "PERCENT", loaded.version + 1]);
    // A percentage baseline above 100 is refused at its field.
    expect(await expectUnchanged(() => updateIndicator(user, { ...form, version: String(loaded.version + 1), baselineValue: "150" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { baselineValue: [{ key: "percentRange" }] } });
    // The unit is not part of the edit form: sending it is refused (strict schema), nothing saved.
    expect(await expectUnchanged(() => updateIndicator(user, { ...form, version: String(loaded.version + 1), unit: "NUMBER" }))).toMatchObject({ ok: false, code: "invalid" });
  });

  it("archives an indicator: gone from its page and its pillar's, counted nowhere, its rows kept", async () => {
    const user = await coordinator();
    const indicator = await makeIndicator("JUS", { pillar: "PARTNERSHIPS" });
    await makeTarget(indicator, 2026, 100);
    expect(await archiveIndicator(user, { id: indicator.id, version: String(indicator.version) })).toMatchObject({ ok: true });
    expect(await getIndicatorDetail(user, indicator.id)).toBeNull();
    expect(await getIndicatorForEdit(user, indicator.id)).toBeNull();
    const page = await getPillarResults(user, "PARTNERSHIPS");
    expect(page?.results.flatMap((r) => r.indicators.map((i) => i.id))).not.toContain(indicator.id);
    expect(await db.indicatorTarget.count({ where: { indicatorId: indicator.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: "indicator", entityId: indicator.id, action: "indicator.archive" } })).toBe(1);
    // No more actuals for it.
    expect(await expectUnchanged(async () => enterActual(await sessionUser("rep.jus@iwgtip.example"), { indicatorId: indicator.id, fiscalYear: "2026", value: "120", measuredOn: "2027-03-31", locale: "en" }))).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("archiving a target", () => {
  it("leaves the year without a target (not yet due or no data), keeps the row, and lets a new one be set", async () => {
    const user = await coordinator();
    const indicator = await makeIndicator("JUS");
    const target = await makeTarget(indicator, 2026, 100);
    expect(await archiveTarget(user, { id: target.id, version: String(target.version) })).toMatchObject({ ok: true });
    const detail = await getIndicatorDetail(user, indicator.id);
    expect(detail?.indicator.series.find((point) => point.fiscalYear === 2026)?.target ?? null).toBeNull();
    expect(await db.indicatorTarget.count({ where: { id: target.id, archivedAt: { not: null } } })).toBe(1);
    expect(await expectUnchanged(() => archiveTarget(user, { id: target.id, version: String(target.version + 1) }))).toMatchObject({ ok: false, code: "not_found" });
    // A new target for the year needs no version: there is no current one to replace.
    expect(await setTarget(user, { indicatorId: indicator.id, fiscalYear: "2026", targetType: "AT_MOST", value: "80", achieveBy: "2027-03", locale: "en" })).toMatchObject({ ok: true });
    expect(await db.indicatorTarget.count({ where: { indicatorId: indicator.id } })).toBe(2);
  });
});

describe("the explanation margin, a setting of the settings form", () => {
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await snapshotSettings();
  });
  afterAll(async () => restore());

  it("is 10 % by default; set to 25 % (or 12,5 %), an actual 20 % above its target needs no explanation, one 30 % above does", async () => {
    const admin = await sessionUser("admin@iwgtip.example");
    const version = async () => String((await db.setting.findUnique({ where: { key: "resultsVarianceMarginPercent" } }))?.version ?? 0);
    await db.setting.deleteMany({ where: { key: "resultsVarianceMarginPercent" } });
    expect(await readResultsMargin()).toBe(10);
    for (const bad of ["150", "-1", "ten", "12.55"]) {
      expect(await expectUnchanged(async () => updateSettings(admin, await settingsForm({ resultsVarianceMarginPercent: bad, resultsVarianceMarginPercentVersion: await version() })))).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { resultsVarianceMarginPercent: [{ key: "percentRange" }] },
      });
    }
    expect(await updateSettings(admin, await settingsForm({ resultsVarianceMarginPercent: "12,5", resultsVarianceMarginPercentVersion: await version() }))).toMatchObject({ ok: true, data: { changed: ["resultsVarianceMarginPercent"] } });
    expect(await readResultsMargin()).toBe(12.5);
    expect(await updateSettings(admin, await settingsForm({ resultsVarianceMarginPercent: "25", resultsVarianceMarginPercentVersion: await version() }))).toMatchObject({ ok: true });
    expect(await readResultsMargin()).toBe(25);
    expect(await db.auditEvent.count({ where: { entityType: "setting", entityId: "resultsVarianceMarginPercent", action: "setting.update" } })).toBeGreaterThanOrEqual(2);

    const rep = await sessionUser("rep.jus@iwgtip.example");
    const within = await makeIndicator("JUS");
    await makeTarget(within, 2026, 100);
    expect(await enterActual(rep, { indicatorId: within.id, fiscalYear: "2026", value: "120", measuredOn: "2027-03-31", locale: "en" })).toMatchObject({ ok: true });
    const beyond = await makeIndicator("JUS");
    await makeTarget(beyond, 2026, 100);
    expect(await expectUnchanged(() => enterActual(rep, { indicatorId: beyond.id, fiscalYear: "2026", value: "130", measuredOn: "2027-03-31", locale: "en" }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { explanationEn: [{ key: "explanationRequired", values: { margin: 25 } }] },
    });
    // A form without the field (as before) leaves it as it is.
    expect(await updateSettings(admin, await settingsForm({ staleDays: "92" }))).toMatchObject({ ok: true });
    expect(await readResultsMargin()).toBe(25);
  });
});
