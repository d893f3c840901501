import { exportResponse } from "@/lib/exports/route";
import { dashboardExport } from "@/lib/exports/sources/dashboard";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/** A dashboard table as CSV (UTF-8 with BOM, headers in the user's language); its Excel twin is ./xlsx. */
async function handle(request: Request, { params }: RouteContext<"/api/dashboard/[dataset]">) {
  return exportResponse(await dashboardExport(request, (await params).dataset), "csv");
}

export const GET = guardedRoute(handle);
