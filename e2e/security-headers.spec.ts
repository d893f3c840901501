import type { APIResponse, Page } from "@playwright/test";
import { demoAccounts, expect, signIn, test } from "./fixtures";

function expectBaseHeaders(headers: Record<string, string>) {
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
}

function nonceOf(headers: Record<string, string>): string {
  const match = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "");
  expect(match, "a nonce in script-src").not.toBeNull();
  return match![1]!;
}

/** Collects the browser's CSP complaints while a test runs. */
function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("a page carries a nonce-based CSP that changes with every response", async ({ request }) => {
  const first = await request.get("/en/sign-in");
  const second = await request.get("/en/sign-in");
  expectBaseHeaders(first.headers());
  expect(first.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(nonceOf(first.headers())).not.toBe(nonceOf(second.headers()));
  // Every inline script carries the nonce.
  const html = await first.text();
  const nonce = nonceOf(first.headers());
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)];
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const [, attributes] of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
});

test("a signed-in page is never stored by caches", async ({ page }) => {
  await signIn(page, demoAccounts.repJus, "en");
  const response = (await page.goto("/en/departments"))!;
  const headers = response.headers();
  expectBaseHeaders(headers);
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("the not-found page carries the same headers", async ({ page }) => {
  await signIn(page, demoAccounts.repJus, "fr");
  const response = (await page.goto("/fr/no-such-page"))!;
  expect(response.status()).toBe(404);
  expectBaseHeaders(response.headers());
});

test("route handlers answer with a CSP that allows nothing", async ({ request }) => {
  const response: APIResponse = await request.get("/api/health");
  expectBaseHeaders(response.headers());
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("HSTS is sent when the portal is reached over HTTPS", async ({ request }) => {
  const overHttps = await request.get("/api/health", { headers: { "X-Forwarded-Proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
});

test("the browser reports no CSP violation while signing in and browsing", async ({ page }) => {
  const violations = watchCspViolations(page);
  await page.goto("/en/sign-in");
  // The client-side validation proves the page's scripts ran under the policy.
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("#email-error")).toBeVisible();
  await signIn(page, demoAccounts.repJus, "en");
  await page.goto("/en/departments/RCMP");
  await page.getByTestId("language-toggle").click();
  await expect(page).toHaveURL(/\/fr\/departments\/RCMP$/);
  expect(violations).toEqual([]);
});
