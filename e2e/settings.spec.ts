import pg from "pg";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";

/*
 * An administrator changes the security marking and the print pages show it. Runs in its own Playwright project,
 * after every other test (playwright.config.ts), because other tests read the seeded marking.
 */

async function firstMeetingId(): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<{ id: string }>("SELECT id FROM meetings ORDER BY starts_at LIMIT 1")).rows[0]!.id;
  } finally {
    await client.end();
  }
}

const text = {
  en: {
    admin: "Administration",
    settings: "Settings",
    markingEn: "Security marking (English)",
    markingFr: "Security marking (French)",
    staleDays: "Days without a status update before an initiative needs one",
    save: "Save the settings",
    invalid: "Some fields need your attention. Nothing was saved.",
    staleDaysError: "Enter a whole number of days between 1 and 365.",
    required: "This field is required.",
    saved: "Your changes are saved.",
    marking: { en: "PROTECTED A", fr: "PROTÉGÉ A" },
  },
  fr: {
    admin: "Administration",
    settings: "Paramètres",
    markingEn: "Cote de sécurité (anglais)",
    markingFr: "Cote de sécurité (français)",
    staleDays: "Jours sans mise à jour avant qu’une initiative en demande une",
    save: "Enregistrer les paramètres",
    invalid: "Certains champs demandent votre attention. Rien n'a été enregistré.",
    staleDaysError: "Entrez un nombre entier de jours entre 1 et 365.",
    required: "Ce champ est obligatoire.",
    saved: "Vos modifications sont enregistrées.",
    marking: { en: "PROTECTED B", fr: "PROTÉGÉ B" },
  },
} as const;

// Both tests change the same settings: one after the other.
test.describe.configure({ mode: "serial" });

for (const locale of ["en", "fr"] as Locale[]) {
  test(`an administrator changes the security marking and the agenda package prints it, in ${locale}`, async ({ page }) => {
    const t = text[locale];
    await signIn(page, demoAccounts.admin, locale);
    await page.goto(`/${locale}/admin`);
    await page.getByRole("link", { name: t.settings, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.settings);
    await expectNoAxeViolations(page);

    // Bad input: a message at each field in the page's language, nothing saved, what was typed kept.
    const form = page.getByTestId("settings");
    await form.getByLabel(t.markingEn).fill(t.marking.en);
    await form.getByLabel(t.markingFr).fill(" ");
    await form.getByLabel(t.staleDays).fill("400");
    await form.getByRole("button", { name: t.save }).click();
    await expect(form.getByRole("alert")).toHaveText(t.invalid);
    await expect(page.locator("#settings-staleDays-error")).toHaveText(t.staleDaysError);
    await expect(page.locator("#settings-securityMarkingFr-error")).toHaveText(t.required);
    await expect(form.getByLabel(t.staleDays)).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel(t.markingEn)).toHaveValue(t.marking.en);
    await expectNoAxeViolations(page);

    await form.getByLabel(t.markingFr).fill(t.marking.fr);
    await form.getByLabel(t.staleDays).fill("90");
    await form.getByRole("button", { name: t.save }).click();
    await expect(page.getByRole("status").filter({ hasText: t.saved })).toBeVisible();
    await expect(page.getByTestId("settings").getByLabel(t.markingFr)).toHaveValue(t.marking.fr);

    const printed = `${t.marking.en} / ${t.marking.fr}`;
    await page.goto(`/${locale}/meetings/${await firstMeetingId()}/package`);
    await expect(page.getByTestId("marking-top")).toHaveText(printed);
    await expect(page.getByTestId("marking-bottom")).toHaveText(printed);
    await expectNoAxeViolations(page);
  });
}

test.afterAll(async ({ browser }) => {
  // Back to the seeded marking, through the page, for whoever uses this database next.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoAccounts.admin, "en");
  await page.goto("/en/admin/settings");
  const form = page.getByTestId("settings");
  await form.getByLabel(text.en.markingEn).fill("UNCLASSIFIED");
  await form.getByLabel(text.en.markingFr).fill("NON CLASSIFIÉ");
  await form.getByRole("button", { name: text.en.save }).click();
  await expect(page.getByRole("status").filter({ hasText: text.en.saved })).toBeVisible();
  await context.close();
});
