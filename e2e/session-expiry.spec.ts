import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";
import { sql } from "./db";

/*
 * Issue 17.8 (WCAG 2.2.1, Timing Adjustable): two minutes before a session ends, a dialog in the person's language
 * offers to continue it; once it has ended, what the page holds stays, and a form saved then keeps what was typed.
 * The browser's clock is Playwright's (page.clock), moved forward; the server's is real.
 */
const text = {
  en: {
    warning: "Your session is about to end",
    continue: "Continue my session",
    extended: /Your session continues until/,
    ended: "Your session has ended",
    signInAgain: "Sign in again (opens in a new tab)",
    new: "New action item",
    titleEn: "Title (English)",
    titleFr: "Title (French)",
    assignee: "Assignee",
    due: "Due date",
    create: "Create the action item",
    kept: /what you typed is still here/,
  },
  fr: {
    warning: "Votre session va bientôt prendre fin",
    continue: "Poursuivre ma session",
    extended: /Votre session se poursuit jusqu'à/,
    ended: "Votre session a pris fin",
    signInAgain: "Se reconnecter (s'ouvre dans un nouvel onglet)",
    new: "Nouvelle mesure de suivi",
    titleEn: "Titre (anglais)",
    titleFr: "Titre (français)",
    assignee: "Personne responsable",
    due: "Échéance",
    create: "Créer la mesure de suivi",
    kept: /ce que vous avez saisi est toujours ici/,
  },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  test(`the session warns two minutes before it ends, continues on request, then says it has ended, in ${locale}`, async ({ page }) => {
    const t = text[locale];
    await signIn(page, demoAccounts.repJus, locale);
    await page.clock.install();
    await page.goto(`/${locale}/action-items`);
    const { remainingMs } = (await (await page.request.get("/api/session")).json()) as { remainingMs: number };
    expect(remainingMs).toBeGreaterThan(60 * 60 * 1000);

    // 100 seconds before the end: the warning is open, its button has the focus. (Once the page is hydrated, so
    // that its timers exist before the clock moves.)
    await expect(page.getByTestId("session-expiry-status")).toHaveAttribute("data-armed", "true");
    await page.clock.fastForward(remainingMs - 100_000);
    const dialog = page.getByRole("dialog", { name: t.warning });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: t.continue })).toBeFocused();
    await expectNoAxeViolations(page);

    // Continue: the server counts the session again from now (its own clock), and the dialog closes.
    await dialog.getByRole("button", { name: t.continue }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("session-expiry-status")).toHaveText(t.extended);
    const after = (await (await page.request.get("/api/session")).json()) as { remainingMs: number };
    expect(after.remainingMs).toBeGreaterThan(remainingMs - 5_000);

    // Past the new end: the dialog says the session has ended and offers a sign-in in a new tab.
    await page.clock.fastForward(after.remainingMs + 1_000);
    const ended = page.getByRole("dialog", { name: t.ended });
    await expect(ended).toBeVisible();
    await expect(ended.getByRole("link", { name: t.signInAgain })).toHaveAttribute("target", "_blank");
    await expectNoAxeViolations(page);
  });

  test(`a form saved after its session ended keeps what was typed and says so, in ${locale}`, async ({ page }) => {
    const t = text[locale];
    const title = `E2E expiry ${locale} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
    await signIn(page, demoAccounts.repJus, locale);
    await page.goto(`/${locale}/action-items/new`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.new);
    await page.getByLabel(t.titleEn).fill(title);
    await page.getByLabel(t.titleFr).fill(`${title} (fr)`);
    await page.getByLabel(t.assignee).selectOption({ label: "Anne Roy" });
    await page.getByLabel(t.due).fill("2099-12-31");

    // The session ends while the form is open (as an administrator ending it would).
    const { sessionId } = (await (await page.request.get("/api/auth/session")).json()) as { sessionId: string };
    await sql(`UPDATE auth_sessions SET ended_at = now(), end_reason = 'ended_by_admin' WHERE id = $1::uuid`, [sessionId]);

    await page.getByRole("button", { name: t.create }).click();
    await expect(page.getByRole("alert").filter({ hasText: t.kept })).toBeVisible();
    await expect(page.getByLabel(t.titleEn)).toHaveValue(title);
    await expect(page.getByLabel(t.titleFr)).toHaveValue(`${title} (fr)`);
    expect(await sql(`SELECT 1 FROM action_items WHERE title_en = $1`, [title])).toHaveLength(0);
    await expectNoAxeViolations(page);
  });
}
