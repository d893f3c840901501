import { treasuryBoardFile } from "@/lib/reports/files";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/** The Treasury Board horizontal-initiative table of a fiscal year ("2025-26") in Word: `?lang=en|fr|bilingual`. */
async function handle(request: Request, { params }: RouteContext<"/api/reports/treasury-board/[fiscalYear]/docx">) {
  return treasuryBoardFile(request, (await params).fiscalYear, "docx");
}

export const GET = guardedRoute(handle);
