import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { resultsTranslator } from "@/lib/results/format";
import { resultStatuses, type ResultStatus } from "@/lib/results/status";
import { ResultStatusBadge } from "./status-badge";

type PillarCounts = { id: string; code: string; nameEn: string; nameFr: string; counts: Record<ResultStatus, number> };

/** Per pillar, indicators met / not met / not yet due / no data: the dashboard's and the briefing's results table. */
export function ResultsSummary({ pillars, locale }: { pillars: PillarCounts[]; locale: Locale }) {
  const t = resultsTranslator(locale);
  return (
    <section aria-labelledby="results-summary" className="mt-10">
      <h2 id="results-summary">{t("overviewCaption")}</h2>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="results-summary">
        <table className="gc-table" data-testid="results-summary">
          <thead>
            <tr>
              <th scope="col">{t("pillar")}</th>
              {resultStatuses.map((status) => (
                <th scope="col" key={status}>
                  <ResultStatusBadge status={status} locale={locale} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pillars.map((pillar) => (
              <tr key={pillar.id} data-results-pillar={pillar.code}>
                <th scope="row">
                  <Link href={`/results/${pillar.code}`}>{byLocale(locale, pillar.nameEn, pillar.nameFr)}</Link>
                </th>
                {resultStatuses.map((status) => (
                  <td key={status} data-count={status}>
                    {pillar.counts[status]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
