import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

export const demoPassword = "iwgtip-demo-2007";

export const demoAccounts = {
  admin: "admin@iwgtip.example",
  coordinator: "coordinator@iwgtip.example",
  executive: "executive@iwgtip.example",
  repJus: "rep.jus@iwgtip.example",
  repRcmp: "rep.rcmp@iwgtip.example",
} as const;

export type Locale = "en" | "fr";

const signInLabels = {
  en: { email: "Email", password: "Password", submit: "Sign in" },
  fr: { email: "Courriel", password: "Mot de passe", submit: "Se connecter" },
} as const;

/** Scans the page as it is now with axe for WCAG 2.1 A and AA; any violation fails the test. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, email: string, locale: Locale = "en", password = demoPassword) {
  const labels = signInLabels[locale];
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
}

export const test = base;
export { expect };
