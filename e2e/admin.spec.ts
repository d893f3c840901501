import { randomUUID } from "node:crypto";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test } from "./fixtures";

// One test per language: a dozen pages with an axe scan each is too long for one test on a busy machine.
for (const locale of ["en", "fr"] as const) {
  test(`an administrator goes through every administration screen, in ${locale}`, async ({ page }) => {
    await signIn(page, demoAccounts.admin, locale);
    for (const path of ["/admin", "/admin/users", "/admin/users/new", "/admin/departments", "/admin/pillars", "/admin/audit"]) {
      const response = await page.goto(`/${locale}${path}`);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await page.goto(`/${locale}/admin/pillars`);
    await page.getByRole("link", { name: locale === "fr" ? "Prévention" : "Prevention", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "fr" ? "Modifier Prévention" : "Edit Prevention");
    await expectNoAxeViolations(page);
  });
}

test("bad input gets a message at each field, in French, and nothing is created", async ({ page }) => {
  await signIn(page, demoAccounts.admin, "en");
  await page.goto("/fr/admin/users/new");
  const form = page.getByTestId("create-user");
  await form.getByLabel("Nom", { exact: true }).fill("Personne Test");
  await form.getByLabel("Courriel").fill("rep.jus@iwgtip.example");
  await form.getByLabel("Rôle").selectOption("DEPARTMENT_REP");
  await form.getByRole("button", { name: "Créer le compte" }).click();
  await expect(form.getByRole("alert")).toHaveText("Certains champs demandent votre attention. Rien n'a été enregistré.");
  await expect(form.getByLabel("Ministère")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#create-user-departmentId-error")).toHaveText("Choisissez le ministère d’un représentant ministériel.");
  // What was typed is still there.
  await expect(form.getByLabel("Nom", { exact: true })).toHaveValue("Personne Test");
  await expectNoAxeViolations(page);

  await form.getByLabel("Ministère").selectOption({ index: 1 });
  await form.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page.locator("#create-user-email-error")).toHaveText("Un autre compte utilise déjà cette adresse courriel.");
});

test("an account is created, given a one-time password, and its holder must choose their own", async ({ page, browser }) => {
  const email = `e2e-${randomUUID().slice(0, 8)}@test.example`;
  await signIn(page, demoAccounts.admin, "en");
  await page.goto("/en/admin/users/new");
  const form = page.getByTestId("create-user");
  await form.getByLabel("Name", { exact: true }).fill("Casey Newcomer");
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Role").selectOption("EXECUTIVE");
  await form.getByLabel("Preferred language").selectOption("fr");
  await form.getByRole("button", { name: "Create the account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Casey Newcomer");
  await expect(page.getByRole("status").first()).toHaveText("Your changes are saved.");

  const otp = page.getByTestId("one-time-password");
  await otp.getByLabel("One-time password").fill("short");
  await otp.getByRole("button", { name: "Set the one-time password" }).click();
  await expect(page.locator("#one-time-password-password-error")).toHaveText("Enter at least 12 characters.");
  await expectNoAxeViolations(page);
  await otp.getByLabel("One-time password").fill("temporary-pass-2007");
  await otp.getByRole("button", { name: "Set the one-time password" }).click();
  await expect(page.getByText("must choose a new password")).toBeVisible();

  // The newcomer signs in: the portal opens in French, on the profile, asking for a new password.
  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  await signIn(newcomer, email, "en", "temporary-pass-2007");
  await expect(newcomer).toHaveURL(/\/fr\/profile$/);
  await expect(newcomer.getByRole("main").getByRole("alert")).toContainText("mot de passe à usage unique");
  await newcomer.goto("/fr/departments");
  await expect(newcomer).toHaveURL(/\/fr\/profile$/);
  await expectNoAxeViolations(newcomer);
  const password = newcomer.getByTestId("password-form");
  await password.getByLabel("Mot de passe actuel").fill("temporary-pass-2007");
  await password.getByLabel("Nouveau mot de passe").fill(email);
  await password.getByRole("button", { name: "Changer mon mot de passe" }).click();
  await expect(newcomer.locator("#password-form-newPassword-error")).toHaveText("Le mot de passe ne peut pas être l’adresse courriel.");
  await password.getByLabel("Mot de passe actuel").fill("temporary-pass-2007");
  await password.getByLabel("Nouveau mot de passe").fill("my-very-own-password");
  await password.getByRole("button", { name: "Changer mon mot de passe" }).click();
  await expect(newcomer.getByTestId("password-form").getByRole("status")).toHaveText("Votre mot de passe est changé.");
  await newcomer.goto("/fr/departments");
  await expect(newcomer).toHaveURL(/\/fr\/departments$/);

  // Back to English through the profile.
  await newcomer.goto("/fr/profile");
  await newcomer.getByTestId("language-form").getByLabel("Langue du portail").selectOption("en");
  await newcomer.getByRole("button", { name: "Enregistrer la langue" }).click();
  await expect(newcomer).toHaveURL(/\/en\/profile\?saved=language$/);
  await expect(newcomer.getByRole("status").first()).toHaveText("Your preferred language is saved. The portal now opens in it.");
  await expectNoAxeViolations(newcomer);
  await newcomerContext.close();

  // The administrator deactivates the account; the audit log shows it all.
  await page.reload();
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();
  await page.goto("/en/admin/users?q=" + encodeURIComponent(email));
  await expect(page.getByTestId("users-table")).toContainText("Deactivated");
  await expectNoAxeViolations(page);
  await page.goto("/en/admin/audit?action=user.deactivate");
  await expect(page.getByTestId("audit-table")).toContainText('{"active":true}');
});

test("the audit log exports to CSV with a byte-order mark and headers in the user's language", async ({ page }) => {
  await signIn(page, demoAccounts.admin, "en");
  const response = await page.request.get("/api/admin/audit/export?locale=fr&action=auth.sign_in");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.toString("utf8").slice(1);
  expect(text.split("\r\n")[0]).toBe("Quand,Personne,Courriel,Action,Type d’enregistrement,Identifiant de l’enregistrement,Avant,Après,Adresse,Requête");
  expect(text).toContain(",auth.sign_in,");
  expect(text).not.toContain("user.create");
});
