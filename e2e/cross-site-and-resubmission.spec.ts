import { randomUUID } from "node:crypto";
import type { Page, Request } from "@playwright/test";
import { demoAccounts, expect, signIn, test } from "./fixtures";

/**
 * Issue 8, points 2 and 3, through the real server: a server action or a route handler called from another
 * origin changes nothing, and the same create form submitted 100 times at once creates one record.
 */

type Captured = { url: string; headers: Record<string, string>; body: Buffer };

/** Submits a form and keeps its server-action request instead of sending it. */
async function captureServerAction(page: Page, submit: () => Promise<void>): Promise<Captured> {
  let captured: Captured | null = null;
  const keep = async (request: Request) => {
    const headers = await request.allHeaders();
    delete headers.cookie;
    delete headers["content-length"];
    delete headers.host;
    captured = { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
  };
  await page.route("**/*", async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      await keep(route.request());
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await submit();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return captured!;
}

/** How many initiatives the list finds by this title (through its CSV, which exports the filtered list). */
async function initiativesTitled(page: Page, title: string): Promise<number> {
  const csv = await page.request.get(`/api/initiatives/export?locale=en&q=${encodeURIComponent(title)}`);
  expect(csv.status()).toBe(200);
  return (await csv.text()).split("\n").filter((line) => line.includes(title)).length;
}

test("a create form's server action sent from another site is refused and creates nothing; sent 100 times at once from the portal, it creates one initiative", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demoAccounts.repJus, "en");
  await page.goto("/en/initiatives/new");
  const key = page.locator('input[name="idempotencyKey"]');
  // The key is made once the form's script runs: one per page, fresh after each answer.
  await expect(key).toHaveValue(/^[0-9a-f-]{36}$/);
  const title = `Double submission ${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Title in English", { exact: true }).fill(title);
  await page.getByLabel("Primary pillar").selectOption({ label: "Protection" });
  // Read before submitting: the aborted request makes the page show its error boundary, form gone.
  const sentKey = await key.inputValue();
  const action = await captureServerAction(page, () => page.getByRole("button", { name: "Create the initiative" }).click());
  expect(action.body.toString("utf8")).toContain(sentKey);

  const send = (headers: Record<string, string>) => page.request.post(action.url, { headers: { ...action.headers, ...headers }, data: action.body, maxRedirects: 0 });
  const crossSiteHeaders: Record<string, string>[] = [{ origin: "http://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
  for (const crossSite of crossSiteHeaders) {
    const refused = await send(crossSite);
    expect(refused.status(), JSON.stringify(crossSite)).toBe(403);
    expect(await refused.text()).toContain("another site");
  }
  expect(await initiativesTitled(page, title)).toBe(0);

  const answers = await Promise.all(Array.from({ length: 100 }, () => send({})));
  expect(answers.filter((answer) => answer.status() >= 400).map((answer) => answer.status())).toEqual([]);
  expect(await initiativesTitled(page, title)).toBe(1);
});

test("route handlers refuse writes from another site, and reads from another site cannot be read by it", async ({ page }) => {
  await signIn(page, demoAccounts.repJus, "en");
  const evil = { origin: "http://evil.example" };

  const signOut = await page.request.post("/api/auth/signout", { headers: evil, form: { callbackUrl: "/en" } });
  expect(signOut.status()).toBe(403);
  expect(signOut.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const csvPost = await page.request.post("/api/initiatives/export?locale=en", { headers: { "sec-fetch-site": "cross-site" } });
  expect(csvPost.status()).toBe(403);
  // Still signed in: the refused sign-out changed nothing.
  const stillSignedIn = await page.goto("/en/departments");
  expect(stillSignedIn?.url()).toMatch(/\/en\/departments$/);

  // A GET changes nothing; and without CORS headers another site's script cannot read the answer.
  const csv = await page.request.get("/api/initiatives/export?locale=en", { headers: evil });
  expect(csv.status()).toBe(200);
  expect(csv.headers()["access-control-allow-origin"]).toBeUndefined();
});
