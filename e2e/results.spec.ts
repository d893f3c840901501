import { randomUUID } from "node:crypto";
import { sql } from "./db";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";

/*
 * The results framework (issue 18), one journey step per test, in English and French, every screen scanned by axe.
 * Tests that need an indicator make their own (JUS's, with a target for the current fiscal year) in the database.
 */

const text = {
  en: {
    newResult: "New expected result", level: "Level", output: "Output", titleEn: "Title (English)", createResult: "Create the result",
    newIndicator: "New indicator", nameEn: "Name (English)", department: "Responsible department", unit: "Unit", number: "Number",
    direction: "Desired direction", increase: "Increase", createIndicator: "Create the indicator",
    fiscalYear: "Fiscal year", target: "Target", atLeast: "At least", achieveBy: "To be achieved by", value: "Value", saveTarget: "Save the target",
    measuredOn: "Date measured", explanationEn: "Explanation (English)", saveActual: "Save the actual", saved: "Your changes are saved.",
    notMet: "Not met", notAllowed: "Only the responsible department's representatives",
    explain: "explain why",
  },
  fr: {
    newResult: "Nouveau résultat attendu", level: "Niveau", output: "Extrant", titleEn: "Titre (anglais)", createResult: "Créer le résultat",
    newIndicator: "Nouvel indicateur", nameEn: "Nom (anglais)", department: "Ministère responsable", unit: "Unité", number: "Nombre",
    direction: "Tendance souhaitée", increase: "Hausse", createIndicator: "Créer l’indicateur",
    fiscalYear: "Exercice", target: "Cible", atLeast: "Au moins", achieveBy: "À atteindre d’ici", value: "Valeur", saveTarget: "Enregistrer la cible",
    measuredOn: "Date de la mesure", explanationEn: "Explication (anglais)", saveActual: "Enregistrer le résultat", saved: "Vos modifications sont enregistrées.",
    notMet: "Non atteinte", notAllowed: "Seuls les représentants du ministère responsable",
    explain: "expliquez pourquoi",
  },
} as const;

/** The fiscal year (by starting year) of today. */
function currentFiscalYear(): number {
  const now = new Date();
  return now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

/** A JUS indicator under a Prevention result, with an AT_LEAST 100 target for this fiscal year; answers its id and code. */
async function makeIndicator(): Promise<{ id: string; code: string }> {
  const suffix = randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase();
  const [result] = await sql<{ id: string }>(
    `INSERT INTO expected_results (id, code, pillar_id, level, title_en, title_fr, updated_at)
     SELECT gen_random_uuid(), $1::text, id, 'OUTPUT', 'E2E result ' || $1::text, 'Résultat E2E ' || $1::text, now() FROM pillars WHERE code = 'PREVENTION' RETURNING id`,
    [`E2E-R${suffix}`],
  );
  const code = `E2E-I${suffix}`;
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
  return { id: indicator!.id, code };
}

for (const locale of ["en", "fr"] as Locale[]) {
  test(`the coordinator defines a result, an indicator and its target, in ${locale}`, async ({ page }) => {
    const t = text[locale];
    const title = `Awareness ${randomUUID().slice(0, 8)}`;
    await signIn(page, demoAccounts.coordinator, locale);
    await page.goto(`/${locale}/results/new?pillar=PREVENTION`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.newResult);
    await expectNoAxeViolations(page);
    await page.getByLabel(t.level, { exact: true }).selectOption({ label: t.output });
    await page.getByLabel(t.titleEn, { exact: true }).fill(title);
    await page.getByRole("button", { name: t.createResult }).click();
    await page.waitForURL(`**/${locale}/results`);

    await page.goto(`/${locale}/results/PREVENTION`);
    const section = page.locator("section", { has: page.getByRole("heading", { name: title }) });
    await section.getByRole("link", { name: t.newIndicator }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.newIndicator);
    await expectNoAxeViolations(page);
    await page.getByLabel(t.nameEn, { exact: true }).fill(`People reached ${title}`);
    await page.getByLabel(t.department, { exact: true }).selectOption({ label: "JUS" });
    await page.getByLabel(t.unit, { exact: true }).selectOption({ label: t.number });
    await page.getByLabel(t.direction, { exact: true }).selectOption({ label: t.increase });
    await page.getByRole("button", { name: t.createIndicator }).click();
    await page.waitForURL(/\/indicators\/[0-9a-f-]{36}$/);

    const form = page.getByTestId("target-form");
    await form.getByLabel(t.target, { exact: true }).selectOption({ label: t.atLeast });
    await form.getByLabel(t.achieveBy).fill(`${currentFiscalYear() + 1}-03`);
    await form.getByLabel(t.value, { exact: true }).fill("100");
    await form.getByRole("button", { name: t.saveTarget }).click();
    await expect(form.getByRole("status")).toContainText(t.saved);
    await expect(page.getByTestId("indicator-series")).toContainText(t.atLeast);
    await expectNoAxeViolations(page);
  });

  test(`the responsible representative enters an actual that misses its target and explains it, in ${locale}`, async ({ page }) => {
    const t = text[locale];
    const indicator = await makeIndicator();
    await signIn(page, demoAccounts.repJus, locale);
    await page.goto(`/${locale}/indicators/${indicator.id}`);
    await expectNoAxeViolations(page);
    const form = page.getByTestId("actual-form");
    await form.getByLabel(t.value, { exact: true }).fill("80");
    await form.getByLabel(t.measuredOn).fill(`${currentFiscalYear() + 1}-03-31`);
    await form.getByRole("button", { name: t.saveActual }).click();
    // Asked for the explanation at its field; what was typed stays.
    await expect(page.locator("#actual-explanationEn-error")).toContainText(t.explain);
    await expect(form.getByLabel(t.value, { exact: true })).toHaveValue("80");
    await expectNoAxeViolations(page);
    await form.getByLabel(t.explanationEn).fill("Two sessions were cancelled by the host police services.");
    await form.getByRole("button", { name: t.saveActual }).click();
    await expect(form.getByRole("status")).toContainText(t.saved);

    await page.reload();
    await expect(page.getByTestId("indicator-series").locator(`[data-fiscal-year="${currentFiscalYear()}"]`)).toContainText(t.notMet);
    await page.goto(`/${locale}/results/PREVENTION`);
    await expect(page.locator(`[data-indicator="${indicator.code}"]`)).toContainText(t.notMet);
    await expectNoAxeViolations(page);
  });

  test(`another department's representative cannot enter the actual, in ${locale}`, async ({ page }) => {
    const t = text[locale];
    const indicator = await makeIndicator();
    await signIn(page, demoAccounts.repRcmp, locale);
    await page.goto(`/${locale}/indicators/${indicator.id}`);
    await expect(page.getByText(t.notAllowed)).toBeVisible();
    await expect(page.getByTestId("actual-form")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
}
