import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium (no browser download). `npm test` starts the
 * database and builds the app first; this config starts `next start` against it.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Without the networking flags Chromium keeps trying hosts this machine cannot reach.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /settings\.spec\.ts/ },
    // Changes settings that other tests read (the security marking): runs once every other test is done.
    { name: "settings", use: { ...devices["Desktop Chrome"] }, testMatch: /settings\.spec\.ts/, dependencies: ["chromium"] },
  ],
  webServer: {
    // Next's own bin on this Node (24, from npm ci): no npx in between, whose child could outlive the stop.
    command: `"${process.execPath}" node_modules/next/dist/bin/next start -p ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production-use-0123456789",
      // Chromium connects to the portal directly: no proxy's X-Forwarded-For or X-Request-Id is believed.
      TRUSTED_PROXIES: "none",
      // Single sign-on against the issuer e2e/sso.spec.ts starts on the next port (e2e/oidc-issuer.ts).
      OIDC_ISSUER: `http://localhost:${port + 1}`,
      OIDC_CLIENT_ID: "iwgtip-e2e",
      OIDC_CLIENT_SECRET: "iwgtip-e2e-client-secret-0123456789abcdef",
      OIDC_NAME: "Émetteur d’essai",
    },
  },
});
