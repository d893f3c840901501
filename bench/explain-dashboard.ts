/**
 * EXPLAIN (ANALYZE, BUFFERS) of the dashboard's statements on a scale database, e.g. after
 * `npm run bench:data -- 5000` (with the embedded benchmark server running):
 *
 *   npx tsx --conditions=react-server bench/explain-dashboard.ts <databaseUrl> [department] [pillar] [--verbose]
 *
 * Prints each plan and its execution time; the statements are the ones the page runs (lib/dashboard/queries.ts).
 */
import pg from "pg";
import { dashboardStatements } from "../lib/dashboard/queries";

async function main() {
  const [url, department = null, pillar = null] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  if (!url) throw new Error("usage: explain-dashboard.ts <databaseUrl> [department] [pillar]");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const [index, statement] of dashboardStatements({ fiscalYear: null, department, pillar }).entries()) {
      const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
      const lines = result.rows.map((row) => row["QUERY PLAN"]);
      console.log(`--- statement ${index + 1}\n${process.argv.includes("--verbose") ? lines.join("\n") : lines.slice(-4).join("\n")}`);
    }
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
