import { demoAccounts, demoPassword, expect, expectNoAxeViolations, test } from "./fixtures";

test("sends / to English by default", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test.describe("with a browser that prefers French", () => {
  test.use({ locale: "fr-CA", extraHTTPHeaders: { "Accept-Language": "fr-CA,fr;q=0.9" } });

  test("sends / to French", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/fr\/sign-in/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });
});

test("sends a signed-out visitor to sign in, then back where they were going", async ({ page }) => {
  await page.goto("/fr/departments");
  await expect(page).toHaveURL(/\/fr\/sign-in\?callbackUrl=%2Ffr%2Fdepartments/);
  await expectNoAxeViolations(page);
  await page.getByLabel("Courriel").fill(demoAccounts.repJus);
  await page.getByLabel("Mot de passe").fill(demoPassword);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page).toHaveURL(/\/fr\/departments$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ministères et organismes");
});

test("puts a message at each empty field", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#email-error")).toHaveText("Enter your e-mail address.");
  await expect(page.locator("#password-error")).toHaveText("Enter your password.");
  await expectNoAxeViolations(page);
});

test("puts the French messages at empty fields in French", async ({ page }) => {
  await page.goto("/fr/sign-in");
  await page.getByLabel("Courriel").fill(demoAccounts.repJus);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.locator("#password-error")).toHaveText("Entrez votre mot de passe.");
  await expect(page.locator("#email-error")).toHaveCount(0);
});

test("gives one generic message for a wrong password and for an unknown account", async ({ page }) => {
  const messages: string[] = [];
  for (const email of [demoAccounts.repJus, "nobody@iwgtip.example"]) {
    await page.goto("/en/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const alert = page.getByTestId("sign-in-form").getByRole("alert");
    await expect(alert).toContainText("The e-mail address or password is incorrect");
    messages.push(await alert.innerText());
    await expect(page).toHaveURL(/\/en\/sign-in$/);
  }
  expect(messages[0]).toBe(messages[1]);
  await expectNoAxeViolations(page);
});

test("signs out and asks to sign in again", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(demoAccounts.executive);
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // An executive's home is the dashboard (DESIGN.md §4).
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in\?signedOut=1/);
  await expect(page.getByRole("status")).toHaveText("You have signed out.");
  await page.goto("/en/departments");
  await expect(page).toHaveURL(/\/en\/sign-in/);
});

test("reports its health", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "up" });
});
