import { demoAccounts, duplicateIds, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";

const pages = [
  { path: "", heading: { en: /Welcome/, fr: /Bienvenue/ } },
  { path: "/dashboard", heading: { en: "Dashboard", fr: "Tableau de bord" } },
  { path: "/initiatives", heading: { en: "Initiatives", fr: "Initiatives" } },
  { path: "/departments", heading: { en: "Departments and agencies", fr: "Ministères et organismes" } },
  { path: "/departments/JUS", heading: { en: "Department of Justice Canada", fr: "Ministère de la Justice Canada" } },
  { path: "/funding", heading: { en: "Funding", fr: "Financement" } },
  { path: "/action-items", heading: { en: "Action items", fr: "Mesures de suivi" } },
  { path: "/meetings", heading: { en: "Meetings", fr: "Réunions" } },
  { path: "/profile", heading: { en: "My profile", fr: "Mon profil" } },
  { path: "/about", heading: { en: "About the portal", fr: "À propos du portail" } },
] as const;

const shellText = {
  en: { signature: "Government of Canada", toggle: "Français", signOut: "Sign out", nav: "Main navigation", skip: "Skip to main content" },
  fr: { signature: "Gouvernement du Canada", toggle: "English", signOut: "Se déconnecter", nav: "Navigation principale", skip: "Passer au contenu principal" },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  test.describe(`the shell in ${locale}`, () => {
    test.beforeEach(async ({ page }) => {
      await signIn(page, demoAccounts.repJus, locale);
    });

    for (const { path, heading } of pages) {
      test(`shows ${path || "home"} with the shell, in ${locale}, with no axe violations`, async ({ page }) => {
        await page.goto(`/${locale}${path}`);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading[locale]);
        const text = shellText[locale];
        await expect(page.getByTestId("gc-signature")).toHaveText(text.signature);
        await expect(page.getByRole("button", { name: text.signOut })).toBeVisible();
        await expect(page.getByRole("navigation", { name: text.nav })).toBeVisible();
        await expect(page.getByRole("link", { name: text.skip })).toHaveAttribute("href", "#main-content");
        await expectNoAxeViolations(page);

        // The toggle leads to the same page in the other language.
        const other = locale === "en" ? "fr" : "en";
        await page.getByTestId("language-toggle").click();
        await expect(page).toHaveURL(new RegExp(`/${other}${path}$`));
        await expect(page.locator("html")).toHaveAttribute("lang", other);
      });
    }

    test(`lists the 16 departments sorted by name, in ${locale}`, async ({ page }) => {
      await page.goto(`/${locale}/departments`);
      const rows = page.getByTestId("departments-table").locator("tbody tr");
      await expect(rows).toHaveCount(16);
      const names = await rows.locator("th").allInnerTexts();
      const plain = names.map((name) => name.replace(/\s*\(.*\)$/, ""));
      const collator = new Intl.Collator(locale === "fr" ? "fr-CA" : "en-CA", { sensitivity: "base" });
      expect(plain).toEqual([...plain].sort(collator.compare));
      await expect(page.getByRole("link", { name: locale === "fr" ? "GRC" : "RCMP" })).toBeVisible();
    });

    test(`shows a department's initiatives and representatives, in ${locale}`, async ({ page }) => {
      await page.goto(`/${locale}/departments/RCMP`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "fr" ? "Gendarmerie royale du Canada" : "Royal Canadian Mounted Police");
      await expect(page.getByText("IWG-0002")).toBeVisible();
      await expect(page.getByText("IWG-0007")).toBeVisible();
      await expect(page.getByText("rep.rcmp@iwgtip.example")).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test(`answers an unknown department with the not-found page, in ${locale}`, async ({ page }) => {
      const response = await page.goto(`/${locale}/departments/NOPE`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "fr" ? "Nous ne trouvons pas cette page" : "We couldn't find that page");
      await expectNoAxeViolations(page);
    });

    test(`hides administration from a representative and refuses it, in ${locale}`, async ({ page }) => {
      await page.goto(`/${locale}/departments`);
      const nav = page.getByRole("navigation", { name: shellText[locale].nav });
      await expect(nav.getByRole("link", { name: locale === "fr" ? "Administration" : "Administration" })).toHaveCount(0);
      const response = await page.goto(`/${locale}/admin`);
      expect(response?.status()).toBe(404);
    });
  });
}

test("shows Administration to an administrator", async ({ page }) => {
  await signIn(page, demoAccounts.admin, "en");
  await page.goto("/en/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Administration" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("fits a phone screen without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, demoAccounts.repJus, "en");
  await page.goto("/en");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});

test("the scan of every page fails on an id used twice (the check behind expectNoAxeViolations)", async ({ page }) => {
  await page.setContent(`<main><label for="outcome">A</label><textarea id="outcome"></textarea><label for="outcome">B</label><textarea id="outcome"></textarea><p id="once"></p></main>`);
  expect(await duplicateIds(page)).toEqual(["outcome"]);
});
