import { sql } from "./db";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";

/** The Government of Canada's identity (issue 15): signature, wordmark, notices, "Report a problem on this page". */
const text = {
  en: {
    signature: "Government of Canada",
    otherSignature: "/ Gouvernement du Canada",
    other: "fr",
    wordmark: "Symbol of the Government of Canada",
    dateModified: "Date modified:",
    notices: "Notices",
    links: { privacy: "Privacy", accessibility: "Accessibility", terms: "Terms of use" },
    headings: { privacy: "Privacy notice", accessibility: "Accessibility statement", terms: "Terms of use" },
    placeholder: /PIB NUMBER AND TITLE TO BE CONFIRMED/,
    report: "Report a problem on this page",
    what: "What went wrong?",
    contact: "Your e-mail address, if you would like a reply (optional)",
    send: "Send the report",
    sent: "Thank you. Your report has reached the IWGTIP secretariat.",
    required: "This field is required.",
    tooLong: /^Enter at most 2[,\s\u202f\u00a0]?000 characters\.$/,
  },
  fr: {
    signature: "Gouvernement du Canada",
    otherSignature: "/ Government of Canada",
    other: "en",
    wordmark: "Symbole du gouvernement du Canada",
    dateModified: "Date de modification\u00a0:",
    notices: "Avis",
    links: { privacy: "Confidentialité", accessibility: "Accessibilité", terms: "Conditions d’utilisation" },
    headings: { privacy: "Avis de confidentialité", accessibility: "Énoncé sur l’accessibilité", terms: "Conditions d’utilisation" },
    placeholder: /NUMÉRO ET TITRE DU FICHIER À CONFIRMER/,
    report: "Signaler un problème sur cette page",
    what: "Qu’est-ce qui n’a pas fonctionné?",
    contact: "Votre adresse électronique, si vous souhaitez une réponse (facultatif)",
    send: "Envoyer le signalement",
    sent: "Merci. Votre signalement a été transmis au secrétariat du GTITP.",
    required: "Ce champ est obligatoire.",
    tooLong: /^Entrez au plus 2[,\s\u202f\u00a0]?000 caractères\.$/,
  },
} as const;

const notices = ["privacy", "accessibility", "terms"] as const;

for (const locale of ["en", "fr"] as Locale[]) {
  const t = text[locale];

  test(`the signature and the wordmark have their text alternatives in ${locale}, the page's language first`, async ({ page }) => {
    await page.goto(`/${locale}/sign-in`);
    const header = page.getByRole("banner");
    await expect(header.getByRole("img", { name: t.signature, exact: true })).toBeVisible();
    const otherName = header.locator(`[lang="${t.other}"]`).filter({ hasText: t.otherSignature });
    await expect(otherName).toHaveText(t.otherSignature);
    const footer = page.getByRole("contentinfo");
    await expect(footer.getByRole("img", { name: t.wordmark, exact: true })).toBeVisible();
    await expect(footer.getByTestId("date-modified")).toContainText(t.dateModified);
    await expect(footer.getByTestId("date-modified").locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
    await expectNoAxeViolations(page);
  });

  for (const notice of notices) {
    test(`the ${notice} page opens from the sign-in page's footer without signing in, in ${locale}`, async ({ page }) => {
      await page.goto(`/${locale}/sign-in`);
      await page.getByRole("navigation", { name: t.notices }).getByRole("link", { name: t.links[notice], exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/${notice}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.headings[notice]);
      if (notice === "privacy") await expect(page.getByTestId("notice-privacy")).toContainText(t.placeholder);
      await expectNoAxeViolations(page);
    });
  }
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // axe runs as a script in the page, so it cannot scan here: the same screens (the open form with an error at the
  // field, then with the answer) are scanned with JavaScript by the test that follows, in both languages.
  test("a visitor who is not signed in reports a problem from the sign-in page with a plain post; an empty one is refused at the field", async ({ page }) => {
    const t = text.en;
    await page.goto("/en/sign-in");
    await page.getByText(t.report, { exact: true }).click();
    await page.getByRole("button", { name: t.send }).click();
    await expect(page.getByLabel(t.what)).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#report-problem-description-error")).toHaveText(t.required);

    const words = `The sign-in button is hard to see ${Date.now()}`;
    await page.getByLabel(t.what).fill(words);
    await page.getByLabel(t.contact).fill("visitor@example.gc.ca");
    await page.getByRole("button", { name: t.send }).click();
    await expect(page.getByText(t.sent)).toBeVisible();

    const [report] = await sql<{ id: string; page_path: string; reporter_id: string | null; locale: string; contact_email: string }>(
      "SELECT id, page_path, reporter_id, locale::text, contact_email FROM problem_reports WHERE description = $1",
      [words],
    );
    expect(report).toMatchObject({ page_path: "/en/sign-in", reporter_id: null, locale: "en", contact_email: "visitor@example.gc.ca" });
    const mail = await sql<{ to_address: string }>("SELECT to_address FROM outbound_messages WHERE dedupe_key LIKE $1", [`problem-report:${report!.id}:%`]);
    expect(mail.map((message) => message.to_address)).toContain(demoAccounts.coordinator);
  });
});

for (const [locale, account] of [["en", demoAccounts.repJus], ["fr", demoAccounts.repRcmp]] as const) {
  test(`a signed-in representative reports a problem from the initiatives list, after an over-long report is refused, in ${locale}`, async ({ page }) => {
    const t = text[locale];
    await signIn(page, account, locale);
    await page.goto(`/${locale}/initiatives`);
    await page.getByText(t.report, { exact: true }).click();
    await page.getByLabel(t.what).fill("x".repeat(2001));
    await page.getByRole("button", { name: t.send }).click();
    await expect(page.locator("#report-problem-description-error")).toHaveText(t.tooLong);
    await expect(page.getByLabel(t.what)).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    const words = `${locale === "fr" ? "Le filtre par pilier ne garde pas mon choix" : "The pillar filter forgets my choice"} ${Date.now()}`;
    await page.getByLabel(t.what).fill(words);
    await page.getByRole("button", { name: t.send }).click();
    await expect(page.getByText(t.sent)).toBeVisible();
    await expect(page.getByLabel(t.what)).toHaveValue("");
    await expectNoAxeViolations(page);

    const [report] = await sql<{ page_path: string; email: string; locale: string }>(
      "SELECT r.page_path, u.email, r.locale::text FROM problem_reports r JOIN users u ON u.id = r.reporter_id WHERE r.description = $1",
      [words],
    );
    expect(report).toEqual({ page_path: `/${locale}/initiatives`, email: account, locale });
  });
}

for (const locale of ["en", "fr"] as Locale[]) {
  test(`an administrator reads the problem reports, in ${locale}`, async ({ page }) => {
    const words = `Seeded report ${locale} ${Date.now()}`;
    await sql("INSERT INTO problem_reports (id, page_path, description, locale, request_id) VALUES (gen_random_uuid(), $1, $2, $3::language, $4)", [
      `/${locale}/dashboard`,
      words,
      locale,
      `e2e-${Date.now()}`,
    ]);
    await signIn(page, demoAccounts.admin, locale);
    await page.goto(`/${locale}/admin`);
    await page.getByRole("link", { name: locale === "fr" ? "Signalements de problèmes" : "Problem reports", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "fr" ? "Signalements de problèmes" : "Problem reports");
    await expect(page.getByTestId("problem-reports-table").getByRole("row", { name: new RegExp(words) })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
