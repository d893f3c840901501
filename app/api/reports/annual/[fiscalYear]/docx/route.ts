import { annualReportFile } from "@/lib/reports/files";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/** The annual progress report of a fiscal year ("2025-26") in Word: `?lang=en|fr|bilingual&report=<id>`. */
async function handle(request: Request, { params }: RouteContext<"/api/reports/annual/[fiscalYear]/docx">) {
  return annualReportFile(request, (await params).fiscalYear, "docx");
}

export const GET = guardedRoute(handle);
