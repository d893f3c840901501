import { exportHandler } from "@/lib/exports/route";
import { callResultsExport } from "@/lib/exports/sources/results";
import { guardedRoute } from "@/lib/security/route-handler";

/** An update call's actuals matrix as an Excel workbook: the same builder, guard and rows as the CSV. */
export const GET = guardedRoute(exportHandler(callResultsExport, "xlsx"));
