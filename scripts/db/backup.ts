/**
 * `npm run db:backup [-- <file>]`: a PostgreSQL custom-format dump (`pg_dump -Fc`) of the portal's database —
 * DATABASE_URL when set, else the embedded development database — written to <file>, by default
 * `backups/<database>-<UTC date and time>.dump`. Restore it with `npm run db:restore -- <file>`.
 *
 * The dump is written next to its destination and renamed into place once pg_dump has finished and pg_restore has
 * read its table of contents back, so a failed or interrupted backup never leaves a file that looks complete.
 */
import { existsSync } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "./migrations-folder";
import {
  BackupError,
  connectionForTool,
  databaseName,
  exitWithError,
  requireTool,
  runTool,
  serverMajorVersion,
  targetDatabase,
} from "./pg-tools";

export interface BackupResult {
  file: string;
  bytes: number;
  serverMajor: number;
  pgDumpVersion: string;
}

/** Dumps `databaseUrl` into `file` (which must not exist yet). */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  const destination = path.resolve(file);
  if (existsSync(destination)) throw new BackupError(`${file} already exists; a backup never overwrites a file.`);
  const serverMajor = await serverMajorVersion(databaseUrl);
  const pgDump = await requireTool("pg_dump", serverMajor);
  const pgRestore = await requireTool("pg_restore", serverMajor);

  await mkdir(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  const { dbname, env } = connectionForTool(databaseUrl);
  try {
    // Custom format: compressed, and pg_restore can restore it selectively and in parallel. The dump is one
    // consistent snapshot (a repeatable-read transaction), taken while the portal keeps running.
    await runTool(pgDump, ["--format=custom", "--compress=6", `--file=${partial}`, `--dbname=${dbname}`], env);
    await runTool(pgRestore, ["--list", partial], env);
    await rename(partial, destination);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { file: destination, bytes: (await stat(destination)).size, serverMajor, pgDumpVersion: pgDump.version };
}

function defaultFile(databaseUrl: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return path.join(projectRoot, "backups", `${databaseName(databaseUrl)}-${stamp}.dump`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg === "--help" || arg === "-h") || args.length > 1) {
    console.log("Usage: npm run db:backup [-- <file>]   (default: backups/<database>-<date>.dump)");
    process.exit(args.length > 1 ? 2 : 0);
  }
  const target = await targetDatabase({ mustExist: true });
  try {
    const file = args[0] ?? defaultFile(target.databaseUrl);
    console.log(`Backing up ${target.description}…`);
    const result = await backupDatabase(target.databaseUrl, file);
    const shown = path.relative(process.cwd(), result.file).startsWith("..") ? result.file : path.relative(process.cwd(), result.file);
    console.log(
      `✔ ${shown} (${(result.bytes / 1024).toFixed(0)} KiB, PostgreSQL ${result.serverMajor}, pg_dump ${result.pgDumpVersion}). ` +
        `Restore it with: npm run db:restore -- ${shown}`,
    );
  } finally {
    await target.stop();
  }
}

if (typeof require !== "undefined" && require.main === module) {
  main().then(() => process.exit(0), exitWithError);
}
