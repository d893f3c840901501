/**
 * Applies the committed migrations (`prisma/migrations/<timestamp>_<name>/migration.sql`) that a database lacks,
 * recording each in the standard `_prisma_migrations` table, like `prisma migrate deploy` but without the native
 * engine (see schema-engine.ts).
 *
 * CLI: `npm run db:migrate` migrates the database of DATABASE_URL.
 */
import pg from "pg";
import { installJobQueueSchema } from "../../lib/jobs/queue";
import { NO_EXTERNAL_OBJECTS, readMigrationsList } from "./migrations-folder";
import { openSchemaEngine } from "./schema-engine";

/**
 * Any fixed 64-bit number shared by every process that migrates this database. Deliberately not Prisma's own
 * (72707369): the engine may take that one on its own connection while we hold ours.
 */
const MIGRATION_ADVISORY_LOCK = 4_917_320_071;

/**
 * Brings the database up to date with the migrations folder. Safe to call from several processes at once: they
 * queue on a PostgreSQL advisory lock, and the later ones find nothing left to apply. Throws if a migration fails
 * or if an applied migration was edited afterwards.
 */
export async function migrate(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  const migrationsList = await readMigrationsList();
  if (migrationsList.lockfile.content === null) {
    throw new Error("prisma/migrations/migration_lock.toml is missing; the schema engine refuses to run without it.");
  }

  const lockClient = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  lockClient.on("error", () => {}); // a dropped connection surfaces on the next query; never crash the process
  await lockClient.connect();
  try {
    await lockClient.query("SELECT pg_advisory_lock($1)", [MIGRATION_ADVISORY_LOCK]);
    // The job queue's own schema first (graphile-worker, `graphile_worker.*`), under the same lock: the outbox
    // trigger of the portal's migrations calls `graphile_worker.add_job`, so it must exist before they apply.
    await installJobQueueSchema(databaseUrl);
    const { engine, close } = await openSchemaEngine({ databaseUrl });
    try {
      const { appliedMigrationNames } = await engine.applyMigrations({
        migrationsList,
        filters: NO_EXTERNAL_OBJECTS,
      });
      if (!options.quiet) {
        console.log(
          appliedMigrationNames.length === 0
            ? "Database schema is up to date."
            : `Applied migrations: ${appliedMigrationNames.join(", ")}`,
        );
      }
    } finally {
      await close();
    }
  } finally {
    await lockClient.end(); // ending the session releases the advisory lock
  }
}

if (typeof require !== "undefined" && require.main === module) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set. (`npm run dev` and the tests migrate their embedded PostgreSQL themselves.)");
    process.exit(1);
  }
  migrate(databaseUrl).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
