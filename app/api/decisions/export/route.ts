import { exportHandler } from "@/lib/exports/route";
import { decisionsExport } from "@/lib/exports/sources/decisions";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/** The decision register with the page's filters, as CSV; its twins are ./xlsx and ./docx. */
export const GET = guardedRoute(exportHandler(decisionsExport, "csv"));
