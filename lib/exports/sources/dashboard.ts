import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { datasetTable, isDataset, parseDashboardFilters, parsePillarCode } from "@/lib/dashboard";
import { isLocale } from "@/lib/i18n/routing";
import type { ExportBuild } from "../route";
import { exportTranslator } from "../translator";

/**
 * A dashboard table: the same rows the page shows for the same filters.
 * `?locale=en|fr&fiscalYear=2007&department=RCMP&pillar=PREVENTION`. Signed in, with `export.read`.
 * The CSV keeps the page's text; the workbook takes the typed values beside it.
 */
export async function dashboardExport(request: Request, dataset: string): Promise<ExportBuild> {
  if (!isDataset(dataset)) return new Response("Not found", { status: 404 });
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first", { status: 401 });
  if (!can(user, "export.read")) return new Response("Forbidden", { status: 403 });

  const search = Object.fromEntries(new URL(request.url).searchParams);
  const locale = isLocale(search.locale) ? search.locale : user.language;
  const scope = { ...parseDashboardFilters(search), pillar: search.pillar ? parsePillarCode(search.pillar) : null };
  if (search.pillar && !scope.pillar) return new Response("Not found", { status: 404 });
  const data = await datasetTable(user, dataset, scope, locale);
  const t = await exportTranslator(locale, "Dashboard");
  const suffix = scope.pillar ? `-${scope.pillar.toLowerCase()}` : "";
  return {
    locale,
    table: {
      title: t(`sections.${dataset}`),
      filename: `iwgtip-${dataset}${suffix}-${locale}`,
      columns: data.headers.map((header, index) => ({ header, kind: data.kinds?.[index] ?? "text" })),
      rows: data.cells ?? data.rows,
    },
    csvRows: data.rows,
  };
}
