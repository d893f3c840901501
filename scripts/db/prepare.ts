/**
 * Gives the run and test commands a database that is migrated and, on first start, seeded.
 *
 * - DATABASE_URL set: that server is used as it is (PostgreSQL 15+); nothing is started, and stop() does nothing.
 * - Otherwise: an embedded PostgreSQL with its data in the git-ignored `.data/postgres-<kind>` folder, on port
 *   54320 (dev) or 54321 (test), or EMBEDDED_PG_PORT. stop() shuts it down.
 *
 * The embedded test database is dropped and made anew on every run. A data folder made by another major version of
 * PostgreSQL (an older checkout) is made anew for the tests, and refused with what to do for development data.
 * Either way migrations are applied, and the demo data is seeded if the database has no department yet and it was
 * asked for (demoDataWanted: the test database, DEMO_DATA=on, or the embedded development database), never when
 * NODE_ENV is "production" (the demo accounts have a published password).
 */
import path from "node:path";
import pg from "pg";
import { seed } from "../../prisma/seed";
import { demoDataWanted } from "../production-checks";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded";
import { migrate } from "./migrate";
import { projectRoot } from "./migrations-folder";

export type DatabaseKind = "dev" | "test";

export interface PreparedDatabase {
  databaseUrl: string;
  /** Stops the embedded server if one was started; idempotent. */
  stop(): Promise<void>;
}

const DEFAULT_PORTS: Record<DatabaseKind, number> = { dev: 54320, test: 54321 };
const DATABASE_NAMES: Record<DatabaseKind, string> = { dev: "iwgtip", test: "iwgtip_test" };

export async function prepareDatabase({ kind }: { kind: DatabaseKind }): Promise<PreparedDatabase> {
  const configuredUrl = process.env.DATABASE_URL;
  let databaseUrl: string;
  let stop = async () => {};

  if (configuredUrl) {
    databaseUrl = configuredUrl;
  } else {
    const port = process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : DEFAULT_PORTS[kind];
    if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
      throw new Error(`EMBEDDED_PG_PORT must be a TCP port number, not "${process.env.EMBEDDED_PG_PORT}".`);
    }
    const server = await startEmbeddedPostgres({
      dataDir: path.join(projectRoot, ".data", `postgres-${kind}`),
      port,
      databases: kind === "dev" ? [DATABASE_NAMES.dev] : [],
      onOtherMajorVersion: kind === "test" ? "recreate" : "refuse",
    });
    stop = server.stop;
    databaseUrl = server.databaseUrl(DATABASE_NAMES[kind]);
    if (kind === "test") {
      // Every test run starts from a new database, so tests see only their own data and the seed.
      // (A DATABASE_URL is never dropped.)
      await ensureDatabase(server.databaseUrl("postgres"), DATABASE_NAMES.test, { fresh: true }).catch(async (error: unknown) => {
        await stop();
        throw error;
      });
    }
  }

  try {
    await migrate(databaseUrl, { quiet: true });
    if (await hasNoDepartments(databaseUrl)) {
      if (demoDataWanted(kind, process.env)) {
        await seed(databaseUrl);
      } else {
        console.warn(
          process.env.NODE_ENV === "production"
            ? "The database has no departments; demo data is never seeded in production. Add them as an administrator."
            : "The database has no departments; demo data is created only when asked (DEMO_DATA=on, or the embedded database).",
        );
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl, stop };
}

async function hasNoDepartments(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    const result = await client.query<{ empty: boolean }>("SELECT NOT EXISTS (SELECT 1 FROM departments) AS empty");
    return result.rows[0]?.empty ?? true;
  } finally {
    await client.end();
  }
}
