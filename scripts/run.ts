/**
 * Runs the portal with no other setup:
 *
 *   npm run dev     →  tsx scripts/run.ts dev     (next dev, hot reload)
 *   npm start       →  tsx scripts/run.ts start   (next build when the build is missing or stale, then next start)
 *
 * The database comes from prepareDatabase("dev"): DATABASE_URL if set, else an embedded PostgreSQL in .data/,
 * migrated and seeded on first start. The app listens on PORT (default 3000). Outside production, NEXTAUTH_SECRET
 * and NEXTAUTH_URL get development defaults when unset (a random secret kept in .data/dev-secret). `.env` files are
 * read as Next reads them. With NODE_ENV=production it refuses to start without DATABASE_URL, a strong
 * NEXTAUTH_SECRET, an https NEXTAUTH_URL and TRUSTED_PROXIES, or on a database with active demo accounts
 * (scripts/production-checks.ts).
 * Ctrl-C or SIGTERM stops Next and then the embedded PostgreSQL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIsStale } from "./build-state";
import { DataFolderVersionError } from "./db/embedded";
import { prepareDatabase } from "./db/prepare";
import { loadEnvironment, productionDatabaseProblems, productionEnvironmentProblems } from "./production-checks";
import { serverEnvironment, serverNodeFlags } from "./server-flags";

const projectRoot = path.resolve(__dirname, "..");

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== "dev" && mode !== "start") {
    console.error("Usage: tsx scripts/run.ts dev|start");
    process.exit(2);
  }
  const port = process.env.PORT ?? "3000";
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65_535) {
    console.error(`PORT must be a TCP port number, not "${port}".`);
    process.exit(2);
  }

  // `.env` and its siblings, read the way Next reads them, before anything looks at the environment.
  loadEnvironment(projectRoot, { dev: mode === "dev" });
  const production = process.env.NODE_ENV === "production";
  if (production) refuseUnless(productionEnvironmentProblems(process.env));

  const database = await prepareDatabase({ kind: "dev" });
  if (production) {
    const problems = await productionDatabaseProblems(database.databaseUrl).catch(async (error: unknown) => {
      await database.stop();
      throw error;
    });
    if (problems.length > 0) {
      await database.stop();
      refuseUnless(problems);
    }
  }
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.databaseUrl, PORT: port, ...developmentAuthDefaults(port) };

  let child: ChildProcess | undefined;
  let stopping = false;
  const forward = (signal: NodeJS.Signals) => {
    stopping = true;
    if (child && child.exitCode === null) child.kill(signal);
    else void database.stop().then(() => process.exit(128 + (signal === "SIGINT" ? 2 : 15)));
  };
  process.on("SIGINT", () => forward("SIGINT"));
  process.on("SIGTERM", () => forward("SIGTERM"));

  const runNext = (args: string[], nodeFlags: string[] = [], serverEnv: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      child = spawn(process.execPath, [...nodeFlags, nextBin(), ...args], { cwd: projectRoot, env: { ...env, ...serverEnv }, stdio: "inherit" });
      child.on("error", reject);
      child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : 15) : 1)));
    });

  let exitCode = 0;
  try {
    if (mode === "start" && buildIsStale()) {
      console.log("Building the portal (the build is missing or older than the sources)…");
      exitCode = await runNext(["build"]);
    }
    if (exitCode === 0 && !stopping) {
      console.log(`The portal will listen on http://localhost:${port}`);
      exitCode = await runNext(mode === "dev" ? ["dev", "--port", port] : ["start", "--port", port], mode === "start" ? serverNodeFlags : [], mode === "start" ? serverEnvironment : {});
    }
  } finally {
    await database.stop();
  }
  process.exit(stopping ? 0 : exitCode);
}

/** Stops here, saying every reason, when a production start is not safe (scripts/production-checks.ts). */
function refuseUnless(problems: string[]): void {
  if (problems.length === 0) return;
  console.error(["Refusing to start in production:", ...problems.map((problem) => `  - ${problem}`), "See .env.example and docs/security-a.md."].join("\n"));
  process.exit(2);
}

function nextBin(): string {
  return require.resolve("next/dist/bin/next", { paths: [projectRoot] });
}

/**
 * Sign-in needs a secret and the site's URL, and the server the proxy setting. In development, invent them rather than make every developer configure
 * them; in production never: a missing secret there must fail loudly, not be replaced by a local file.
 */
function developmentAuthDefaults(port: string): Record<string, string> {
  if (process.env.NODE_ENV === "production") return {};
  const defaults: Record<string, string> = {};
  if (!process.env.NEXTAUTH_SECRET) defaults.NEXTAUTH_SECRET = developmentSecret();
  if (!process.env.NEXTAUTH_URL) defaults.NEXTAUTH_URL = `http://localhost:${port}`;
  // The local portal is reached directly, never through a proxy; `next start` runs as production and refuses to
  // start without the setting (lib/security/peer-guard.ts), which a real deployment must give itself.
  if (!process.env.TRUSTED_PROXIES) defaults.TRUSTED_PROXIES = "none";
  return defaults;
}

/** A random secret, kept in .data/dev-secret so that sessions survive a restart. */
function developmentSecret(): string {
  const file = path.join(projectRoot, ".data", "dev-secret");
  if (existsSync(file)) {
    const saved = readFileSync(file, "utf8").trim();
    if (saved.length >= 32) return saved;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

main().catch((error: unknown) => {
  // A message written for the developer (e.g. a data folder of another PostgreSQL version) needs no stack.
  console.error(error instanceof DataFolderVersionError ? error.message : error);
  process.exit(1);
});
