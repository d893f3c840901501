import { treasuryBoardFile } from "@/lib/reports/files";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/** The Treasury Board horizontal-initiative table of a fiscal year ("2025-26") in Excel: `?locale=en|fr`. */
async function handle(request: Request, { params }: RouteContext<"/api/reports/treasury-board/[fiscalYear]/xlsx">) {
  return treasuryBoardFile(request, (await params).fiscalYear, "xlsx");
}

export const GET = guardedRoute(handle);
