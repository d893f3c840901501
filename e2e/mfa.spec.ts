import { randomUUID } from "node:crypto";
import { demoPassword, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";
import { sql } from "./db";
import { currentStep, totpCode } from "./totp";

/*
 * Issue 17, point 7: two-step verification enrolled from the profile and asked at sign-in, in both languages. Each
 * language has an account of its own (an executive, for whom it is optional), made here with the demo password.
 */
const text = {
  en: { heading: "Two-step verification", start: "Set up two-step verification", code: "Six-digit code", confirm: "Turn on two-step verification", on: "Your ten recovery codes", signInCode: "Code from your authenticator app, or a recovery code", submit: "Sign in" },
  fr: { heading: "Vérification en deux étapes", start: "Activer la vérification en deux étapes", code: "Code à six chiffres", confirm: "Activer la vérification en deux étapes", on: "Vos dix codes de récupération", signInCode: "Code de votre application d'authentification, ou code de récupération", submit: "Se connecter" },
} as const;

test.describe.configure({ mode: "serial" });

for (const locale of ["en", "fr"] as Locale[]) {
  const email = `mfa-${locale}-${randomUUID().slice(0, 8)}@iwgtip.example`;
  let secret = "";

  test(`enrols from the profile with the QR code's key (${locale})`, async ({ page }) => {
    await sql(
      `INSERT INTO users (id, email, display_name, role, preferred_language, password_hash, updated_at)
       SELECT gen_random_uuid(), $1, 'MFA test', 'EXECUTIVE', $2::language, password_hash, now() FROM users WHERE email = 'executive@iwgtip.example'`,
      [email, locale],
    );
    await signIn(page, email, locale, demoPassword);
    await page.goto(`/${locale}/profile`);
    await expect(page.getByRole("heading", { name: text[locale].heading })).toBeVisible();
    await page.getByRole("button", { name: text[locale].start }).click();
    await expect(page.getByTestId("mfa-qr")).toBeVisible();
    await expectNoAxeViolations(page);
    secret = (await page.getByTestId("mfa-secret").innerText()).replace(/\s+/g, "");
    await page.getByLabel(text[locale].code).fill(totpCode(secret, currentStep()));
    await page.getByRole("button", { name: text[locale].confirm }).click();
    await expect(page.getByTestId("mfa-confirm").getByRole("status")).toContainText(text[locale].on);
    await expectNoAxeViolations(page);
  });

  test(`asks for a code after the password, then signs in (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}/sign-in`);
    await page.locator("#email").fill(email);
    await page.locator("#password").fill(demoPassword);
    await page.getByRole("button", { name: text[locale].submit, exact: true }).click();
    const field = page.getByLabel(text[locale].signInCode);
    await expect(field).toBeVisible();
    await expectNoAxeViolations(page);
    // The enrolment used the current step's code: the next one is still within the accepted drift.
    await field.fill(totpCode(secret, currentStep() + 1));
    await page.getByRole("button", { name: text[locale].submit, exact: true }).click();
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
    await expect(page.getByTestId("user-menu")).toContainText("MFA test");
  });
}
