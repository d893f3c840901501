import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";

const text = {
  en: { period: "Reporting period", due: "Due date", open: "Open the call", close: "Close the call", closed: "Closed", missing: "Missing", heading: "Update calls", dateInPast: "Choose today's date or a later one." },
  fr: { period: "Période de rapport", due: "Échéance", open: "Lancer l'appel", close: "Fermer l'appel", closed: "Fermé", missing: "Manquante", heading: "Appels de mises à jour", dateInPast: "Choisissez la date d'aujourd'hui ou une date ultérieure." },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  test(`the coordinator opens a call for updates, reads its matrix and closes it, in ${locale}`, async ({ page }) => {
    const t = text[locale];
    const year = 2200 + Math.floor(Math.random() * 700);
    const period = `${year}-${String((year + 1) % 100).padStart(2, "0")} Q2`;
    await signIn(page, demoAccounts.coordinator, locale);
    await page.goto(`/${locale}/update-calls`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.heading);
    await expectNoAxeViolations(page);

    await page.getByLabel(t.period).fill(period);
    await page.getByLabel(t.due).fill("2001-01-01");
    await page.getByRole("button", { name: t.open }).click();
    await expect(page.locator("#dueDate-error")).toHaveText(t.dateInPast);
    await expect(page.getByLabel(t.period)).toHaveValue(period);

    await page.getByLabel(t.due).fill("2099-06-30");
    await page.getByRole("checkbox", { name: /IWG-0001/ }).check();
    await page.getByRole("checkbox", { name: /IWG-0002/ }).check();
    await page.getByRole("button", { name: t.open }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(period);
    await expect(page.getByTestId("call-cell")).toHaveCount(2);
    await expect(page.getByTestId("call-cell").first()).toContainText(t.missing);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: t.close }).click();
    await expect(page.getByTestId("call-status")).toHaveText(t.closed);
    await expectNoAxeViolations(page);
  });
}
