/**
 * `npm run db:restore -- <file> [--replace]`: loads a backup made by `npm run db:backup` into the portal's database
 * — DATABASE_URL when set, else the embedded development database.
 *
 * - The database is created if it does not exist. One that already holds tables is refused, unless `--replace`
 *   is given: it is then dropped (its connections closed) and created anew, so nothing of it survives.
 * - The restore is one transaction (`pg_restore --single-transaction --exit-on-error`): it loads everything or
 *   nothing.
 * - Ownership and privileges are not restored (`--no-owner --no-acl`): the objects belong to the role that
 *   restores, which need not exist under the same name where the backup was made.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureDatabase } from "./embedded";
import {
  BackupError,
  connectionForTool,
  databaseName,
  exitWithError,
  redactedUrl,
  requireTool,
  runTool,
  serverMajorVersion,
  targetDatabase,
  withClient,
} from "./pg-tools";

export interface RestoreResult {
  tables: number;
  pgRestoreVersion: string;
}

/** Restores `file` into `databaseUrl`, creating the database if needed (dropping it first with `replace`). */
export async function restoreDatabase(databaseUrl: string, file: string, { replace = false } = {}): Promise<RestoreResult> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  await prepareEmptyDatabase(databaseUrl, replace);

  const serverMajor = await serverMajorVersion(databaseUrl);
  const pgRestore = await requireTool("pg_restore", serverMajor);
  const { dbname, env } = connectionForTool(databaseUrl);
  await runTool(
    pgRestore,
    ["--no-owner", "--no-acl", "--single-transaction", "--exit-on-error", `--dbname=${dbname}`, path.resolve(file)],
    env,
  );
  // A restore brings rows but no planner statistics: gather them before the portal queries.
  const tables = await withClient(databaseUrl, async (client) => {
    await client.query("ANALYZE");
    return userTableCount(client);
  });
  return { tables, pgRestoreVersion: pgRestore.version };
}

async function prepareEmptyDatabase(databaseUrl: string, replace: boolean): Promise<void> {
  const name = databaseName(databaseUrl);
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = "/postgres";
  try {
    await ensureDatabase(maintenance.toString(), name, { fresh: replace });
  } catch (error) {
    throw new BackupError(
      `Could not ${replace ? "drop and create" : "create"} the database "${name}" through ${redactedUrl(maintenance.toString())} ` +
        `(the role needs CREATEDB, and to own the database to drop it): ${(error as Error).message}`,
    );
  }
  const tables = await withClient(databaseUrl, userTableCount);
  if (tables > 0) {
    throw new BackupError(
      `The database "${name}" already holds ${tables} tables; a restore goes into an empty database. Nothing was changed.\n` +
        `Restore into a new database (point DATABASE_URL at a name that does not exist yet: it is created), or add ` +
        `--replace to drop "${name}" and everything in it first.`,
    );
  }
}

async function userTableCount(client: { query: (sql: string) => Promise<{ rows: { count: number }[] }> }): Promise<number> {
  const result = await client.query(
    `SELECT count(*)::int AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
  );
  return result.rows[0]!.count;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const replace = args.includes("--replace");
  const files = args.filter((arg) => !arg.startsWith("--"));
  const unknown = args.filter((arg) => arg.startsWith("--") && arg !== "--replace");
  if (files.length !== 1 || unknown.length > 0) {
    console.error("Usage: npm run db:restore -- <file> [--replace]");
    process.exit(2);
  }
  const target = await targetDatabase({ mustExist: false });
  try {
    console.log(`Restoring ${files[0]} into ${target.description}${replace ? ", replacing it" : ""}…`);
    const result = await restoreDatabase(target.databaseUrl, files[0]!, { replace });
    console.log(
      `✔ restored ${result.tables} tables (pg_restore ${result.pgRestoreVersion}). ` +
        "`npm start` applies any migration newer than the backup.",
    );
  } finally {
    await target.stop();
  }
}

if (typeof require !== "undefined" && require.main === module) {
  main().then(() => process.exit(0), exitWithError);
}
