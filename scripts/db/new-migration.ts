/**
 * Creates a migration from a change to prisma/schema.prisma:
 *
 *   npm run db:migration:new -- <name>            (e.g. add_initiative_risk)
 *   npm run db:migration:new -- <name> --empty    (a migration for hand-written SQL only)
 *
 * It diffs the schema as of the last migration (prisma/migrations/schema.snapshot.prisma) against schema.prisma,
 * writes prisma/migrations/<UTC timestamp>_<name>/migration.sql and updates the snapshot. Diffing two schema files
 * avoids replaying the migrations into a shadow database (which the WebAssembly engine cannot do reliably), and
 * leaves the hand-written SQL of earlier migrations (CHECKs, triggers …) out of the comparison.
 *
 * Read the generated SQL before committing it: a renamed field or model comes out as DROP + ADD (data loss); turn
 * it into a RENAME by hand. Append hand-written SQL (constraints, triggers) at the end, each block commented.
 *
 * The engine needs a live PostgreSQL connection even for a file-to-file diff: DATABASE_URL, or else the embedded
 * development server (nothing is written to it).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";
import {
  MIGRATION_LOCK_CONTENT,
  NO_EXTERNAL_OBJECTS,
  migrationLockPath,
  migrationsDir,
  projectRoot,
  schemaPath,
  schemaSnapshotPath,
} from "./migrations-folder";
import { openSchemaEngine } from "./schema-engine";

export interface NewMigrationResult {
  /** Folder name, `<timestamp>_<name>`; undefined when the schema had not changed and no empty one was asked for. */
  folder?: string;
  sql: string;
}

/**
 * The SQL that would bring a database migrated up to the last migration in line with schema.prisma; "" when the
 * schema has not changed since. `databaseUrl` is only the engine's connection: nothing is read from or written to it.
 */
export async function pendingSchemaChanges(databaseUrl: string): Promise<string> {
  const schema = await readFile(schemaPath, "utf8");
  const snapshot = existsSync(schemaSnapshotPath) ? await readFile(schemaSnapshotPath, "utf8") : undefined;
  const { engine, close } = await openSchemaEngine({ databaseUrl });
  try {
    const result = await engine.diff({
      from:
        snapshot === undefined
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: "schema.snapshot.prisma", content: snapshot }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: true,
      filters: NO_EXTERNAL_OBJECTS,
    });
    // With exitCode: true the engine answers 2 for a non-empty diff (and prints an empty-migration comment otherwise).
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  } finally {
    await close();
  }
}

/** Writes the pending schema changes as a new migration folder and moves the snapshot forward. */
export async function createMigration(
  name: string,
  databaseUrl: string,
  options: { allowEmpty?: boolean; now?: Date } = {},
): Promise<NewMigrationResult> {
  if (!/^[a-z0-9]+(_[a-z0-9]+)*$/.test(name)) {
    throw new Error(`Migration name "${name}": use lower-case words joined by underscores, e.g. add_initiative_risk.`);
  }
  const schema = await readFile(schemaPath, "utf8");
  const sql = await pendingSchemaChanges(databaseUrl);
  if (sql.trim() === "" && !options.allowEmpty) return { sql: "" };

  const folder = `${timestamp(options.now ?? new Date())}_${name}`;
  await mkdir(path.join(migrationsDir, folder), { recursive: true });
  await writeFile(
    path.join(migrationsDir, folder, "migration.sql"),
    sql.trim() === "" ? "-- Hand-written migration: add SQL below, each block with a comment saying why.\n" : sql,
  );
  await writeFile(schemaSnapshotPath, schema);
  if (!existsSync(migrationLockPath)) await writeFile(migrationLockPath, MIGRATION_LOCK_CONTENT);
  return { folder, sql };
}

/** 20070915143000 for 2007-09-15T14:30:00Z, the format Prisma uses for migration folders. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const name = args.find((arg) => !arg.startsWith("--"));
  if (!name) {
    console.error("Usage: npm run db:migration:new -- <name> [--empty]");
    process.exit(2);
  }

  let databaseUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!databaseUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(projectRoot, ".data", "postgres-dev"),
      port: Number(process.env.EMBEDDED_PG_PORT ?? 54320),
    });
    databaseUrl = server.databaseUrl("postgres");
    stop = server.stop;
  }

  try {
    const { folder, sql } = await createMigration(name, databaseUrl, { allowEmpty: args.includes("--empty") });
    if (!folder) {
      console.log("schema.prisma has not changed since the last migration: nothing to do (use --empty for SQL only).");
      return;
    }
    console.log(`Created prisma/migrations/${folder}/migration.sql and updated schema.snapshot.prisma.`);
    if (/\bDROP\b/i.test(sql)) {
      console.warn(
        "WARNING: the migration drops something. If you renamed a field or model, replace the DROP + ADD with a RENAME before committing.",
      );
    }
    console.log("Read it, append any hand-written SQL, then apply it with `npm run db:migrate` (or restart `npm run dev`).");
  } finally {
    await stop();
  }
}

if (typeof require !== "undefined" && require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
