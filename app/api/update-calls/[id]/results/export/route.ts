import { exportHandler } from "@/lib/exports/route";
import { callResultsExport } from "@/lib/exports/sources/results";
import { guardedRoute } from "@/lib/security/route-handler";

/** An update call's actuals matrix as CSV; its Excel twin is ./xlsx. */
export const GET = guardedRoute(exportHandler(callResultsExport, "csv"));
