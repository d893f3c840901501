/**
 * PostgreSQL's own client programs (pg_dump, pg_restore) for the backup scripts, and the database they work on.
 *
 * The programs come from the machine, not from npm (the embedded server ships none): on PATH or in Debian's
 * /usr/lib/postgresql/<major>/bin (`apt-get install postgresql-client`). pg_dump refuses a server of a newer major
 * version than itself, and an archive is only read by a pg_restore at least as new as the pg_dump that wrote it,
 * so the newest program whose major version is at least the server's is chosen, and none is an error that says
 * what to install.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { DataFolderVersionError, startEmbeddedPostgres } from "./embedded";
import { projectRoot } from "./migrations-folder";

const run = promisify(execFile);

export type PgTool = "pg_dump" | "pg_restore";

export interface FoundTool {
  path: string;
  major: number;
  /** As the program prints it, e.g. "15.18". */
  version: string;
}

/** The embedded development database, as `npm start` runs it (scripts/db/prepare.ts). */
export const DEV_DATA_DIR = path.join(projectRoot, ".data", "postgres-dev");
const DEV_PORT = 54320;
const DEV_DATABASE = "iwgtip";

/** A clear refusal meant for the person running the script: printed without a stack. */
export class BackupError extends Error {
  override name = "BackupError";
}

/** "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → { major: 15, version: "15.18" }; 9.6.24 → 9. */
export function parseToolVersion(output: string): { major: number; version: string } | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  return { major: Number(match[1]), version: match[2] === undefined ? match[1]! : `${match[1]}.${match[2]}` };
}

/** The newest candidate able to work with a server of `serverMajor`, or undefined. */
export function chooseTool(candidates: FoundTool[], serverMajor: number): FoundTool | undefined {
  return candidates.filter((tool) => tool.major >= serverMajor).sort((a, b) => b.major - a.major)[0];
}

/** Every copy of `tool` on this machine that answers `--version`. */
export async function findToolCandidates(tool: PgTool): Promise<FoundTool[]> {
  const paths = new Set<string>();
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, tool))) paths.add(path.join(dir, tool));
  }
  const debianRoot = "/usr/lib/postgresql";
  if (existsSync(debianRoot)) {
    for (const major of readdirSync(debianRoot)) {
      const candidate = path.join(debianRoot, major, "bin", tool);
      if (existsSync(candidate)) paths.add(candidate);
    }
  }
  const found: FoundTool[] = [];
  for (const candidate of paths) {
    const output = await run(candidate, ["--version"], { timeout: 10_000 }).then(
      ({ stdout }) => stdout,
      () => "",
    );
    const version = parseToolVersion(output);
    if (version) found.push({ path: candidate, ...version });
  }
  return found;
}

/** The program to use against a server of `serverMajor`; throws a BackupError saying what to install. */
export async function requireTool(tool: PgTool, serverMajor: number): Promise<FoundTool> {
  const candidates = await findToolCandidates(tool);
  const chosen = chooseTool(candidates, serverMajor);
  if (chosen) return chosen;
  const seen =
    candidates.length === 0
      ? `No ${tool} was found on PATH or in /usr/lib/postgresql/*/bin.`
      : `Found only ${candidates.map((c) => `${tool} ${c.version} (${c.path})`).join(", ")}, older than the server.`;
  throw new BackupError(
    `${tool} ${serverMajor} or later is needed: the database server is PostgreSQL ${serverMajor}. ${seen}\n` +
      `Install PostgreSQL's client programs of version ${serverMajor} or later ` +
      `(Debian 12: apt-get install postgresql-client, which is version 15; newer ones come from apt.postgresql.org), ` +
      `or put their folder on PATH.`,
  );
}

/** The major version of the server at `databaseUrl` (server_version_num 150018 → 15). */
export async function serverMajorVersion(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(result.rows[0]!.server_version_num) / 10_000);
  });
}

export async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect().catch((error: unknown) => {
    throw new BackupError(`Cannot connect to ${redactedUrl(databaseUrl)}: ${(error as Error).message}`);
  });
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * How to hand a connection to pg_dump / pg_restore: the URL without its password on the command line (anyone may
 * read a process's arguments), the password in PGPASSWORD.
 */
export function connectionForTool(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: url.toString(), env };
}

export function redactedUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(an unparsable DATABASE_URL)";
  }
}

export function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}

export interface TargetDatabase {
  databaseUrl: string;
  /** "DATABASE_URL" or "the embedded development database". */
  description: string;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded development database of `npm start` (started for the occasion, or
 * shared with a running `npm start`). Nothing is migrated or seeded.
 */
export async function targetDatabase({ mustExist }: { mustExist: boolean }): Promise<TargetDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { databaseUrl: configured, description: `DATABASE_URL (${redactedUrl(configured)})`, stop: async () => {} };
  if (mustExist && !existsSync(path.join(DEV_DATA_DIR, "PG_VERSION"))) {
    throw new BackupError(
      `There is no embedded development database (${path.relative(process.cwd(), DEV_DATA_DIR)}) to back up, and DATABASE_URL is not set.`,
    );
  }
  const port = process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : DEV_PORT;
  const server = await startEmbeddedPostgres({ dataDir: DEV_DATA_DIR, port, databases: mustExist ? [] : [DEV_DATABASE] });
  return {
    databaseUrl: server.databaseUrl(DEV_DATABASE),
    description: `the embedded development database (${path.relative(process.cwd(), DEV_DATA_DIR)})`,
    stop: server.stop,
  };
}

/** Runs a PostgreSQL program, its output passed through; rejects with its last lines of stderr. */
export function runTool(tool: FoundTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(tool.path, args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) {
        const detail = stderr.trim().split("\n").slice(-15).join("\n");
        reject(new BackupError(`${path.basename(tool.path)} failed (exit code ${error.code ?? "?"}):\n${detail}`));
      } else {
        if (stderr.trim()) process.stderr.write(stderr);
        resolve();
      }
    });
  });
}

/** Prints a refusal's message alone (it says what to do), anything else with its stack, and exits 1. */
export function exitWithError(error: unknown): never {
  const explained = error instanceof BackupError || error instanceof DataFolderVersionError;
  console.error(explained ? `✘ ${error.message}` : error);
  process.exit(1);
}
