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

/**
 * Scans the page as it is now with axe for WCAG 2.1 A and AA; any violation fails the test. Then checks that no
 * two elements share an id: axe no longer fails on that (its `duplicate-id` rules are deprecated and disabled, and
 * `duplicate-id-aria` only asks for review), yet a repeated id sends a label, a hint or an error to the wrong field.
 */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  expect(await duplicateIds(page), `ids used more than once on ${page.url()}`).toEqual([]);
}

/** The ids that more than one element of the page carries (each once). */
export async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const element of document.querySelectorAll("[id]")) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
  });
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
