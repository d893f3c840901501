import { exportHandler } from "@/lib/exports/route";
import { decisionsExport } from "@/lib/exports/sources/decisions";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/** The decision register as an Excel workbook: the same builder, guard and rows as the CSV. */
export const GET = guardedRoute(exportHandler(decisionsExport, "xlsx"));
