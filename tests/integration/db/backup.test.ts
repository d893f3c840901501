/**
 * `npm run db:backup` and `npm run db:restore`, run as a person would run them (the scripts, with DATABASE_URL),
 * on a seeded database: the restored copy holds every table with the same rows (count and checksum of every
 * row's text), the same sequences, and still refuses changes to the audit log.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../scripts/db/migrate";
import { projectRoot } from "../../../scripts/db/migrations-folder";
import { chooseTool, parseToolVersion, requireTool } from "../../../scripts/db/pg-tools";
import { seed } from "../../../prisma/seed";
import { createTemporaryDatabase, type TemporaryDatabase, withClient } from "./temporary-database";

const execFileAsync = promisify(execFile);
const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");

let source: TemporaryDatabase;
let restored: { url: string; name: string };
let folder: string;

/** Runs one of the npm scripts' files with DATABASE_URL; resolves with its exit code and output, never rejects. */
async function runScript(script: string, args: string[], databaseUrl: string) {
  return execFileAsync(tsx, [path.join(projectRoot, "scripts", "db", script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      output: (error.stdout ?? "") + (error.stderr ?? ""),
    }),
  );
}

interface TableFingerprint {
  rows: number;
  checksum: string;
}

/** Every table of the public schema: its row count and an md5 of all its rows' text, in a fixed order. */
async function fingerprint(url: string): Promise<Record<string, TableFingerprint>> {
  return withClient(url, async (client) => {
    const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    const result: Record<string, TableFingerprint> = {};
    for (const { tablename } of tables.rows) {
      const table = client.escapeIdentifier(tablename);
      const { rows } = await client.query<TableFingerprint>(
        `SELECT count(*)::int AS rows, coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') AS checksum FROM ${table} t`,
      );
      result[tablename] = rows[0]!;
    }
    return result;
  });
}

async function schemaObjects(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ kind: string; names: string }>(
      `SELECT 'trigger' AS kind, string_agg(tgname, ',' ORDER BY tgname) AS names FROM pg_trigger WHERE NOT tgisinternal
       UNION ALL SELECT 'constraint', string_agg(conname, ',' ORDER BY conname) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
       UNION ALL SELECT 'index', string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public'
       UNION ALL SELECT 'extension', string_agg(extname, ',' ORDER BY extname) FROM pg_extension`,
    );
    return rows;
  });
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "iwgtip-backup-"));
  source = await createTemporaryDatabase();
  await seed(source.url, { log: () => {} });
  // Text that a careless dump or restore would mangle: quotes, backslashes, tabs and newlines, accents, emoji,
  // JSON with nesting; and an audit event, whose table refuses UPDATE and DELETE.
  await withClient(source.url, (client) =>
    client.query(
      `INSERT INTO audit_events (id, action, entity_type, entity_id, before, after, request_id, ip)
       VALUES (gen_random_uuid(), 'backup.test', 'Initiative', 'x', $1, $2, 'req-1', '192.0.2.1')`,
      [
        JSON.stringify({ text: "l'« été »\t\\n\n😀", nested: { list: [1, null, "ç"] } }),
        JSON.stringify({ text: "Robert'); DROP TABLE audit_events;--" }),
      ],
    ),
  );
  const url = new URL(source.url);
  url.pathname = `/${source.name}_restored`;
  restored = { url: url.toString(), name: `${source.name}_restored` };
}, 120_000);

afterAll(async () => {
  await withClient(source.url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(restored.name)} WITH (FORCE)`),
  ).catch(() => {});
  await source?.drop();
  rmSync(folder, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores into a fresh database every table with equal row counts and checksums", async () => {
    const file = path.join(folder, "portal.dump");
    const backup = await runScript("backup.ts", [file], source.url);
    expect(backup.output).toContain("✔");
    expect(backup.code).toBe(0);

    // The database named by DATABASE_URL does not exist yet: the restore creates it.
    const restore = await runScript("restore.ts", [file], restored.url);
    expect(restore.output).toContain("✔");
    expect(restore.code).toBe(0);

    const before = await fingerprint(source.url);
    const after = await fingerprint(restored.url);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before.audit_events!.rows).toBeGreaterThan(0);
    expect(before.initiatives!.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);

    expect(await schemaObjects(restored.url)).toEqual(await schemaObjects(source.url));
    const sequences = (url: string) =>
      withClient(url, (client) => client.query("SELECT sequencename, last_value FROM pg_sequences ORDER BY 1").then((r) => r.rows));
    expect(await sequences(restored.url)).toEqual(await sequences(source.url));
  });

  it("gives a restored database that is migrated, searchable and still append-only for audit events", async () => {
    await migrate(restored.url, { quiet: true }); // nothing to apply: the migrations table came with the backup
    expect(await fingerprint(restored.url)).toEqual(await fingerprint(source.url));
    await withClient(restored.url, async (client) => {
      const found = await client.query("SELECT code FROM initiatives WHERE search_vector @@ initiative_search_query('traite')");
      expect(found.rowCount).toBeGreaterThan(0);
      await expect(client.query("DELETE FROM audit_events")).rejects.toThrow(/append-only/);
    });
  });

  it("refuses to restore over a database that holds tables, and changes nothing", async () => {
    const file = path.join(folder, "portal.dump");
    const before = await fingerprint(restored.url);
    const refused = await runScript("restore.ts", [file], restored.url);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/already holds \d+ tables.*Nothing was changed/s);
    expect(refused.output).toContain("--replace");
    expect(await fingerprint(restored.url)).toEqual(before);
  });

  it("never overwrites an existing backup file", async () => {
    const refused = await runScript("backup.ts", [path.join(folder, "portal.dump")], source.url);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("already exists");
  });
});

describe("choosing pg_dump and pg_restore", () => {
  it("reads the version a PostgreSQL program prints", () => {
    expect(parseToolVersion("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n")).toEqual({ major: 15, version: "15.18" });
    expect(parseToolVersion("pg_restore (PostgreSQL) 18beta1")).toEqual({ major: 18, version: "18" });
    expect(parseToolVersion("something else")).toBeUndefined();
  });

  it("takes the newest program at least as new as the server, and none that is older", () => {
    const tool = (major: number) => ({ path: `/usr/lib/postgresql/${major}/bin/pg_dump`, major, version: `${major}.1` });
    expect(chooseTool([tool(15), tool(17), tool(16)], 15)?.major).toBe(17);
    expect(chooseTool([tool(15)], 15)?.major).toBe(15);
    expect(chooseTool([tool(15)], 18)).toBeUndefined();
    expect(chooseTool([], 15)).toBeUndefined();
  });

  it("refuses with what to install when the machine has none new enough", async () => {
    await expect(requireTool("pg_dump", 99)).rejects.toThrow(/pg_dump 99 or later is needed.*apt-get install postgresql-client/s);
  });
});
