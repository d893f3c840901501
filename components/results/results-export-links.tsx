import type { Locale } from "@/lib/i18n/routing";
import { resultsTranslator } from "@/lib/results/format";

/**
 * The results table as CSV and Excel, beside the page that shows it (all pillars, or one). Plain links: the route
 * handler checks the session and the policy itself.
 */
export function ResultsExportLinks({ locale, pillar, department }: { locale: Locale; pillar?: string; department?: string }) {
  const t = resultsTranslator(locale);
  const query = new URLSearchParams({ locale });
  if (pillar) query.set("pillar", pillar);
  if (department) query.set("department", department);
  return (
    <p className="flex flex-wrap gap-x-4" data-testid="results-export-links">
      <a href={`/api/results/export?${query.toString()}`} download data-export="results-csv">
        {t("downloadResultsCsv")}
      </a>
      <a href={`/api/results/export/xlsx?${query.toString()}`} download data-export="results-xlsx">
        {t("downloadResultsXlsx")}
      </a>
    </p>
  );
}
