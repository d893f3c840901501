import { readFile } from "node:fs/promises";
import { sql } from "./db";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";
import { readDocx, readXlsx } from "../tests/support/ooxml";

/*
 * Word and Excel from the screens (issue 19): a file downloaded with a real click, parsed back with an independent
 * reader (JSZip + fast-xml-parser) and compared with the page; and the header's search finding a past year's
 * decision typed in French without accents. Every screen visited is scanned with axe.
 */

for (const locale of ["en", "fr"] as Locale[]) {
  test(`the funding roll-up downloads as an Excel workbook matching the table, in ${locale}`, async ({ page }) => {
    await signIn(page, demoAccounts.executive, locale);
    await page.goto(`/${locale}/funding`);
    const table = page.getByTestId("funding-rollup");
    await expect(table).toBeVisible();
    await expectNoAxeViolations(page);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: locale === "fr" ? "Télécharger en Excel (.xlsx) : Financement" : "Download Excel (.xlsx): Funding" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(locale === "fr" ? "financement.xlsx" : "funding.xlsx");
    const { sheets } = await readXlsx(await readFile((await file.path())!));
    const sheet = sheets[0]!;
    expect(sheet.name).toBe(locale === "fr" ? "Financement" : "Funding");
    expect(sheet.frozenRows).toBe(1);
    const screenRows = await table.locator("tbody tr").count();
    expect(sheet.rows.length - 1).toBe(screenRows);
    const firstYear = (await table.locator("tbody tr").first().locator("td").first().innerText()).trim();
    expect(sheet.rows[1]![0]).toMatchObject({ type: "string", value: firstYear });
    expect(sheet.rows[1]![4]!.type).toBe("number");
  });

  test(`a meeting's record of decisions downloads as a Word document, in ${locale}`, async ({ page }) => {
    const [meeting] = await sql<{ id: string }>("SELECT id FROM meetings WHERE sequence_number = 2");
    const decisions = await sql<{ number: string }>("SELECT number FROM decisions WHERE meeting_id = $1 ORDER BY created_at", [meeting!.id]);
    await signIn(page, demoAccounts.executive, locale);
    await page.goto(`/${locale}/meetings/${meeting!.id}`);
    await expect(page.locator('a[data-docx]').first()).toBeVisible();
    await expectNoAxeViolations(page);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: locale === "fr" ? "Télécharger en Word (.docx) : Compte rendu des décisions" : "Download Word (.docx): Record of decisions" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`iwgtip-decisions-2-${locale}.docx`);
    const docx = await readDocx(await readFile((await file.path())!));
    expect(docx.language).toBe(locale === "fr" ? "fr-CA" : "en-CA");
    expect(docx.headers.join(" ")).toContain("UNCLASSIFIED / NON CLASSIFIÉ");
    const table = docx.tables.at(-1)!;
    expect(table.rows[0]!.header).toBe(true);
    expect(table.rows.slice(1).map((row) => row.cells[0])).toEqual(decisions.map((decision) => decision.number));
  });
}

test("the header search finds a decision of a past year typed in French without accents", async ({ page }) => {
  await signIn(page, demoAccounts.repRcmp, "fr");
  await page.goto("/fr/dashboard");
  await page.getByRole("searchbox", { name: "Rechercher dans le portail" }).fill("brochure d'education publique");
  await page.getByRole("search", { name: "Rechercher dans le portail" }).getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/\/fr\/search\?q=/);
  const decisions = page.locator('[data-search-kind="decision"]');
  await expect(decisions.getByRole("heading", { level: 2 })).toContainText("Décisions");
  await expect(decisions).toContainText("2007-09-D3");
  await expectNoAxeViolations(page);
  await decisions.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/fr\/decisions\?q=2007-09-D3/);
  await expect(page.getByTestId("decision-register").getByRole("rowheader", { name: "2007-09-D3" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the decision register filters by fiscal year and passes axe, in English", async ({ page }) => {
  await signIn(page, demoAccounts.executive, "en");
  await page.goto("/en/decisions");
  await expect(page.getByRole("link", { name: "Decisions", exact: true })).toBeVisible();
  await page.getByLabel("Fiscal year").selectOption("2007");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/fy=2007/);
  await expect(page.getByTestId("decision-count")).toContainText("7 decisions");
  await expectNoAxeViolations(page);
});
