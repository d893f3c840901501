import { exportResponse } from "@/lib/exports/route";
import { dashboardExport } from "@/lib/exports/sources/dashboard";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/** A dashboard table as an Excel workbook: the same builder, guard and rows as the CSV, with typed values. */
async function handle(request: Request, { params }: RouteContext<"/api/dashboard/[dataset]/xlsx">) {
  return exportResponse(await dashboardExport(request, (await params).dataset), "xlsx");
}

export const GET = guardedRoute(handle);
