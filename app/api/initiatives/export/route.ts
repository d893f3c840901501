import { exportHandler } from "@/lib/exports/route";
import { initiativesExport } from "@/lib/exports/sources/initiatives";
import { guardedRoute } from "@/lib/security/route-handler";

/** The initiatives list as filtered in the URL, as CSV; its Excel twin is ./xlsx. */
export const GET = guardedRoute(exportHandler(initiativesExport, "csv"));
