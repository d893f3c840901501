import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { csvHeaders, toCsv } from "@/lib/format/csv";
import { datasetTable } from "@/lib/dashboard/export";
import { parseDashboardFilters, parsePillarCode } from "@/lib/dashboard/filters";
import { isDataset } from "@/lib/dashboard/tables";
import { isLocale } from "@/lib/i18n/routing";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/**
 * A dashboard table as CSV (UTF-8 with BOM, headers in the user's language): the same rows the page shows for the
 * same filters. `?locale=en|fr&fiscalYear=2007&department=RCMP&pillar=PREVENTION`. Signed in, with `export.read`.
 */
async function handle(request: Request, { params }: RouteContext<"/api/dashboard/[dataset]">) {
  const { dataset } = await params;
  if (!isDataset(dataset)) return new Response("Not found", { status: 404 });
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first", { status: 401 });
  if (!can(user, "export.read")) return new Response("Forbidden", { status: 403 });

  const search = Object.fromEntries(new URL(request.url).searchParams);
  const locale = isLocale(search.locale) ? search.locale : user.language;
  const scope = { ...parseDashboardFilters(search), pillar: search.pillar ? parsePillarCode(search.pillar) : null };
  if (search.pillar && !scope.pillar) return new Response("Not found", { status: 404 });
  const table = await datasetTable(user, dataset, scope, locale);
  const suffix = scope.pillar ? `-${scope.pillar.toLowerCase()}` : "";
  return new Response(toCsv(table.headers, table.rows), { headers: csvHeaders(`iwgtip-${dataset}${suffix}-${locale}.csv`) });
}

export const GET = guardedRoute(handle);
