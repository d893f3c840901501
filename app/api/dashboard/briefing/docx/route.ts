import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { parseDashboardFilters } from "@/lib/dashboard/filters";
import { docxMode, docxResponse, renderDocx } from "@/lib/exports/docx";
import { briefingDocx } from "@/lib/exports/sources/briefing";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/** The briefing view as Word, with the page's filters (`?fiscalYear=&department=&lang=en|fr|bilingual`); `export.read`, as the page. */
async function handle(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user, "export.read")) return new Response("Not found.", { status: 404 });
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const mode = docxMode(search.lang ?? null, user.language);
  const spec = await briefingDocx(user, { ...parseDashboardFilters(search), pillar: null });
  if (!spec) return new Response("Not found.", { status: 404 });
  return docxResponse(await renderDocx(spec, mode), `iwgtip-briefing-${mode}`);
}

export const GET = guardedRoute(handle);
