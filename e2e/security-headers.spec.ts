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

/** A meeting's id, from the meetings list. */
async function aMeetingId(page: Page): Promise<string> {
  await page.goto("/en/meetings");
  const href = await page.locator('a[href*="/meetings/"]').evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? "").find((value) => /\/meetings\/[0-9a-f-]{36}$/.test(value)));
  return href!.split("/").pop()!;
}

test("every kind of response carries the headers: page, server action, route handler, CSV, PDF, .ics, error pages", async ({ page }) => {
  await signIn(page, demoAccounts.repJus, "en");
  const meetingId = await aMeetingId(page);
  // Everything below is asked for as if through a TLS proxy, so HSTS must be on every answer.
  await page.setExtraHTTPHeaders({ "X-Forwarded-Proto": "https" });

  const answers: Record<string, { status: number; headers: Record<string, string> }> = {};
  const keep = async (kind: string, response: { status(): number; headers(): Record<string, string> } | null) => {
    answers[kind] = { status: response!.status(), headers: response!.headers() };
  };

  await keep("page", await page.goto("/en/initiatives/new"));
  // A server action: the empty form is refused (nothing is saved) and the answer comes back as the action's response.
  const actionResponse = page.waitForResponse((response) => response.request().method() === "POST" && Boolean(response.request().headers()["next-action"]));
  await page.getByRole("button", { name: "Create the initiative" }).click();
  await keep("server action", await actionResponse);
  await keep("not-found page", await page.goto("/en/no-such-page"));
  const overHttps = { headers: { "X-Forwarded-Proto": "https" } };
  await keep("route handler (JSON)", await page.request.get("/api/health", overHttps));
  await keep("CSV", await page.request.get("/api/initiatives/export?locale=en", overHttps));
  await keep("PDF", await page.request.get(`/api/meetings/${meetingId}/pdf?locale=fr`, overHttps));
  await keep("ics", await page.request.get(`/api/meetings/${meetingId}/ics`, overHttps));
  await keep("route handler not found", await page.request.get("/api/meetings/00000000-0000-0000-0000-000000000000/pdf", overHttps));

  expect(answers["not-found page"]!.status).toBe(404);
  expect(answers["route handler not found"]!.status).toBe(404);
  for (const [kind, { headers }] of Object.entries(answers)) {
    expectBaseHeaders(headers);
    expect(headers["strict-transport-security"], kind).toBe("max-age=31536000; includeSubDomains");
    expect(headers["x-request-id"], kind).toMatch(/^[0-9a-f-]{36}$/);
  }
  // Pages and server actions run scripts only with this response's nonce; nothing else runs anything.
  for (const kind of ["page", "server action", "not-found page"]) expect(answers[kind]!.headers["content-security-policy"], kind).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  for (const kind of ["route handler (JSON)", "CSV", "PDF", "ics"]) expect(answers[kind]!.headers["content-security-policy"], kind).toContain("default-src 'none'");
  // What a signed-in person sees is never kept by a cache.
  for (const kind of ["page", "server action", "CSV", "PDF", "ics"]) expect(answers[kind]!.headers["cache-control"], kind).toContain("no-store");
  expect(answers.PDF!.headers["content-type"]).toBe("application/pdf");
});

test("hostile addresses are not found, never a server error", async ({ page }) => {
  await signIn(page, demoAccounts.repJus, "en");
  const notAnId = "-".repeat(36);
  for (const path of [`/en/initiatives/${notAnId}`, `/en/meetings/${notAnId}`, `/en/update-calls/${notAnId}`, "/en/departments/%5C", `/en/initiatives/${notAnId}/edit`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  for (const path of ["/en/initiatives?q=%00", "/en/initiatives?q=%27%3B--&department=%5C"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  for (const path of [`/api/meetings/${notAnId}/pdf`, `/api/meetings/${notAnId}/ics`, `/api/initiatives/export?department=${notAnId}&q=%00%27`]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBeLessThan(500);
    expect(await response.text(), path).not.toMatch(/prisma|invalid input syntax|\bat \//i);
  }
});
