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
    await expect(page.locator("#update-call-dueDate-error")).toHaveText(t.dateInPast);
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

const fill = {
  en: {
    period: "Reporting period", health: "Health", progress: "Progress", onTrack: "On track", submit: "Post the update", submitted: "Submitted",
    postUpdate: "Post an update", toUpdate: "Initiatives your department must update", owedHeading: "Updates your department owes",
  },
  fr: {
    period: "Période de rapport", health: "État", progress: "Avancement", onTrack: "Sur la bonne voie", submit: "Publier la mise à jour", submitted: "Reçue",
    postUpdate: "Publier une mise à jour", toUpdate: "Initiatives que votre ministère doit mettre à jour", owedHeading: "Mises à jour attendues de votre ministère",
  },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  test(`the matrix fills as a representative posts the update a call asks for, in ${locale}`, async ({ pageAs }) => {
    const t = { ...text[locale], ...fill[locale] };
    // Status updates accept fiscal years up to 2100; a random one keeps this call's period its own.
    const year = 2050 + Math.floor(Math.random() * 50);
    const period = `${year}-${String((year + 1) % 100).padStart(2, "0")} Q${1 + Math.floor(Math.random() * 4)}`;
    const page = await pageAs("coordinator");
    await page.goto(`/${locale}/update-calls`);
    await page.getByLabel(t.period).fill(period);
    await page.getByLabel(t.due).fill("2099-06-30");
    await page.getByRole("checkbox", { name: /IWG-0004/ }).check();
    await page.getByRole("button", { name: t.open }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(period);
    const cell = page.locator('[data-testid="call-cell"][data-code="IWG-0004"]');
    await expect(cell.locator("[data-status]")).toHaveAttribute("data-status", "missing");
    const initiativePath = (await cell.getByRole("link").getAttribute("href"))!;

    // Justice Canada's representative, in another browser, finds the update owed on their home page: one list,
    // one row per initiative, with the call's period among its reasons.
    const rep = await pageAs("repJus");
    await rep.goto(`/${locale}`);
    const [fiscalYear, quarter] = period.split(" Q");
    const periodShown = locale === "fr" ? `${fiscalYear!.slice(0, 4)}-${Number(fiscalYear!.slice(0, 4)) + 1} T${quarter}` : period;
    const owedRow = rep.locator('table[data-table="to-update"] tbody tr').filter({ has: rep.locator("td:first-child", { hasText: /^IWG-0004$/ }) });
    await expect(owedRow).toHaveCount(1);
    await expect(owedRow).toContainText(periodShown);
    await expect(rep.getByRole("heading", { level: 2, name: t.owedHeading })).toHaveCount(0);
    await expectNoAxeViolations(rep);

    // They post the update for that period from the list.
    await owedRow.getByRole("link", { name: new RegExp(`^${t.postUpdate} — IWG-0004$`) }).click();
    await expect(rep).toHaveURL(new RegExp(`${initiativePath}/update$`));
    await rep.getByLabel(t.period).fill(period);
    await rep.getByLabel(t.health).selectOption({ label: t.onTrack });
    await rep.getByLabel(t.progress, { exact: true }).fill("55");
    await rep.getByRole("button", { name: t.submit }).click();
    await expect(rep.getByTestId("initiative-progress")).toContainText("55");
    await expectNoAxeViolations(rep);
    await rep.goto(`/${locale}`);
    await expect(rep.getByRole("heading", { level: 2, name: t.toUpdate })).toBeVisible();
    await expect(rep.locator('table[data-table="to-update"]')).not.toContainText(periodShown);

    await page.reload();
    await expect(cell.locator("[data-status]")).toHaveAttribute("data-status", "submitted");
    await expect(cell).toContainText(t.submitted);
    await expectNoAxeViolations(page);
  });
}
