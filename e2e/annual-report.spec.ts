import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";
import { readDocx, readXlsx } from "../tests/support/ooxml";

/*
 * Issue 19, "Done when": the coordinator generates the annual progress report of a fiscal year in one click, reviews
 * the draft, downloads it (Word in English, tagged PDF in French), issues it, and downloads the Treasury Board
 * horizontal-initiative table (Excel in English, Word in French). Every file is read back with an independent
 * reader; every screen is scanned with axe. One fiscal year per language, as the two run side by side.
 */

const cases = {
  en: {
    year: "2007-08",
    option: "2007-08",
    labels: {
      fiscalYear: "Fiscal year",
      generate: "Generate the annual report",
      generated: "The draft was generated.",
      title: "Annual progress report 2007-08",
      issue: "Issue the annual report",
      issued: "The annual report was issued.",
      reason: "Reason for issuing although texts lack their other language",
      report: "Annual report 2007-08, Word (.docx), English",
      table: "Treasury Board table 2007-08, Excel (.xlsx)",
    },
  },
  fr: {
    year: "2010-11",
    option: "2010-2011",
    labels: {
      fiscalYear: "Exercice",
      generate: "Produire le rapport annuel",
      generated: "L’ébauche a été produite.",
      title: "Rapport d’étape annuel 2010-2011",
      issue: "Publier le rapport annuel",
      issued: "Le rapport annuel a été publié.",
      reason: "Raison de publier malgré des textes sans leur autre langue",
      report: "Rapport annuel 2010-2011, PDF balisé, français",
      table: "Tableau du Conseil du Trésor 2010-2011, Word (.docx)",
    },
  },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  const { year, option, labels } = cases[locale];
  test(`the coordinator generates, reviews, downloads and issues the annual report, and downloads the Treasury Board table, in ${locale}`, async ({ page }) => {
    await signIn(page, demoAccounts.coordinator, locale);
    await page.goto(`/${locale}/reports`);
    await expect(page.getByTestId("report-years")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel(labels.fiscalYear).selectOption({ label: option });
    await page.getByRole("button", { name: labels.generate }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/reports/annual/${year}\\?notice=generated`));
    await expect(page.getByRole("status").filter({ hasText: labels.generated })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(labels.title);
    await expect(page.getByTestId("report-content")).toContainText(locale === "fr" ? "Introduction" : "Introduction");
    await expect(page.getByTestId("report-draft")).toBeVisible();
    await expectNoAxeViolations(page);

    // The draft, downloaded and read back.
    const download = page.waitForEvent("download");
    // The draft's own links: the year may already have an issued report (the test database is shared with the
    // integration tests), whose downloads carry the same names.
    await page.getByTestId("downloads-draft").getByRole("link", { name: labels.report }).click();
    const file = await readFile((await (await download).path())!);
    if (locale === "en") {
      const docx = await readDocx(file);
      expect(docx.language).toBe("en-CA");
      expect(docx.title).toBe("Interdepartmental Working Group on Trafficking in Persons — Annual progress report 2007-08");
      expect(docx.headers.join(" ")).toContain("DRAFT — not issued");
      expect(docx.paragraphs.some((paragraph) => paragraph.style?.startsWith("Heading") && paragraph.text === "Decisions of the year")).toBe(true);
    } else {
      const pdf = await getDocument({ data: new Uint8Array(file), useSystemFonts: false, disableFontFace: true }).promise;
      const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Language?: string } };
      expect(info.Language).toBe("fr-CA");
      expect(info.Title).toBe("Groupe de travail interministériel sur la traite des personnes — Rapport d’étape annuel 2010-2011");
      const tree = JSON.stringify(await (await pdf.getPage(1)).getStructTree());
      for (const role of ['"H1"', '"H2"', '"P"']) expect(tree).toContain(role);
    }

    // Issue it (a reason only if the gate lists texts in one language).
    if ((await page.getByTestId("report-missing").count()) > 0) await page.getByLabel(labels.reason).fill("Translation follows (e2e)");
    await page.getByRole("button", { name: labels.issue }).click();
    await expect(page).toHaveURL(new RegExp(`notice=issued`));
    await expect(page.getByRole("status").filter({ hasText: labels.issued })).toBeVisible();
    await expect(page.getByTestId("report-issued")).toBeVisible();
    await expectNoAxeViolations(page);

    // The Treasury Board table from the reports page.
    await page.goto(`/${locale}/reports`);
    await expect(page.getByTestId("report-years")).toBeVisible();
    const tableDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: labels.table }).click();
    const table = await tableDownload;
    const bytes = await readFile((await table.path())!);
    if (locale === "en") {
      expect(table.suggestedFilename()).toBe("treasury-board-table-2007-08.xlsx");
      const { sheets } = await readXlsx(bytes);
      expect(sheets.map((sheet) => sheet.name)).toEqual(["General information", "Spending and results"]);
      expect(sheets.every((sheet) => sheet.frozenRows === 1)).toBe(true);
      expect(sheets[0]!.rows.find((row) => row[0]?.value === "Fiscal year")?.[1]).toMatchObject({ type: "string", value: "2007-08" });
    } else {
      expect(table.suggestedFilename()).toBe("tableau-conseil-tresor-2010-11.docx");
      const docx = await readDocx(bytes);
      expect(docx.language).toBe("fr-CA");
      expect(docx.paragraphs.filter((paragraph) => paragraph.style?.startsWith("Heading")).map((paragraph) => paragraph.text)).toEqual(["Renseignements généraux", "Dépenses et résultats par pilier et ministère"]);
    }
    await expectNoAxeViolations(page);
  });
}
