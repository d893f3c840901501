import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { readXlsx } from "../tests/support/ooxml";
import { sql } from "./db";
import { seedMeeting } from "./seed";
import { expect, expectNoAxeViolations, test, type Locale } from "./fixtures";

/*
 * Issue 18's done-when, the update-call step (e2e/results.spec.ts has the coordinator defining a result, an
 * indicator and its target): an update call asks for the year's actuals; the responsible representative enters one
 * that misses its target, is asked for the explanation and gives it; the call's matrix (and its Excel download)
 * and the dashboard show "not met"; another department's representative cannot enter it. Then the coordinator's
 * edit and archive forms. English and French, every screen scanned by axe.
 */

const text = {
  en: {
    period: "Reporting period", due: "Due date", actualsYear: "Also ask for the actual results of fiscal year (optional)", open: "Open the call",
    value: "Value", measuredOn: "Date measured", explanationEn: "Explanation (English)", saveActual: "Save the actual", saved: "Your changes are saved.",
    explain: "explain why", notMet: "Not met", entered: "Entered", missing: "Missing", notAllowed: "Only the responsible department's representatives",
    downloadXlsx: "Download the actuals matrix (Excel)", sheet: "Actuals",
    editIndicator: "Edit or archive this indicator", nameFr: "Name (French)", saveIndicator: "Save the indicator", archiveTarget: "Archive the target of",
    archiveIndicator: "Archive the indicator", resultsTitle: "Results",
    template: "Start from the standard agenda", addSuggestion: /^Add to the agenda/, missedTarget: "Indicator whose latest actual missed its target",
  },
  fr: {
    period: "Période de rapport", due: "Échéance", actualsYear: "Demander aussi les résultats obtenus de l’exercice (facultatif)", open: "Lancer l'appel",
    value: "Valeur", measuredOn: "Date de la mesure", explanationEn: "Explication (anglais)", saveActual: "Enregistrer le résultat", saved: "Vos modifications sont enregistrées.",
    explain: "expliquez pourquoi", notMet: "Non atteinte", entered: "Saisi", missing: "Manquant", notAllowed: "Seuls les représentants du ministère responsable",
    downloadXlsx: "Télécharger la matrice des résultats réels (Excel)", sheet: "Résultats réels",
    editIndicator: "Modifier ou archiver cet indicateur", nameFr: "Nom (français)", saveIndicator: "Enregistrer l’indicateur", archiveTarget: "Archiver la cible de",
    archiveIndicator: "Archiver l’indicateur", resultsTitle: "Résultats",
    template: "Partir de l'ordre du jour type", addSuggestion: /^Ajouter à l'ordre du jour/, missedTarget: "Indicateur dont le dernier résultat réel n’a pas atteint sa cible",
  },
} as const;

/** The fiscal year (by starting year) of today. */
function currentFiscalYear(): number {
  const now = new Date();
  return now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

/** A JUS indicator under a Prevention result, with an AT_LEAST 100 target for this fiscal year. */
async function makeIndicator(): Promise<{ id: string; code: string; resultId: string }> {
  const suffix = randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase();
  const [result] = await sql<{ id: string }>(
    `INSERT INTO expected_results (id, code, pillar_id, level, title_en, title_fr, updated_at)
     SELECT gen_random_uuid(), $1::text, id, 'OUTPUT', 'Cycle result ' || $1::text, 'Résultat du cycle ' || $1::text, now() FROM pillars WHERE code = 'PREVENTION' RETURNING id`,
    [`CYC-R${suffix}`],
  );
  const code = `CYC-I${suffix}`;
  const [indicator] = await sql<{ id: string }>(
    `INSERT INTO indicators (id, code, result_id, responsible_department_id, name_en, name_fr, unit, direction, updated_at)
     SELECT gen_random_uuid(), $1::text, $2::uuid, id, 'Sessions held ' || $1::text, 'Séances tenues ' || $1::text, 'NUMBER', 'INCREASE', now() FROM departments WHERE acronym_en = 'JUS' RETURNING id`,
    [code, result!.id],
  );
  const year = currentFiscalYear();
  await sql(
    `INSERT INTO indicator_targets (id, indicator_id, unit, fiscal_year, target_type, min_value, achieve_by_year, achieve_by_month, updated_at)
     VALUES (gen_random_uuid(), $1::uuid, 'NUMBER', $2::int, 'AT_LEAST', 100, $3::int, 3, now())`,
    [indicator!.id, year, year + 1],
  );
  return { id: indicator!.id, code, resultId: result!.id };
}

for (const locale of ["en", "fr"] as Locale[]) {
  test(`an update call asks for the year's actuals; a missed target is explained and shows as not met, in ${locale}`, async ({ pageAs }) => {
    const t = text[locale];
    const indicator = await makeIndicator();
    const year = 2300 + Math.floor(Math.random() * 600);
    const period = `${year}-${String((year + 1) % 100).padStart(2, "0")} Q4`;

    // The coordinator opens a call that also asks for this fiscal year's actuals.
    const coordinator = await pageAs("coordinator");
    await coordinator.goto(`/${locale}/update-calls`);
    await coordinator.getByLabel(t.period).fill(period);
    await coordinator.getByLabel(t.due).fill("2099-06-30");
    await coordinator.getByLabel(t.actualsYear).fill(String(currentFiscalYear()));
    await coordinator.getByRole("button", { name: t.open }).click();
    await expect(coordinator.getByRole("heading", { level: 1 })).toContainText(period);
    const cell = coordinator.locator(`[data-testid="call-results-cell"][data-code="${indicator.code}"]`);
    await expect(cell.locator("[data-status]")).toContainText(t.missing);
    await expectNoAxeViolations(coordinator);
    const callUrl = coordinator.url();

    // Another department's representative cannot enter it.
    const rcmp = await pageAs("repRcmp");
    await rcmp.goto(`/${locale}/indicators/${indicator.id}`);
    await expect(rcmp.getByText(t.notAllowed)).toBeVisible();
    await expect(rcmp.getByTestId("actual-form")).toHaveCount(0);
    await expectNoAxeViolations(rcmp);

    // The responsible representative enters an actual below the target, is asked for the explanation, gives it.
    const rep = await pageAs("repJus");
    await rep.goto(`/${locale}/indicators/${indicator.id}`);
    const form = rep.getByTestId("actual-form");
    await form.getByLabel(t.value, { exact: true }).fill("70");
    await form.getByLabel(t.measuredOn).fill(`${currentFiscalYear() + 1}-03-31`);
    await form.getByRole("button", { name: t.saveActual }).click();
    await expect(rep.locator("#actual-explanationEn-error")).toContainText(t.explain);
    await expectNoAxeViolations(rep);
    await form.getByLabel(t.explanationEn).fill("A third of the sessions were postponed to the next fiscal year.");
    await form.getByRole("button", { name: t.saveActual }).click();
    await expect(form.getByRole("status")).toContainText(t.saved);

    // The call's matrix: entered, not met; and its Excel download says the same, with the figure as a number.
    await coordinator.goto(callUrl);
    await expect(cell.locator("[data-status]")).toContainText(t.entered);
    await expect(cell.locator("[data-result]")).toContainText(t.notMet);
    await expectNoAxeViolations(coordinator);
    const download = coordinator.waitForEvent("download");
    await coordinator.getByRole("link", { name: t.downloadXlsx }).click();
    const { sheets } = await readXlsx(await readFile((await (await download).path())!));
    expect(sheets[0]!.name.startsWith(t.sheet)).toBe(true);
    const row = sheets[0]!.rows.find((cells) => cells[1]?.value === indicator.code)!;
    expect(row[7]).toMatchObject({ type: "number", value: 70 });
    expect(row[8]!.value).toBe(t.notMet);

    // The dashboard's results table counts it among Prevention's indicators not met.
    await coordinator.goto(`/${locale}/dashboard`);
    const notMet = coordinator.locator('[data-testid="results-summary"] [data-results-pillar="PREVENTION"] [data-count="NOT_MET"]');
    expect(Number(await notMet.innerText())).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(coordinator);

    // The agenda builder suggests the indicator (its latest actual missed its target); one click adds it, and it is
    // suggested no more for that meeting.
    const meeting = await seedMeeting({ date: "2098-09-10", start: "13:30", end: "15:00" });
    await coordinator.goto(`/${locale}/meetings/${meeting.id}/agenda`);
    await coordinator.getByRole("button", { name: t.template }).click();
    await expect(coordinator.getByTestId("agenda-item").first()).toBeVisible();
    const suggestion = coordinator.getByTestId("agenda-suggestions").locator("li").filter({ hasText: indicator.code });
    await expect(suggestion).toContainText(t.missedTarget);
    await expectNoAxeViolations(coordinator);
    await suggestion.getByRole("button", { name: t.addSuggestion }).click();
    await expect(coordinator.getByTestId("agenda-items")).toContainText(indicator.code);
    await expect(suggestion).toHaveCount(0);
    await expectNoAxeViolations(coordinator);
  });

  test(`the coordinator edits an indicator, archives a target, the indicator and its result, in ${locale}`, async ({ pageAs }) => {
    const t = text[locale];
    const indicator = await makeIndicator();
    const page = await pageAs("coordinator");
    await page.goto(`/${locale}/indicators/${indicator.id}`);
    await page.getByRole("link", { name: t.editIndicator }).click();
    await page.waitForURL(`**/indicators/${indicator.id}/edit`);
    await expectNoAxeViolations(page);
    const form = page.getByTestId("indicator-form");
    await form.getByLabel(t.nameFr, { exact: true }).fill(`Séances données ${indicator.code}`);
    await form.getByRole("button", { name: t.saveIndicator }).click();
    await expect(form.getByRole("status")).toContainText(t.saved);

    // The header's search finds it by its new French name typed without accents, as an indicator.
    await page.goto(`/${locale}/search?q=${encodeURIComponent(`seances donnees ${indicator.code.toLowerCase()}`)}`);
    await expect(page.locator('[data-search-kind="indicator"]')).toContainText(locale === "fr" ? `Séances données ${indicator.code}` : `Sessions held ${indicator.code}`);
    await expect(page.locator('[data-search-kind="indicator"]').getByRole("link").first()).toHaveAttribute("href", `/${locale}/indicators/${indicator.id}`);
    await expectNoAxeViolations(page);

    await page.goto(`/${locale}/indicators/${indicator.id}`);
    await page.getByRole("button", { name: new RegExp(`^${t.archiveTarget}`) }).click();
    await expect(page.locator(`[data-target]`)).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto(`/${locale}/indicators/${indicator.id}/edit`);
    await page.getByRole("button", { name: t.archiveIndicator }).click();
    await page.waitForURL(`**/${locale}/results`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.resultsTitle);
    const response = await page.goto(`/${locale}/indicators/${indicator.id}`);
    expect(response?.status()).toBe(404);

    await page.goto(`/${locale}/results/edit/${indicator.resultId}`);
    await expectNoAxeViolations(page);
    await page.getByTestId("archive-result").getByRole("button").click();
    await page.waitForURL(`**/${locale}/results`);
    const [archived] = await sql<{ archived: boolean }>(`SELECT archived_at IS NOT NULL AS archived FROM expected_results WHERE id = $1::uuid`, [indicator.resultId]);
    expect(archived?.archived).toBe(true);
  });
}
