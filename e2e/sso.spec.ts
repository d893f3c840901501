import { expect, expectNoAxeViolations, test } from "./fixtures";
import { startOidcIssuer } from "./oidc-issuer";

const portalPort = Number(process.env.E2E_PORT ?? 3100);
// The issuer listens on the port after the portal's (playwright.config.ts gives the portal its address).
const issuerPort = portalPort + 1;

let issuer: Awaited<ReturnType<typeof startOidcIssuer>>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  issuer = await startOidcIssuer(issuerPort, `http://localhost:${portalPort}`);
});

test.afterAll(async () => {
  await issuer.stop();
});

async function signInAtIssuer(page: import("@playwright/test").Page, email: string) {
  await page.waitForURL((url) => url.port === String(issuerPort));
  await page.locator('input[name="login"]').fill(email);
  const password = page.locator('input[name="password"]');
  if (await password.count()) await password.fill("any");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  await consent.or(page.locator("h1").first()).first().waitFor();
  if (page.url().includes(`:${issuerPort}`) && (await consent.count())) await consent.click();
}

test("signs an existing account in with the organisation's sign-on (French page)", async ({ page }) => {
  await page.goto("/fr/sign-in?callbackUrl=%2Ffr%2Fdepartments");
  const button = page.getByRole("button", { name: "Se connecter avec votre organisation (Émetteur d’essai)" });
  await expect(button).toBeVisible();
  await expectNoAxeViolations(page);
  await button.click();
  await signInAtIssuer(page, "rep.cic@iwgtip.example");
  await expect(page).toHaveURL(/\/fr\/departments$/);
  await expect(page.getByTestId("user-menu")).toContainText("Priya Sharma");
  await expectNoAxeViolations(page);
});

for (const [locale, button, message] of [
  ["en", "Sign in with your organisation (Émetteur d’essai)", "no active portal account uses that e-mail address"],
  ["fr", "Se connecter avec votre organisation (Émetteur d’essai)", "aucun compte actif du portail n’utilise cette adresse courriel"],
] as const) {
  test(`refuses a person the organisation knows but the portal has no account for, and creates none (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}/sign-in`);
    await page.getByRole("button", { name: button }).click();
    await signInAtIssuer(page, `stranger-${locale}@elsewhere.example`);
    await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in\\?error=AccessDenied`));
    await expect(page.getByRole("main").getByRole("alert").first()).toContainText(message);
    await expectNoAxeViolations(page);
    await page.goto(`/${locale}/departments`);
    await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in`));
  });
}

// Issue 17, point 6: the account is bound to the identity (issuer + subject) that first signed in to it, above.
for (const [title, login] of [
  ["a second subject claiming the e-mail of a linked account", "another-subject;email=rep.cic@iwgtip.example"],
  ["an e-mail address the organisation does not vouch for", "unverified-subject;email=rep.jus@iwgtip.example;unverified"],
] as const) {
  test(`refuses ${title}`, async ({ page }) => {
    await page.goto("/en/sign-in");
    await page.getByRole("button", { name: "Sign in with your organisation (Émetteur d’essai)" }).click();
    await signInAtIssuer(page, login);
    await expect(page).toHaveURL(/\/en\/sign-in\?error=AccessDenied/);
    await page.goto("/en/departments");
    await expect(page).toHaveURL(/\/en\/sign-in/);
  });
}
