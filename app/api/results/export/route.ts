import { exportHandler } from "@/lib/exports/route";
import { resultsExport } from "@/lib/exports/sources/results";
import { guardedRoute } from "@/lib/security/route-handler";

/** The results table (all pillars, or `?pillar=`, `?department=`) as CSV; its Excel twin is ./xlsx. */
export const GET = guardedRoute(exportHandler(resultsExport, "csv"));
