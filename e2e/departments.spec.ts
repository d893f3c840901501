import { sql } from "./db";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";

const text = {
  en: { acronym: "PPSC", shown: (total: number) => `1–25 of ${total}`, pages: "Pages: Initiatives it leads", page2: "Initiatives it leads, page 2", second: (total: number) => `26–${Math.min(50, total)} of ${total}`, all: "All initiatives PPSC leads or partners on, in the initiatives list (filters, sorting, export)" },
  fr: { acronym: "SCRC", shown: (total: number) => `1 à 25 sur ${total}`, pages: "Pages : Initiatives qu'il dirige", page2: "Initiatives qu'il dirige, page 2", second: (total: number) => `26 à ${Math.min(50, total)} sur ${total}`, all: "Toutes les initiatives que SCRC dirige ou auxquelles il participe, dans la liste des initiatives (filtres, tri, exportation)" },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  test(`a department that leads many initiatives shows them a page at a time, with labelled page links and a way to the full list, in ${locale}`, async ({ page }) => {
    const t = text[locale];
    // A department of each locale's own (the tests run side by side), given more initiatives than one page holds.
    const department = locale === "en" ? "PPSC" : "CISC";
    const prefix = `E2E-DEP-${Math.floor(Math.random() * 1_000_000)}`;
    await sql(
      `INSERT INTO initiatives (id, code, title_en, title_fr, lead_department_id, primary_pillar_id, status)
       SELECT gen_random_uuid(), $1 || '-' || lpad(n::text, 2, '0'), 'Paged initiative ' || n, 'Initiative paginée ' || n, d.id, p.id, 'PLANNED'
       FROM departments d, pillars p, generate_series(1, 27) n WHERE d.acronym_en = $2 AND p.code = 'PARTNERSHIPS'`,
      [prefix, department],
    );
    try {
      const [{ total, id }] = (await sql<{ total: number; id: string }>(
        "SELECT count(*)::int AS total, d.id::text AS id FROM initiatives i JOIN departments d ON d.id = i.lead_department_id WHERE d.acronym_en = $1 AND i.archived_at IS NULL GROUP BY d.id",
        [department],
      )) as [{ total: number; id: string }];
      await signIn(page, demoAccounts.executive, locale);
      await page.goto(`/${locale}/departments/${t.acronym}`);
      const led = page.locator("section", { has: page.locator("#led") });
      await expect(led.getByTestId("led-count")).toHaveText(t.shown(total));
      await expect(led.locator("tbody tr")).toHaveCount(25);
      const pages = led.getByRole("navigation", { name: t.pages });
      await expect(pages.getByRole("link", { name: t.page2 })).toBeVisible();
      await expectNoAxeViolations(page);

      await pages.getByRole("link", { name: t.page2 }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/departments/${department}\\?led=2#led$`));
      await expect(led.getByTestId("led-count")).toHaveText(t.second(total));
      await expect(pages.getByRole("link", { name: t.page2 })).toHaveAttribute("aria-current", "page");
      await expect(led.getByRole("cell", { name: `${prefix}-27`, exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: t.all }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/initiatives\\?department=${id}$`));
    } finally {
      await sql("UPDATE initiatives SET archived_at = now() WHERE code LIKE $1 || '-%'", [prefix]);
    }
  });
}
