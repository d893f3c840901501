import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, answered within 2 seconds either way. */
export async function GET() {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.database === "up" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
