import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabaseClient, db, isDatabaseUnavailableError, pingDatabase } from "../../../lib/db";
import { DATABASE_UNAVAILABLE_DIGEST } from "../../../lib/errors/digest";
import { startEmbeddedPostgres } from "../../../scripts/db/embedded";
import { projectRoot } from "../../../scripts/db/migrations-folder";

/** A TCP port nobody listens on: bound, read, released. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("lib/db", () => {
  it("imports without DATABASE_URL (next build does), then reports the database as unavailable on first use", async () => {
    const probe = `
      const m = require("./lib/db");
      (async () => {
        let error;
        try { await m.db.department.count(); } catch (caught) { error = caught; }
        console.log(JSON.stringify({ error: error?.name, unavailable: m.isDatabaseUnavailableError(error), ping: await m.pingDatabase(500) }));
      })();`;
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), "-e", probe], {
      cwd: projectRoot,
      env,
    });
    expect(JSON.parse(stdout)).toEqual({ error: "DatabaseNotConfiguredError", unavailable: true, ping: false });
  });

  it("answers a query through the lazily created client, and pingDatabase says the database is up", async () => {
    expect(await db.department.count()).toBeGreaterThanOrEqual(0);
    expect(await pingDatabase(2_000)).toBe(true);
  });

  it("recognises an unreachable database, but not an ordinary SQL error", async () => {
    const unreachable = createDatabaseClient(`postgresql://nobody:secret@127.0.0.1:${await freePort()}/nothing`);
    const refused = await unreachable.client.department.count().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    expect(isDatabaseUnavailableError(refused)).toBe(true);
    // The digest the error page recognises, to say "service unavailable" rather than "something went wrong".
    expect((refused as { digest?: string }).digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    await unreachable.client.$disconnect();
    await unreachable.pool.end();

    const sqlError = await db.$queryRaw`SELECT 1 / 0`.catch((error: unknown) => error);
    expect(sqlError).toBeInstanceOf(Error);
    expect(isDatabaseUnavailableError(sqlError)).toBe(false);
    expect((sqlError as { digest?: string }).digest).toBeUndefined();
    expect(isDatabaseUnavailableError(new Error("something else"))).toBe(false);
  });

  describe("across a PostgreSQL restart", () => {
    mkdirSync(path.join(projectRoot, ".data"), { recursive: true });
    const dataDir = mkdtempSync(path.join(projectRoot, ".data", "postgres-restart-test-"));
    let stopServer: (() => Promise<void>) | undefined;
    afterAll(async () => {
      await stopServer?.();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("fails queries while the server is down without crashing the process, then recovers", async () => {
      const port = await freePort();
      const first = await startEmbeddedPostgres({ dataDir, port, databases: ["restart"] });
      stopServer = first.stop;
      const handles = createDatabaseClient(first.databaseUrl("restart"));
      try {
        await expect(handles.client.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);

        // Idle pooled connections are cut by the shutdown: the pool's error listener must absorb that.
        await first.stop();
        const whileDown = await handles.client.$queryRaw`SELECT 1`.catch((error: unknown) => error);
        expect(isDatabaseUnavailableError(whileDown)).toBe(true);

        const second = await startEmbeddedPostgres({ dataDir, port });
        stopServer = second.stop;
        await expect(handles.client.$queryRaw`SELECT 2 AS two`).resolves.toEqual([{ two: 2 }]);
      } finally {
        await handles.client.$disconnect();
        await handles.pool.end();
      }
    });
  });
});
