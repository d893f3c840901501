import { annualReportFile } from "@/lib/reports/files";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/** The annual progress report of a fiscal year ("2025-26") as tagged PDF (PDF/UA): `?lang=en|fr&report=<id>`. */
async function handle(request: Request, { params }: RouteContext<"/api/reports/annual/[fiscalYear]/pdf">) {
  return annualReportFile(request, (await params).fiscalYear, "pdf");
}

export const GET = guardedRoute(handle);
