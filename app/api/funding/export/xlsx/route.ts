import { exportHandler } from "@/lib/exports/route";
import { fundingExport } from "@/lib/exports/sources/funding";
import { guardedRoute } from "@/lib/security/route-handler";

/** The funding roll-up as an Excel workbook: the same builder, guard and rows as the CSV. */
export const GET = guardedRoute(exportHandler(fundingExport, "xlsx"));
