/**
 * What the resilience tests share: an embedded PostgreSQL of their own that they may stop and start, production
 * portals (`next start` of the existing build) on it, and a client that signs in and posts forms the way a browser
 * without JavaScript does (multipart, with the hidden fields React renders for the server action).
 *
 * Ports: the database on EMBEDDED_PG_PORT + 5 (default 54326), portals from E2E_PORT + 5 (default 3105), so that
 * they never meet the test database or the end-to-end portals.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";
import { seed } from "../../prisma/seed";
import { DEMO_TOTP_SECRETS } from "../../prisma/seed-data";
import { currentStep, totpCode, totpStepSeconds } from "../../e2e/totp";
import { type EmbeddedPostgres, ensureDatabase, startEmbeddedPostgres } from "../../scripts/db/embedded";
import { migrate } from "../../scripts/db/migrate";
import { projectRoot } from "../../scripts/db/migrations-folder";

export type Locale = "en" | "fr";
export const demoPassword = "iwgtip-demo-2007";
export const messages = { en, fr } as const;

const databasePort = Number(process.env.EMBEDDED_PG_PORT ?? 54321) + 5;
export const portalPort = (index: number) => Number(process.env.E2E_PORT ?? 3100) + 5 + index;

/** A database the test owns: stop() and start() restart the very same cluster (same folder, same port). */
export class OwnDatabase {
  private server: EmbeddedPostgres | undefined;
  databaseUrl = "";

  private constructor(private readonly dataDir: string) {}

  /** A new cluster in `.data/postgres-resilience-<name>`, migrated and seeded. */
  static async create(name: string): Promise<OwnDatabase> {
    const database = new OwnDatabase(path.join(projectRoot, ".data", `postgres-resilience-${name}`));
    rmSync(database.dataDir, { recursive: true, force: true });
    await database.start();
    await ensureDatabase(database.server!.databaseUrl("postgres"), "iwgtip");
    database.databaseUrl = database.server!.databaseUrl("iwgtip");
    await migrate(database.databaseUrl, { quiet: true });
    await seed(database.databaseUrl, { log: () => {} });
    return database;
  }

  async start(): Promise<void> {
    this.server = await startEmbeddedPostgres({ dataDir: this.dataDir, port: databasePort });
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on("error", () => {});
    await client.connect();
    try {
      return (await client.query<T>(sql, values)).rows;
    } finally {
      await client.end();
    }
  }
}

export interface Portal {
  url: string;
  process: ChildProcess;
  /** Everything the server printed, for failure messages: test-results/resilience/portal-<port>.log. */
  logFile: string;
  stop(): Promise<void>;
}

/** Settings every instance of one deployment shares (README "Several instances"). */
export const sharedSettings: Record<string, string> = {
  NODE_ENV: "production",
  NEXTAUTH_SECRET: "resilience-only-secret-not-for-production-0123456789",
  // Any 32 random bytes, base64: the same on every instance, so a form rendered by one posts to another even when
  // each was built on its own.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "zr5lH0iXjY5yqGkz0Sx0q9l2Q0oQb4o9PSmYVY7H2Lg=",
  // The test stands for the load balancer: it says which client address a request comes from.
  TRUSTED_PROXIES: "127.0.0.1,::1",
};

/** `next start` of the existing build on `port`, in a process group of its own. Resolves once /api/health answers 200. */
export async function startPortal(port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<Portal> {
  const url = `http://localhost:${port}`;
  const logFile = path.join(projectRoot, "test-results", "resilience", `portal-${port}.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [path.join(projectRoot, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    cwd: projectRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...sharedSettings, DATABASE_URL: databaseUrl, NEXTAUTH_URL: url, ...env } as NodeJS.ProcessEnv,
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const portal: Portal = {
    url,
    process: child,
    logFile,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        return;
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    },
  };
  for (let waited = 0; waited < 120_000; waited += 250) {
    if (child.exitCode !== null) throw new Error(`next start on ${port} exited (${child.exitCode}); see ${logFile}`);
    if (await fetch(`${url}/api/health`).then((response) => response.ok, () => false)) return portal;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await portal.stop();
  throw new Error(`next start on ${port} did not become healthy; see ${logFile}`);
}

const cookiePairs = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);

/**
 * Signs in through next-auth's credentials endpoint, as the sign-in form does, from the client address `from`.
 * Returns the session cookie, or null when sign-in was refused (for whatever reason: the answer is the same).
 */
/*
 * The demo administrator and coordinator sign in with a TOTP code too (issue 17, point 7), and a code's step works
 * once per account: the steps used are kept in a file, since the test files run one after another in separate
 * workers against the same portals' database.
 */
const usedStepsFile = path.join(os.tmpdir(), `iwgtip-resilience-totp-${process.env.E2E_PORT ?? 3100}.json`);

async function freshCode(email: string): Promise<string | undefined> {
  const secret = DEMO_TOTP_SECRETS[email];
  if (!secret) return undefined;
  let used: Record<string, number> = {};
  try {
    used = JSON.parse(readFileSync(usedStepsFile, "utf8")) as Record<string, number>;
  } catch {
    // No step used yet in this run.
  }
  // The verifier accepts the step after the current one (a clock that runs ahead); beyond that, wait for the clock.
  const step = Math.max(currentStep(), (used[email] ?? 0) + 1);
  const waitMs = (step - 1) * totpStepSeconds * 1000 - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 50));
  writeFileSync(usedStepsFile, JSON.stringify({ ...used, [email]: step }));
  return totpCode(secret, step);
}

export async function signIn(baseUrl: string, email: string, { password = demoPassword, from = "203.0.113.1" } = {}): Promise<string | null> {
  const code = password === demoPassword ? await freshCode(email) : undefined;
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; "), "x-forwarded-for": from },
    body: new URLSearchParams({ csrfToken, email, password, ...(code ? { code } : {}), json: "true" }),
  });
  await response.arrayBuffer();
  return cookiePairs(response).find((cookie) => cookie.includes("session-token")) ?? null;
}

const entities: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" };
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
    if (code.startsWith("#x") || code.startsWith("#X")) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith("#")) return String.fromCodePoint(Number(code.slice(1)));
    return entities[code] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/\s([^\s=/>]+)(?:="([^"]*)")?/g)) found[match[1]!] = decodeEntities(match[2] ?? "");
  return found;
}

/**
 * What a browser would submit for the form `data-testid=<testId>` of `html` (React's markup: double-quoted
 * attributes, entities escaped): hidden and text inputs, checked boxes, selected options, textareas.
 */
export function formFields(html: string, testId: string): [string, string][] {
  const form = new RegExp(`<form[^>]*data-testid="${testId}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
  if (form === undefined) throw new Error(`no form ${testId} in the page`);
  const fields: [string, string][] = [];
  for (const match of form.matchAll(/<input\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const [whole, textareaAttributes, textareaBody, selectAttributes, selectBody] = match;
    if (textareaAttributes !== undefined) {
      const { name } = attributes(textareaAttributes);
      if (name) fields.push([name, decodeEntities(textareaBody!)]);
    } else if (selectAttributes !== undefined) {
      const { name, multiple } = attributes(selectAttributes);
      const options = [...selectBody!.matchAll(/<option\b[^>]*>/g)].map((option) => attributes(option[0]));
      const selected = options.filter((option) => "selected" in option);
      if (!name) continue;
      const chosen = selected.length > 0 ? selected : multiple === undefined && options[0] ? [options[0]] : [];
      for (const option of chosen) fields.push([name, option.value ?? ""]);
    } else {
      const input = attributes(whole);
      if (!input.name || input.disabled !== undefined) continue;
      if ((input.type === "checkbox" || input.type === "radio") && !("checked" in input)) continue;
      if (input.type === "submit" || input.type === "button" || input.type === "file") continue;
      fields.push([input.name, input.value ?? (input.type === "checkbox" ? "on" : "")]);
    }
  }
  return fields;
}

export interface FormAnswer {
  status: number;
  location: string | null;
  body: string;
}

/** Posts form fields as multipart to `pageUrl`, as a browser without JavaScript submits a server action's form. */
export async function postForm(pageUrl: string, fields: [string, string][], cookie: string, signal?: AbortSignal): Promise<FormAnswer> {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  const response = await fetch(pageUrl, {
    method: "POST",
    body,
    redirect: "manual",
    // The page's own origin, as a browser sends it; the load balancer would present one host for every instance.
    headers: { cookie, origin: new URL(pageUrl).origin },
    signal,
  });
  return { status: response.status, location: response.headers.get("location"), body: await response.text() };
}

/** Replaces the values of `changes`' names in `fields` (adding those that are missing). */
export function withValues(fields: [string, string][], changes: Record<string, string>): [string, string][] {
  const kept = fields.filter(([name]) => !(name in changes));
  return [...kept, ...Object.entries(changes)];
}

/** The first initiative's id in the list page's links. */
export async function anInitiativeId(baseUrl: string, cookie: string, index = 0): Promise<string> {
  const html = await (await fetch(`${baseUrl}/en/initiatives`, { headers: { cookie } })).text();
  const ids = [...new Set([...html.matchAll(/\/en\/initiatives\/([0-9a-f-]{36})"/g)].map((match) => match[1]!))];
  if (!ids[index]) throw new Error("no initiative on the list page");
  return ids[index];
}
