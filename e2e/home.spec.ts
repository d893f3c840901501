import { sql } from "./db";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";

/* Home by role: what a representative must update and their open action items; the coordinator's next meeting. */

const text = {
  en: { toUpdate: "Initiatives your department must update", owed: "Updates your department owes", actionItems: "Your department's open action items", nextMeeting: "Next meeting" },
  fr: {
    toUpdate: "Initiatives que votre ministère doit mettre à jour",
    owed: "Mises à jour attendues de votre ministère",
    actionItems: "Mesures de suivi ouvertes de votre ministère",
    nextMeeting: "Prochaine réunion",
  },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  test(`a representative sees what their department must update and its open action items, in ${locale}`, async ({ page }) => {
    await signIn(page, demoAccounts.repJus, locale);
    await page.goto(`/${locale}`);
    await expect(page.getByRole("heading", { level: 2, name: text[locale].toUpdate })).toBeVisible();
    // One list: what open calls ask for is in it, not in a second list of its own.
    await expect(page.getByRole("heading", { level: 2, name: text[locale].owed })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Independent: JUS initiatives an open call for updates still waits for (no status update for its period),
    // or active and off track, at risk or without an update for the stale period; each once. Other tests open
    // calls meanwhile, so the comparison is retried on a fresh page until both agree.
    await expect(async () => {
      const expected = await sql<{ code: string }>(
        `SELECT i.code FROM initiatives i JOIN departments d ON d.id = i.lead_department_id
         WHERE d.acronym_en = 'JUS' AND i.archived_at IS NULL
           AND ((i.status = 'ACTIVE' AND (i.health IN ('RED', 'AMBER') OR i.last_updated_at IS NULL
                  OR i.last_updated_at < now() - ((SELECT value #>> '{}' FROM settings WHERE key = 'staleDays') || ' days')::interval))
             OR EXISTS (SELECT 1 FROM update_call_initiatives uci JOIN update_calls uc ON uc.id = uci.update_call_id
                        WHERE uci.initiative_id = i.id AND uc.status = 'OPEN'
                          AND NOT EXISTS (SELECT 1 FROM status_updates su WHERE su.initiative_id = i.id AND su.reporting_period = uc.reporting_period)))
         ORDER BY i.code`,
      );
      await page.reload();
      const shown = await page.locator('table[data-table="to-update"] tbody tr td:first-child').allInnerTexts();
      expect(shown.sort()).toEqual(expected.map((row) => row.code));
    }).toPass({ timeout: 30_000 });

    const [{ open } = { open: 0 }] = await sql<{ open: number }>(
      `SELECT count(*)::int AS open FROM action_items a JOIN departments d ON d.id = a.owner_department_id
       WHERE d.acronym_en = 'JUS' AND a.status IN ('OPEN', 'IN_PROGRESS')`,
    );
    await expect(page.getByRole("heading", { level: 2, name: text[locale].actionItems })).toBeVisible();
    // The home page lists the 25 soonest due; the action-items page has them all.
    await expect(page.locator('table[data-table="action-items"] tbody tr')).toHaveCount(Math.min(open, 25));
  });

  test(`the coordinator sees the next meeting and the action items, in ${locale}`, async ({ page }) => {
    await signIn(page, demoAccounts.coordinator, locale);
    await page.goto(`/${locale}`);
    const [meeting] = await sql<{ title_en: string; title_fr: string }>(
      "SELECT title_en, title_fr FROM meetings WHERE ends_at >= now() AND agenda_status <> 'HELD' ORDER BY starts_at LIMIT 1",
    );
    await expect(page.getByRole("heading", { level: 2, name: text[locale].nextMeeting })).toBeVisible();
    await expect(page.getByTestId("next-meeting")).toContainText(locale === "fr" ? meeting!.title_fr : meeting!.title_en);
    const [{ overdue } = { overdue: 0 }] = await sql<{ overdue: number }>(
      `SELECT count(*)::int AS overdue FROM action_items WHERE status IN ('OPEN', 'IN_PROGRESS') AND due_date < (timezone('America/Toronto', now()))::date`,
    );
    await expect(page.locator('table[data-table="action-items"] tbody tr')).toHaveCount(overdue);
    await expectNoAxeViolations(page);
  });
}
