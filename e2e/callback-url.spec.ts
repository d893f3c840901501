import { demoAccounts, demoPassword, expect, expectNoAxeViolations, signIn, test } from "./fixtures";

/*
 * Issue 17, point 3: the page to return to after signing in stays on the portal, whatever the link says.
 * Browsers drop tabs and line breaks inside an address, so `/<tab>/evil.example` used to send a person
 * off-site once signed in.
 */

test("signs in from a link with a hidden tab in its return address and stays on the portal (EN)", async ({ page, baseURL }) => {
  await page.goto(`/en/sign-in?callbackUrl=${encodeURIComponent("/\t/evil.example/en")}`);
  await expectNoAxeViolations(page);
  await page.getByLabel("Email").fill(demoAccounts.repJus);
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}/en`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("signs in from a link with a line break in its return address and stays on the portal (FR)", async ({ page, baseURL }) => {
  await page.goto(`/fr/sign-in?callbackUrl=${encodeURIComponent("/\n/evil.example/fr")}`);
  await expectNoAxeViolations(page);
  await page.getByLabel("Courriel").fill(demoAccounts.repJus);
  await page.getByLabel("Mot de passe").fill(demoPassword);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}/fr`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

const hostileQueries = [
  "callbackUrl=%2F%09%2Fevil.example",
  "callbackUrl=%2F%5Cevil.example",
  "callbackUrl=%2F%2Fevil.example",
  "callbackUrl=javascript%3Aalert(1)",
  "callbackUrl=java%09script%3Aalert(1)",
  "callbackUrl=%00",
  "callbackUrl=%E0%A4%A",
  "callbackUrl=%",
  "callbackUrl=%2F%2E%2F%2Fevil.example",
  "callbackUrl=https%3A%2F%2Fevil.example",
  "callbackUrl=a&callbackUrl=%2F%2Fevil.example",
  `callbackUrl=${"%2F".repeat(3000)}`,
  `callbackUrl=/en/${"x".repeat(6000)}`,
];

test("answers every hostile return address without an error, signed out and signed in, and redirects only on the portal", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const query of hostileQueries) {
    const response = await page.request.get(`/en/sign-in?${query}`, { maxRedirects: 0 });
    expect(response.status(), query).toBeLessThan(500);
  }
  await signIn(page, demoAccounts.coordinator);
  for (const query of hostileQueries) {
    const response = await page.request.get(`/fr/sign-in?${query}`, { maxRedirects: 0 });
    expect(response.status(), query).toBeLessThan(500);
    const location = response.headers()["location"];
    if (location) expect(new URL(location, origin).origin, query).toBe(origin);
    if (location) expect(new URL(location, origin).pathname, query).not.toMatch(/^\/[\\/]/);
  }
});
