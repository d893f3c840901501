import AxeBuilder from "@axe-core/playwright";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";

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

export type DemoAccount = keyof typeof demoAccounts;

type WorkerFixtures = {
  /** The saved session (cookies) of a demo account, signed in once per worker through the sign-in page. */
  sessionOf: (account: DemoAccount) => Promise<string>;
};

type TestFixtures = {
  /**
   * A page of a new browser context already signed in as `account`: a test with several people opens one page each
   * without going through the sign-in form again (e2e/sign-in.spec.ts tests the form itself). The contexts close
   * when the test ends.
   */
  pageAs: (account: DemoAccount) => Promise<Page>;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sessionOf: [
    async ({ browser }, provide, workerInfo) => {
      const folder = path.join(workerInfo.project.outputDir, ".sessions", String(workerInfo.workerIndex));
      const sessions = new Map<DemoAccount, Promise<string>>();
      const signInOnce = async (account: DemoAccount) => {
        await mkdir(folder, { recursive: true });
        const context = await browser.newContext();
        try {
          await signIn(await context.newPage(), demoAccounts[account]);
          const file = path.join(folder, `${account}.json`);
          await context.storageState({ path: file });
          return file;
        } finally {
          await context.close();
        }
      };
      await provide((account) => {
        let session = sessions.get(account);
        if (!session) {
          session = signInOnce(account);
          sessions.set(account, session);
        }
        return session;
      });
    },
    { scope: "worker" },
  ],
  pageAs: async ({ browser, sessionOf }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (account) => {
      const context = await browser.newContext({ storageState: await sessionOf(account) });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});
export { expect };
