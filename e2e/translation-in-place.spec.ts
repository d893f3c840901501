import en from "../messages/en.json";
import fr from "../messages/fr.json";
import { sql } from "./db";
import { expect, expectNoAxeViolations, test, type Locale } from "./fixtures";
import { seedInitiative } from "./seed";

/**
 * Issue 21, point 5, in English and French with axe: on an initiative's edit screen the coordinator sees where its
 * title and summary stand in the other official language and marks the French of the title verified in place;
 * the administrators' settings name the roles that may verify.
 */
const messages = { en, fr } as const;

test.describe.configure({ mode: "serial" });

for (const locale of ["en", "fr"] as Locale[]) {
  const m = messages[locale];
  test(`the coordinator verifies a translation beside the text, in ${locale}`, async ({ pageAs }) => {
    const initiative = await seedInitiative({ lead: "RCMP" });
    const page = await pageAs("coordinator");
    await page.goto(`/${locale}/initiatives/${initiative.id}/edit`);
    const panel = page.getByTestId("language-status");
    await expect(panel.getByRole("heading", { name: m.TranslationInPlace.heading })).toBeVisible();
    const title = panel.getByTestId("language-status-title");
    await expect(title).toContainText(m.Translation.state.translated);
    await expectNoAxeViolations(page);

    const otherLanguage = m.Translation.lang.fr;
    const verifyLabel = m.TranslationInPlace.verify.replace("{language}", otherLanguage).replace("{text}", m.Initiatives.initiativeTitle);
    await title.getByRole("button", { name: verifyLabel }).click();
    await expect(panel.getByRole("status")).toHaveText(m.TranslationInPlace.verified);
    await expect(panel.getByTestId("language-status-title")).toContainText(m.Translation.state.verified);
    await expect(panel.getByTestId("language-status-title").getByRole("button")).toHaveCount(0);
    await expectNoAxeViolations(page);

    const [state] = await sql<{ state: string }>("SELECT state FROM text_language_states WHERE record_kind = 'initiative' AND record_id = $1 AND field = 'title'", [initiative.id]);
    expect(state?.state).toBe("verified");
  });
}

test("the settings name the roles that may verify translations", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/en/admin/settings");
  await expect(page.getByRole("checkbox", { name: en.AdminSettings.verifyCoordinator })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: en.AdminSettings.verifyRepresentative })).not.toBeChecked();
  await expectNoAxeViolations(page);
});
