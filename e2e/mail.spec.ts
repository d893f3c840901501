import { demoAccounts, expect, expectNoAxeViolations, signIn, test } from "./fixtures";

test.describe("mail", () => {
  test("an administrator reads the outbox and pauses then resumes all mail, in English", async ({ page }) => {
    await signIn(page, demoAccounts.admin, "en");
    await page.goto("/en/admin/outbox");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Outbox");
    await expect(page.getByRole("navigation", { name: "Messages by state" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Pause all mail" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Mail is paused." })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /Mail is paused/ })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Resume mail" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Mail is resumed." })).toBeVisible();
    await expect(page.getByRole("button", { name: "Pause all mail" })).toBeVisible();
  });

  test("the outbox is in French at the same path", async ({ page }) => {
    await signIn(page, demoAccounts.admin, "fr");
    await page.goto("/fr/admin/outbox?status=FAILED");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Boîte d'envoi");
    await expect(page.getByRole("link", { name: /^Échec/ })).toHaveAttribute("aria-current", "page");
    await expectNoAxeViolations(page);
  });

  test("anyone but an administrator gets 'page not found' for the outbox", async ({ page }) => {
    await signIn(page, demoAccounts.coordinator, "en");
    const response = await page.goto("/en/admin/outbox");
    expect(response?.status()).toBe(404);
    await expectNoAxeViolations(page);
  });

  test("a user turns a notice off and on again in their profile, in French", async ({ page }) => {
    await signIn(page, demoAccounts.executive, "fr");
    await page.goto("/fr/profile/notices");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Avis par courriel");
    await expectNoAxeViolations(page);
    const digest = page.getByRole("checkbox", { name: /Résumé hebdomadaire/ });
    await expect(digest).toBeChecked();
    await digest.uncheck();
    await page.getByRole("button", { name: "Enregistrer mes choix d'avis" }).click();
    await expect(page.getByRole("status").filter({ hasText: /enregistr/i })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.reload();
    await expect(page.getByRole("checkbox", { name: /Résumé hebdomadaire/ })).not.toBeChecked();
    await page.getByRole("checkbox", { name: /Résumé hebdomadaire/ }).check();
    await page.getByRole("button", { name: "Enregistrer mes choix d'avis" }).click();
    await expect(page.getByRole("status").filter({ hasText: /enregistr/i })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("checkbox", { name: /Résumé hebdomadaire/ })).toBeChecked();
  });
});
