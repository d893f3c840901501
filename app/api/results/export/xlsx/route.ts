import { exportHandler } from "@/lib/exports/route";
import { resultsExport } from "@/lib/exports/sources/results";
import { guardedRoute } from "@/lib/security/route-handler";

/** The results table as an Excel workbook: the same builder, guard and rows as the CSV. */
export const GET = guardedRoute(exportHandler(resultsExport, "xlsx"));
