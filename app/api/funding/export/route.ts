import { exportHandler } from "@/lib/exports/route";
import { fundingExport } from "@/lib/exports/sources/funding";
import { guardedRoute } from "@/lib/security/route-handler";

/** The funding roll-up as CSV (amounts in dollars); its Excel twin is ./xlsx. */
export const GET = guardedRoute(exportHandler(fundingExport, "csv"));
