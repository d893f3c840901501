/**
 * What `npm start` (scripts/run.ts) checks before a production server may start (issue 17, point 9): a production
 * start never falls back to the zero-setup demo (embedded database, invented secret, demo accounts).
 *
 * These checks belong to the start script, not to the server: the end-to-end, resilience and benchmark runs start
 * `next start` themselves, with a fixed test secret on http://localhost, and must keep doing so. The server itself
 * still refuses to start without TRUSTED_PROXIES (instrumentation.ts).
 */
import { loadEnvConfig } from "@next/env";
import pg from "pg";
import { parseTrustedProxies } from "../lib/auth/client-address";
import { documentStoreProblems } from "../lib/documents/store-config";
import { demoUsers } from "../prisma/seed-data";

/**
 * Reads `.env` and its siblings (`.env.local`, `.env.production`, …) from `dir` into process.env the way Next
 * itself does (@next/env, the loader `next start` uses), so that the start script checks what the server will see.
 * Variables already set in the environment win.
 */
export function loadEnvironment(dir: string, { dev }: { dev: boolean }): void {
  loadEnvConfig(dir, dev, { info: () => {}, error: (...args: unknown[]) => console.error(...args) });
}

/** The environment as these checks read it (process.env, or a test's own). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Secrets that are published (in this repository, its examples and its tests): never good for production. */
const publishedSecrets = new Set([
  "e2e-only-secret-not-for-production-use-0123456789",
  "resilience-only-secret-not-for-production-0123456789",
  "bench-only-secret-not-for-production-0123456789",
  "change-me",
]);

/** Words that give away a secret someone typed rather than generated. */
const madeUpWords = /secret|password|passwd|change-?me|example|not-for-production|iwgtip/i;

/**
 * A rough upper bound of the bits of entropy in `secret`: its length times log2 of the alphabet its characters
 * come from (hex, base64, or any printable character). Generated secrets reach it; typed ones are caught by the
 * other checks (too few distinct characters, published values, words).
 */
export function secretStrengthBits(secret: string): number {
  const alphabet = /^[0-9a-f]+$/i.test(secret) ? 16 : /^[A-Za-z0-9+/=_-]+$/.test(secret) ? 64 : 95;
  return Math.floor(secret.replace(/=+$/, "").length * Math.log2(alphabet));
}

/** 32 random bytes: what `openssl rand -base64 32` makes. */
export const minimumSecretBits = 256;

/** Why this NEXTAUTH_SECRET is not good enough for production, or null. */
export function secretProblem(secret: string | undefined): string | null {
  const advice = "make one with: openssl rand -base64 32";
  if (!secret) return `NEXTAUTH_SECRET is not set (${advice}).`;
  if (publishedSecrets.has(secret) || madeUpWords.test(secret)) return `NEXTAUTH_SECRET is a published or made-up value (${advice}).`;
  if (new Set(secret).size < 12 || secretStrengthBits(secret) < minimumSecretBits) return `NEXTAUTH_SECRET is too weak: it needs at least 32 random bytes (${advice}).`;
  return null;
}

/** Every reason the environment is not fit for a production start (empty when it is). */
export function productionEnvironmentProblems(environment: Environment): string[] {
  const problems: string[] = [];
  if (!environment.DATABASE_URL) problems.push("DATABASE_URL is not set: production never runs on the embedded demo database.");
  const secret = secretProblem(environment.NEXTAUTH_SECRET);
  if (secret) problems.push(secret);
  let siteUrl: URL | null = null;
  try {
    siteUrl = environment.NEXTAUTH_URL ? new URL(environment.NEXTAUTH_URL) : null;
  } catch {
    siteUrl = null;
  }
  if (!siteUrl || siteUrl.protocol !== "https:") problems.push("NEXTAUTH_URL must be the portal's public https:// address (e.g. https://iwgtip.example.gc.ca).");
  const proxies = environment.TRUSTED_PROXIES?.trim() ?? "";
  if (!proxies) problems.push('TRUSTED_PROXIES is not set: the addresses of the reverse proxies in front of the portal, or "none".');
  else {
    try {
      parseTrustedProxies(proxies);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (environment.DEMO_DATA === "on") problems.push("DEMO_DATA=on: demo data is never created in production.");
  // DOCUMENT_STORE=s3 without its bucket (or with half a key) would fail every upload: say so before starting.
  problems.push(...documentStoreProblems(environment));
  return problems;
}

/** The seed's demo accounts (published password) that are active in this database. */
export async function activeDemoAccounts(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    const emails = demoUsers.map((user) => user.email.toLowerCase());
    const { rows } = await client.query<{ email: string }>("SELECT email FROM users WHERE lower(email) = ANY($1::text[]) AND active ORDER BY email", [emails]);
    return rows.map((row) => row.email);
  } finally {
    await client.end();
  }
}

/** Why a production server may not start on this database (empty when it may). */
export async function productionDatabaseProblems(databaseUrl: string): Promise<string[]> {
  const demo = await activeDemoAccounts(databaseUrl);
  if (demo.length === 0) return [];
  return [`The database holds active demo accounts, whose password is published: ${demo.join(", ")}. Deactivate them (Administration > Users) or use another database.`];
}

/**
 * Whether the start script creates the demo data on a database that has none: always for the test database;
 * for `npm run dev` / `npm start`, when DEMO_DATA=on, or by default on the embedded database (no DATABASE_URL),
 * which is the zero-setup demonstration. Never in production.
 */
export function demoDataWanted(kind: "dev" | "test", environment: Environment): boolean {
  if (environment.NODE_ENV === "production") return false;
  if (kind === "test") return true;
  if (environment.DEMO_DATA === "on") return true;
  if (environment.DEMO_DATA === "off") return false;
  return !environment.DATABASE_URL;
}
