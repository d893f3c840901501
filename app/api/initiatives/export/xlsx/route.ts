import { exportHandler } from "@/lib/exports/route";
import { initiativesExport } from "@/lib/exports/sources/initiatives";
import { guardedRoute } from "@/lib/security/route-handler";

/** The initiatives list as an Excel workbook: the same builder, guard and rows as the CSV. */
export const GET = guardedRoute(exportHandler(initiativesExport, "xlsx"));
