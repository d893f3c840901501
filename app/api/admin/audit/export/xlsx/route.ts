import { exportHandler } from "@/lib/exports/route";
import { auditExport } from "@/lib/exports/sources/audit";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/** The audit log as an Excel workbook: the same builder, guard and rows as the CSV. */
export const GET = guardedRoute(exportHandler(auditExport, "xlsx"));
