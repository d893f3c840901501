import AxeBuilder from "@axe-core/playwright";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test as base, type BrowserContext, type Cookie, type Page } from "@playwright/test";
import { currentStep, totpCode } from "./totp";

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
  en: { email: "Email", password: "Password", submit: "Sign in", code: "Code from your authenticator app, or a recovery code", refused: "incorrect" },
  fr: { email: "Courriel", password: "Mot de passe", submit: "Se connecter", code: "Code de votre application d'authentification, ou code de récupération", refused: "incorrect" },
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

/**
 * The TOTP keys the demo administrator and coordinator are seeded with (prisma/seed-data.ts DEMO_TOTP_SECRETS):
 * two-step verification is required of their roles (issue 17, point 7), so the fixture computes their codes.
 */
export const demoTotpSecrets: Record<string, string> = {
  [demoAccounts.admin]: "JGU53HINM5HL3HKVZCWTCNQA3UWWVMRN",
  [demoAccounts.coordinator]: "JRMLAKLBNYFZLBRGVDFE6T45SCTXNUC2",
};

/*
 * A TOTP code works once (RFC 6238 §5.2), so an account with a second factor can open about one session per
 * 30-second step. The fixture therefore reuses, within a worker, the session it opened for such an account (its
 * cookies), and signs in afresh only when that session has ended (a test signed out or ended it): fast, and every
 * test still starts signed in as the account it names.
 */
const openSessions = new Map<string, Cookie[]>();
const lastStepUsed = new Map<string, number>();

export async function signIn(page: Page, email: string, locale: Locale = "en", password = demoPassword) {
  const secret = password === demoPassword ? demoTotpSecrets[email] : undefined;
  if (secret && (await resumeSession(page, email, locale))) return;
  const labels = signInLabels[locale];
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
  if (secret) await enterCode(page, email, secret, locale);
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  if (secret) openSessions.set(email, await page.context().cookies());
}

/** The code field appears once the password is right; a code of a step already used is refused, so wait for the next. */
async function enterCode(page: Page, email: string, secret: string, locale: Locale) {
  const field = page.getByLabel(signInLabels[locale].code);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await field.waitFor();
    let step = Math.max(currentStep(), (lastStepUsed.get(email) ?? 0) + 1);
    if (step > currentStep() + 1) step = currentStep() + 1;
    while (step <= (lastStepUsed.get(email) ?? 0)) {
      // Not a guess at the page: the clock must reach a step whose code has not been used yet.
      await page.waitForTimeout(1000);
      step = currentStep() + 1;
    }
    lastStepUsed.set(email, step);
    await field.fill(totpCode(secret, step));
    await page.getByRole("button", { name: signInLabels[locale].submit, exact: true }).click();
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.endsWith("/sign-in")).then(() => "in" as const, () => "gone" as const),
      page.getByRole("alert").filter({ hasText: signInLabels[locale].refused }).waitFor().then(() => "refused" as const, () => "gone" as const),
    ]);
    if (outcome === "in") return;
    // Another worker used this step for the same account: the next step's code will do.
  }
  throw new Error(`could not sign ${email} in with a TOTP code`);
}

/** Puts back this worker's open session of the account, when it is still open; the page ends where sign-in would. */
async function resumeSession(page: Page, email: string, locale: Locale): Promise<boolean> {
  const cookies = openSessions.get(email);
  if (!cookies) return false;
  await page.context().addCookies(cookies);
  const response = await page.request.get("/api/auth/session");
  const session = (await response.json().catch(() => null)) as { user?: { email?: string; language?: Locale } } | null;
  // The cookie decodes even after its session ended: whether the portal still lets it in is what counts. Where the
  // sign-in form would have gone: the home page in the person's preferred language.
  await page.goto(`/${session?.user?.language ?? locale}`);
  if (session?.user?.email !== email || new URL(page.url()).pathname.endsWith("/sign-in")) {
    openSessions.delete(email);
    await page.context().clearCookies();
    return false;
  }
  return true;
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
