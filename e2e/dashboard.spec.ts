import type { Page } from "@playwright/test";
import { sql } from "./db";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";

/*
 * The dashboard as an executive sees it, in both languages: figures checked against SQL run here on the same
 * database, the matrix's links, the CSV downloads against the tables on screen, and the briefing's printed pages.
 */

/** Money as each language writes it, built by hand (not with Intl, which the app uses): $12,300,000 / 12 300 000 $. */
function money(cents: number, locale: Locale): string {
  const digits = String(Math.round(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, locale === "fr" ? " " : ",");
  return locale === "fr" ? `${digits} $` : `$${digits}`;
}

const normalise = (text: string) => text.replace(/[\u00a0\u202f]/g, " ").replace(/^[●▲■○]\s*/, "").trim();

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  return rows;
}

async function tableText(page: Page, dataset: string): Promise<string[][]> {
  const table = page.locator(`table[data-table="${dataset}"]`);
  // Dashboard blocks are `content-visibility: auto`: off screen they have no layout, so no innerText. Brought on
  // screen, a block is laid out at the browser's next rendering update, so wait for its header's text.
  await table.scrollIntoViewIfNeeded();
  await expect.poll(() => table.locator("thead th").first().innerText()).not.toBe("");
  const header = (await table.locator("thead th").allInnerTexts()).map(normalise);
  const rows: string[][] = [header];
  for (const row of await table.locator("tbody tr").all()) rows.push((await row.locator("th, td").allInnerTexts()).map(normalise));
  return rows;
}

function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

const headings = { en: "Dashboard", fr: "Tableau de bord" } as const;

for (const locale of ["en", "fr"] as Locale[]) {
  test.describe(`the dashboard in ${locale}`, () => {
    test(`an executive lands on the dashboard, whose tiles equal SQL, in ${locale}`, async ({ page }) => {
      const violations = watchCspViolations(page);
      await signIn(page, demoAccounts.executive, locale);
      await page.goto(`/${locale}`);
      await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(headings[locale]);
      await expectNoAxeViolations(page);

      const [{ year } = { year: 0 }] = await sql<{ year: number }>("SELECT max(fiscal_year) AS year FROM funding_lines WHERE deleted_at IS NULL");
      const pillars = await sql<{ code: string; total: number; red: number; allocated: string }>(
        `SELECT p.code,
           (SELECT count(*)::int FROM initiatives i WHERE i.primary_pillar_id = p.id AND i.archived_at IS NULL) AS total,
           (SELECT count(*)::int FROM initiatives i WHERE i.primary_pillar_id = p.id AND i.archived_at IS NULL AND i.health = 'RED') AS red,
           (SELECT COALESCE(sum(f.allocated_cents), 0)::text FROM funding_lines f JOIN initiatives i ON i.id = f.initiative_id
             WHERE i.primary_pillar_id = p.id AND i.archived_at IS NULL AND f.deleted_at IS NULL AND f.fiscal_year = $1) AS allocated
         FROM pillars p WHERE p.active ORDER BY p.sort_order, p.code`,
        [year],
      );
      await expect(page.locator("[data-pillar]")).toHaveCount(pillars.length);
      for (const pillar of pillars) {
        const tile = page.locator(`[data-pillar="${pillar.code}"]`);
        await expect(tile.locator('[data-figure="total"]')).toHaveText(pillar.total === 0 ? /^(No|Aucune)/ : new RegExp(`^${pillar.total} `));
        await expect(tile.locator('[data-figure="RED"] strong')).toHaveText(String(pillar.red));
        expect(normalise(await tile.locator('[data-figure="allocated"]').innerText())).toBe(money(Number(pillar.allocated), locale));
      }
      // Fiscal years in the language's format.
      const label = locale === "fr" ? `${year}-${year + 1}` : `${year}-${String((year + 1) % 100).padStart(2, "0")}`;
      await expect(page.locator('table[data-table="pillars"] thead')).toContainText(label);
      expect(violations).toEqual([]);
    });

    test(`a matrix cell leads to the matching list of initiatives, in ${locale}`, async ({ page }) => {
      await signIn(page, demoAccounts.executive, locale);
      await page.goto(`/${locale}/dashboard`);
      const [cell] = await sql<{ acronym: string; code: string; count: number }>(
        `SELECT d.acronym_en::text AS acronym, p.code, count(*)::int AS count FROM initiatives i
           JOIN departments d ON d.id = i.lead_department_id JOIN pillars p ON p.id = i.primary_pillar_id
         WHERE i.archived_at IS NULL AND p.active GROUP BY d.acronym_en, p.code ORDER BY count DESC, d.acronym_en, p.code LIMIT 1`,
      );
      const link = page.locator(`[data-cell="${cell!.acronym}:${cell!.code}"] a`);
      await expect(link).toContainText(`${cell!.count} —`);
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/initiatives\\?pillar=${cell!.code}&department=${cell!.acronym}$`));
      await expectNoAxeViolations(page);
    });

    test(`the CSV downloads match the tables on screen, in ${locale}`, async ({ page }) => {
      await signIn(page, demoAccounts.executive, locale);
      await page.goto(`/${locale}/dashboard`);
      for (const dataset of ["pillars", "matrix", "trend", "funding", "overdue"]) {
        const href = await page.locator(`a[data-csv="${dataset}"]`).getAttribute("href");
        const response = await page.request.get(href!);
        expect(response.status()).toBe(200);
        expect(response.headers()["content-type"]).toContain("text/csv");
        const body = await response.body();
        expect([...body.subarray(0, 3)], "UTF-8 byte-order mark").toEqual([0xef, 0xbb, 0xbf]);
        const csv = parseCsv(body.toString("utf8").slice(1)).map((row) => row.map(normalise));
        expect(csv, dataset).toEqual(await tableText(page, dataset));
      }
      // A real click downloads a file too.
      const download = page.waitForEvent("download");
      await page.locator('a[data-csv="funding"]').click();
      expect((await download).suggestedFilename()).toBe(`iwgtip-funding-${locale}.csv`);
    });

    test(`the filters are kept in the URL and scope the figures, in ${locale}`, async ({ page }) => {
      await signIn(page, demoAccounts.executive, locale);
      await page.goto(`/${locale}/dashboard`);
      const labels = locale === "fr" ? { department: "Ministère responsable", apply: "Appliquer les filtres" } : { department: "Lead department", apply: "Apply filters" };
      await page.getByLabel(labels.department, { exact: true }).selectOption("RCMP");
      await page.getByRole("button", { name: labels.apply }).click();
      await expect(page).toHaveURL(/department=RCMP/);
      const rows = await sql<{ code: string; total: number }>(
        `SELECT p.code, (SELECT count(*)::int FROM initiatives i JOIN departments d ON d.id = i.lead_department_id
           WHERE i.primary_pillar_id = p.id AND i.archived_at IS NULL AND d.acronym_en = 'RCMP') AS total
         FROM pillars p WHERE p.active`,
      );
      for (const row of rows) {
        const text = await page.locator(`[data-pillar="${row.code}"] [data-figure="total"]`).innerText();
        expect(Number(/\d+/.exec(text)?.[0] ?? 0), row.code).toBe(row.total);
      }
      await expect(page.locator('table[data-table="matrix"] tbody tr')).toHaveCount(1);
      await expectNoAxeViolations(page);
    });

    test(`a pillar page shows that pillar and its initiatives; an unknown one is not found, in ${locale}`, async ({ page }) => {
      await signIn(page, demoAccounts.executive, locale);
      await page.goto(`/${locale}/dashboard`);
      await page.locator('[data-pillar="PROTECTION"] h3 a').click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard/pillars/PROTECTION$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Protection");
      const codes = await sql<{ code: string }>(
        `SELECT i.code FROM initiatives i JOIN pillars p ON p.id = i.primary_pillar_id WHERE p.code = 'PROTECTION' AND i.archived_at IS NULL ORDER BY i.code`,
      );
      const shown = await page.locator('table[data-table="initiatives"] tbody tr td:first-child').allInnerTexts();
      expect(shown.sort()).toEqual(codes.map((row) => row.code));
      await expectNoAxeViolations(page);

      const response = await page.goto(`/${locale}/dashboard/pillars/NO_SUCH_PILLAR`);
      expect(response?.status()).toBe(404);
      await expectNoAxeViolations(page);
    });

    test(`needs attention links to the full list, which matches the download, in ${locale}`, async ({ page }) => {
      await signIn(page, demoAccounts.executive, locale);
      await page.goto(`/${locale}/dashboard`);
      const onDashboard = await tableText(page, "attention");
      const [red] = await sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM initiatives i JOIN pillars p ON p.id = i.primary_pillar_id
         WHERE i.archived_at IS NULL AND p.active AND i.health = 'RED'`,
      );
      await expect(page.locator("[data-attention-summary]").first()).toContainText(String(red!.count));
      await page.locator("a[data-attention-all]").click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard/attention$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "fr" ? "Initiatives à surveiller" : "Initiatives that need attention");
      await expectNoAxeViolations(page);
      const listed = await tableText(page, "attention");
      // The seed has few per pillar, so the dashboard lists them all, as the full list does.
      expect(listed).toEqual(onDashboard);
      expect(listed.length - 1).toBeGreaterThanOrEqual(red!.count);
      const href = await page.locator('a[data-csv="attention"]').getAttribute("href");
      const csv = parseCsv((await (await page.request.get(href!)).body()).toString("utf8").slice(1)).map((row) => row.map(normalise));
      expect(csv).toEqual(listed);
    });

    test(`the briefing prints one page per pillar with the security marking, in ${locale}`, async ({ page }) => {
      await signIn(page, demoAccounts.executive, locale);
      await page.goto(`/${locale}/dashboard`);
      await page.getByRole("link", { name: locale === "fr" ? "Vue de breffage à imprimer" : "Briefing view for printing" }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard/briefing`));
      await expectNoAxeViolations(page);
      const pillars = await sql<{ code: string }>("SELECT code FROM pillars WHERE active");
      const [marking] = await sql<{ value: string }>("SELECT concat(value ->> 'en', ' / ', value ->> 'fr') AS value FROM settings WHERE key = 'securityMarking'");
      await expect(page.locator("[data-briefing-pillar]")).toHaveCount(pillars.length);
      await expect(page.locator("[data-security-marking]").first()).toHaveText(marking!.value);
      await expect(page.locator("[data-security-marking]")).toHaveCount(pillars.length * 2);

      await page.emulateMedia({ media: "print" });
      await expect(page.getByTestId("gc-signature")).toBeHidden();
      const pdf = await page.pdf({ format: "Letter", printBackground: false });
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
      expect(pages.length).toBe(pillars.length);
    });
  });
}

test("the CSV export refuses a visitor who is not signed in", async ({ request }) => {
  const response = await request.get("/api/dashboard/pillars?locale=en", { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  const unknown = await request.get("/api/dashboard/nothing?locale=en", { maxRedirects: 0 });
  expect(unknown.status()).toBe(404);
});
