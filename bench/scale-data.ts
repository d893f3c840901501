/**
 * Fills a separate database with deterministic benchmark data: 16 departments × N initiatives,
 * each with 2 partners, 5 funding lines, 8 status updates and 3 action items, plus 20 meetings
 * with agendas. The data is made by PostgreSQL itself (bench/scale-data.sql), set-based.
 *
 *   npx tsx bench/scale-data.ts <per-department> [databaseUrl]
 *
 * Without a URL it uses the embedded server of the benchmark (`.data/postgres-bench`,
 * port 54325) and the database `iwgtip_bench_<N>`, made anew.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { seed } from "../prisma/seed";
import { ensureDatabase, startEmbeddedPostgres } from "../scripts/db/embedded";
import { migrate } from "../scripts/db/migrate";
import { projectRoot } from "../scripts/db/migrations-folder";

// BENCH_PG_PORT lets two checkouts benchmark side by side.
export const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54325);

/** Makes `databaseUrl` hold the seed plus the scale data. Returns the time it took, in seconds. */
export async function fillScaleDatabase(databaseUrl: string, perDepartment: number): Promise<number> {
  if (!Number.isInteger(perDepartment) || perDepartment < 1 || perDepartment > 20_000) {
    throw new Error(`initiatives per department must be a whole number from 1 to 20000, not ${perDepartment}`);
  }
  const started = Date.now();
  await migrate(databaseUrl, { quiet: true });
  await seed(databaseUrl, { log: () => {} });
  const script = await readFile(path.join(projectRoot, "bench", "scale-data.sql"), "utf8");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT set_config('bench.per_department', $1, false)", [String(perDepartment)]);
    // Results framework (issue 18): indicators per initiative, 10 as the issue says; BENCH_INDICATORS_PER_INITIATIVE=0 leaves them out.
    await client.query("SELECT set_config('bench.indicators_per_initiative', $1, false)", [String(Number(process.env.BENCH_INDICATORS_PER_INITIATIVE ?? 10))]);
    await client.query("BEGIN");
    await client.query(script);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return (Date.now() - started) / 1000;
}

/** Starts (or joins) the benchmark's embedded PostgreSQL and makes a fresh database for one scale. */
export async function benchDatabase(perDepartment: number) {
  const server = await startEmbeddedPostgres({
    dataDir: path.join(projectRoot, ".data", "postgres-bench"),
    port: BENCH_PG_PORT,
    // Counts SQL statements per request (see bench/run.ts).
    settings: { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "all" },
    // Every scale's database is made anew anyway.
    onOtherMajorVersion: "recreate",
  });
  const name = `iwgtip_bench_${perDepartment}`;
  await ensureDatabase(server.databaseUrl("postgres"), name, { fresh: true });
  return { databaseUrl: server.databaseUrl(name), stop: server.stop };
}

async function main() {
  const perDepartment = Number(process.argv[2] ?? 50);
  const explicitUrl = process.argv[3];
  const target = explicitUrl ? { databaseUrl: explicitUrl, stop: async () => {} } : await benchDatabase(perDepartment);
  try {
    const seconds = await fillScaleDatabase(target.databaseUrl, perDepartment);
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    const counts = await client.query<{ table: string; rows: string }>(
      `SELECT 'initiatives' AS table, count(*)::text AS rows FROM initiatives
       UNION ALL SELECT 'status_updates', count(*)::text FROM status_updates
       UNION ALL SELECT 'funding_lines', count(*)::text FROM funding_lines
       UNION ALL SELECT 'action_items', count(*)::text FROM action_items
       UNION ALL SELECT 'agenda_items', count(*)::text FROM agenda_items
       UNION ALL SELECT 'indicators', count(*)::text FROM indicators
       UNION ALL SELECT 'indicator_actuals', count(*)::text FROM indicator_actuals`,
    );
    await client.end();
    console.log(`16 × ${perDepartment}: loaded in ${seconds.toFixed(1)} s`);
    console.table(counts.rows);
  } finally {
    await target.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
