import { fiscalYearLabel } from "@/lib/format/numbers";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { formatFigure, resultsTranslator, targetText } from "@/lib/results/format";
import type { IndicatorView } from "@/lib/results/queries";
import { LocalizedText } from "@/components/ui/localized-text";
import { ResultStatusBadge } from "./status-badge";

/** A short table of indicators with their headline target, latest actual and status (initiative and department pages). */
export function IndicatorList({ indicators, heading, headingId, locale }: { indicators: IndicatorView[]; heading: string; headingId: string; locale: Locale }) {
  const t = resultsTranslator(locale);
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId}>{heading}</h2>
      {indicators.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className="gc-table" data-testid="indicator-list">
            <thead>
              <tr>
                <th scope="col">{t("indicator")}</th>
                <th scope="col">{t("responsibleDepartment")}</th>
                <th scope="col">{t("fiscalYear")}</th>
                <th scope="col">{t("target")}</th>
                <th scope="col">{t("latestActual")}</th>
                <th scope="col">{t("statusHeader")}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((indicator) => (
                <tr key={indicator.id} data-indicator={indicator.code}>
                  <th scope="row">
                    <Link href={`/indicators/${indicator.id}`}>
                      {indicator.code} — <LocalizedText value={pickLocalized(locale, indicator.nameEn, indicator.nameFr)} />
                    </Link>
                  </th>
                  <td>{byLocale(locale, indicator.responsibleDepartment.acronymEn, indicator.responsibleDepartment.acronymFr)}</td>
                  <td>{fiscalYearLabel(indicator.headline.fiscalYear, locale)}</td>
                  <td>{indicator.headline.target ? targetText(indicator.headline.target, indicator.unit, locale) : t("none")}</td>
                  <td>{indicator.headline.actual?.value != null ? formatFigure(indicator.headline.actual.value, indicator.unit, locale) : indicator.headline.actual ? t("status.REPORTED") : t("none")}</td>
                  <td>
                    <ResultStatusBadge status={indicator.headline.status} locale={locale} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
