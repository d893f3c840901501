import { exportHandler } from "@/lib/exports/route";
import { auditExport } from "@/lib/exports/sources/audit";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/** The audit log as CSV, with the page's filters, for administrators; its Excel twin is ./xlsx. */
export const GET = guardedRoute(exportHandler(auditExport, "csv"));
