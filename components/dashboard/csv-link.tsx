import { getTranslations } from "next-intl/server";
import type { DashboardScope } from "@/lib/dashboard/filters";
import type { Dataset } from "@/lib/dashboard/tables";
import type { Locale } from "@/lib/i18n/routing";

export function csvHref(dataset: Dataset, locale: Locale, scope: DashboardScope): string {
  const query = new URLSearchParams({ locale });
  if (scope.fiscalYear !== null) query.set("fiscalYear", String(scope.fiscalYear));
  if (scope.department) query.set("department", scope.department);
  if (scope.pillar) query.set("pillar", scope.pillar);
  return `/api/dashboard/${dataset}?${query.toString()}`;
}

/** A plain link to the route handler, which checks the session and the export permission itself. */
export async function CsvLink({ dataset, locale, scope, table }: { dataset: Dataset; locale: Locale; scope: DashboardScope; table: string }) {
  const t = await getTranslations("Dashboard");
  const exports = await getTranslations("Exports");
  const href = csvHref(dataset, locale, scope);
  return (
    <p className="no-print mt-2 flex flex-wrap gap-4">
      <a href={href} download data-csv={dataset} aria-label={t("downloadLabel", { table })}>
        {t("download")}
      </a>
      <a href={href.replace("?", "/xlsx?")} download data-xlsx={dataset} aria-label={exports("xlsxLabel", { table })}>
        {exports("xlsx")}
      </a>
    </p>
  );
}
