import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { migrate } from "../../../scripts/db/migrate";
import { migrationsDir, projectRoot, readMigrationsList } from "../../../scripts/db/migrations-folder";
import { createTemporaryDatabase, type TemporaryDatabase, withClient } from "./temporary-database";

const run = promisify(execFile);
const databases: TemporaryDatabase[] = [];

async function freshDatabase(migrated: boolean): Promise<TemporaryDatabase> {
  const database = await createTemporaryDatabase({ migrated });
  databases.push(database);
  return database;
}

afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
});

async function appliedMigrations(url: string) {
  return withClient(url, async (client) => {
    const result = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
    );
    return result.rows;
  });
}

describe("migrations", () => {
  it("apply cleanly to an empty database and record themselves as prisma migrate deploy would", async () => {
    const database = await freshDatabase(false);
    await migrate(database.url, { quiet: true });

    const folders = (await readMigrationsList()).migrationDirectories.map((directory) => directory.path);
    const applied = await appliedMigrations(database.url);
    expect(applied.map((row) => row.migration_name)).toEqual(folders);
    for (const row of applied) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      // Prisma's checksum is the SHA-256 of migration.sql: a mismatch would make `prisma migrate deploy` refuse.
      const sql = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    }

    const tables = await withClient(database.url, (client) =>
      client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"),
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["departments", "initiatives", "funding_lines", "meetings", "agenda_items", "audit_events", "sign_in_attempts"]),
    );
  });

  it("are a no-op the second time", async () => {
    const database = await freshDatabase(true);
    const before = await appliedMigrations(database.url);
    await migrate(database.url, { quiet: true });
    expect(await appliedMigrations(database.url)).toEqual(before);
  });

  it("are safe when two processes migrate the same database at once", async () => {
    const database = await freshDatabase(false);
    const migrateInAnotherProcess = () =>
      run(process.execPath, [path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/db/migrate.ts"], {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: database.url },
      });
    const results = await Promise.all([migrateInAnotherProcess(), migrateInAnotherProcess()]);

    const outputs = results.map((result) => result.stdout).sort();
    expect(outputs[0]).toMatch(/Applied migrations/);
    expect(outputs[1]).toMatch(/up to date/);
    const applied = await appliedMigrations(database.url);
    expect(new Set(applied.map((row) => row.migration_name)).size).toBe(applied.length);
    expect(applied.every((row) => row.finished_at !== null)).toBe(true);
  }, 60_000);
});

describe("data migrations", () => {
  it("split a security marking stored as one string into its English and French texts", async () => {
    const database = await freshDatabase(true);
    const sql = await readFile(path.join(migrationsDir, "20261130223949_security_marking_in_both_languages", "migration.sql"), "utf8");
    const markingAfter = (stored: string) =>
      withClient(database.url, async (client) => {
        await client.query("DELETE FROM settings WHERE key = 'securityMarking'");
        await client.query("INSERT INTO settings (key, value) VALUES ('securityMarking', $1::jsonb)", [JSON.stringify(stored)]);
        await client.query(sql);
        return (await client.query<{ value: unknown; version: number }>("SELECT value, version FROM settings WHERE key = 'securityMarking'")).rows[0];
      });
    expect(await markingAfter("UNCLASSIFIED / NON CLASSIFIÉ")).toEqual({ value: { en: "UNCLASSIFIED", fr: "NON CLASSIFIÉ" }, version: 2 });
    expect(await markingAfter("PROTECTED B")).toEqual({ value: { en: "PROTECTED B", fr: "PROTECTED B" }, version: 2 });
  });
});

describe("prisma/schema.prisma", () => {
  it("has no change that a committed migration lacks (run `npm run db:migration:new -- <name>`)", async () => {
    const { pendingSchemaChanges } = await import("../../../scripts/db/new-migration");
    const database = await freshDatabase(false);
    expect(await pendingSchemaChanges(database.url)).toBe("");
  });
});
