import { randomUUID } from "node:crypto";
import { sql } from "./db";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test } from "./fixtures";

/*
 * Issue 17, points 10 and 1, through the real server: a page whose address has a dot in it goes through the
 * proxy like any other (nonce CSP, request id, cross-site check), and with no trusted proxy nothing a client
 * writes in X-Forwarded-For or X-Request-Id is believed.
 */

test("a page address with a dot in it gets the page's CSP and a request id (EN)", async ({ page }) => {
  await signIn(page, demoAccounts.repJus, "en");
  const response = await page.goto("/en/initiatives/report.v2");
  expect(response!.status()).toBe(404);
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a page address with a dot in it gets the page's CSP and a request id (FR)", async ({ page }) => {
  await signIn(page, demoAccounts.repJus, "fr");
  const response = await page.goto("/fr/departments/J.U.S");
  expect(response!.status()).toBe(404);
  expect(response!.headers()["content-security-policy"]).toMatch(/'nonce-[^']+'/);
  expect(response!.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a cross-site write to an address with a dot in it is refused by the proxy", async ({ request }) => {
  const response = await request.post("/en/sign-in.json", { headers: { origin: "http://evil.example", "next-action": "0".repeat(42) }, data: "[]", maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("Nothing was changed.");
});

test("a client's own X-Request-Id and X-Forwarded-For are not believed without a trusted proxy", async ({ request }) => {
  const claimed = "203.0.113.199";
  const response = await request.get("/api/health", { headers: { "X-Request-Id": "chosen-by-the-client-0001", "X-Forwarded-For": claimed } });
  expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers()["x-request-id"]).not.toBe("chosen-by-the-client-0001");
});

test("a sign-in attempt is recorded with the connection's address, not the one the client wrote", async ({ page }) => {
  const claimed = "203.0.113.198";
  const email = `nobody-${randomUUID().slice(0, 8)}@iwgtip.example`;
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": claimed });
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("sign-in-form").getByRole("alert")).toContainText("The e-mail address or password is incorrect");
  const attempts = await sql<{ ip: string }>("SELECT ip FROM sign_in_attempts WHERE email = $1", [email]);
  expect(attempts).toHaveLength(1);
  expect(attempts[0]!.ip).not.toBe(claimed);
  expect(attempts[0]!.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
});
