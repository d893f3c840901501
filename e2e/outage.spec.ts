import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test } from "./fixtures";

/**
 * A second portal whose database cannot be reached (nothing listens on its port), sharing
 * the session secret, so a session made on the healthy portal is valid on it too
 * (cookies are per host, not per port).
 */
// +2: the single sign-on tests run their issuer on +1.
const port = Number(process.env.E2E_PORT ?? 3100) + 2;
const outageUrl = `http://localhost:${port}`;
let server: ChildProcess;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // Node runs Next's own bin (not npx, whose child would outlive a kill), in its own process
  // group so that afterAll can end the whole group.
  server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://nobody:nothing@127.0.0.1:9/none",
      NEXTAUTH_URL: outageUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production-use-0123456789",
      // A production server refuses to start without the proxy setting (lib/security/peer-guard.ts).
      TRUSTED_PROXIES: "none",
    },
    stdio: "ignore",
  });
  for (let attempt = 0; attempt < 120; attempt++) {
    const ready = await fetch(`${outageUrl}/api/health`).then(() => true, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the outage portal did not start");
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

test("the health check says the database is down", async ({ request }) => {
  const response = await request.get(`${outageUrl}/api/health`);
  expect(response.status()).toBe(503);
  expect(await response.json()).toEqual({ status: "unavailable", database: "down" });
});

test("a signed-in page says the service is unavailable, in the user's language", async ({ page }) => {
  await signIn(page, demoAccounts.repJus, "fr");
  await page.goto(`${outageUrl}/fr/departments`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Le service est temporairement indisponible");
  await expectNoAxeViolations(page);
  await page.goto(`${outageUrl}/en/departments`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The service is temporarily unavailable");
});

test("signing in says the service is unavailable rather than blaming the password", async ({ page }) => {
  await page.goto(`${outageUrl}/en/sign-in`);
  await page.getByLabel("Email").fill(demoAccounts.repJus);
  await page.getByLabel("Password").fill("iwgtip-demo-2007");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("sign-in-form").getByRole("alert")).toContainText("Sign-in is unavailable right now");
});

test("the healthy portal is unaffected", async ({ request }) => {
  expect((await request.get("/api/health")).status()).toBe(200);
});
