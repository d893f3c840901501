import pg from "pg";
import type { RouteRequest } from "./measure";

export type BenchRoute = { name: string; request: RouteRequest; reference?: boolean; bundleRoute: string };

/**
 * The routes the benchmark measures, resolved against the scale database (ids differ per
 * database). The reference page has the same layout, session check and policy as the
 * others and reads nothing else, so ratios to it isolate each route's own work.
 */
export async function benchRoutes(databaseUrl: string): Promise<BenchRoute[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const initiative = await client.query<{ id: string }>("SELECT id FROM initiatives WHERE code = 'BEN-000123'");
    const meeting = await client.query<{ id: string }>("SELECT id FROM meetings ORDER BY starts_at DESC LIMIT 1");
    const initiativeId = initiative.rows[0]?.id ?? "missing";
    const meetingId = meeting.rows[0]?.id ?? "missing";
    return [
      { name: "reference", request: { method: "GET", path: "/en/about" }, reference: true, bundleRoute: "/[locale]/about" },
      { name: "dashboard", request: { method: "GET", path: "/en/dashboard" }, bundleRoute: "/[locale]/dashboard" },
      {
        name: "initiatives list (filter + search)",
        request: { method: "GET", path: "/en/initiatives?pillar=PREVENTION&q=training" },
        bundleRoute: "/[locale]/initiatives",
      },
      { name: "initiative page", request: { method: "GET", path: `/en/initiatives/${initiativeId}` }, bundleRoute: "/[locale]/initiatives/[id]" },
      { name: "agenda builder", request: { method: "GET", path: `/en/meetings/${meetingId}/agenda` }, bundleRoute: "/[locale]/meetings/[id]/agenda" },
      { name: "department page", request: { method: "GET", path: "/en/departments/RCMP" }, bundleRoute: "/[locale]/departments/[acronym]" },
    ];
  } finally {
    await client.end();
  }
}
