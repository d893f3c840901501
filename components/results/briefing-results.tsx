import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { formatFigure, resultsTranslator, targetText } from "@/lib/results/format";
import type { BriefingResults } from "@/lib/results/queries";
import { resultStatuses } from "@/lib/results/status";
import { fiscalYearLabel } from "@/lib/format/numbers";
import { LocalizedText } from "@/components/ui/localized-text";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { ResultStatusBadge } from "./status-badge";

/** The briefing prints a pillar on one page: an explanation (up to 1,000 characters) is cut to its first words there. */
const EXPLANATION_SHOWN = 160;
function shortened<T extends { text: string } | null>(value: T): T {
  if (!value || value.text.length <= EXPLANATION_SHOWN) return value;
  return { ...value, text: `${value.text.slice(0, EXPLANATION_SHOWN - 1).trimEnd()}…` };
}

const editTranslators = { en: createTranslator({ locale: "en", messages: en, namespace: "ResultsEdit" }), fr: createTranslator({ locale: "fr", messages: fr, namespace: "ResultsEdit" }) };

/**
 * A pillar's results on its briefing page (issue 18, point 6): indicators per status (text and shape), then those
 * not met, each with its target, its actual and the explanation given (on screen; printed, the counts only, so a
 * pillar keeps to one page). Printed: no links, no script.
 */
export function BriefingResultsBlock({ code, results, locale }: { code: string; results: BriefingResults | undefined; locale: Locale }) {
  const t = resultsTranslator(locale);
  const edit = editTranslators[locale];
  const headingId = `briefing-results-${code}`;
  return (
    <div data-briefing-results={code}>
      <h3 id={headingId} className="text-lg">
        {edit("briefingResults")}
      </h3>
      {!results || results.total === 0 ? (
        <p>{edit("briefingNoIndicators")}</p>
      ) : (
        <>
          <ul className="flex list-none flex-wrap gap-x-6 gap-y-1 p-0 text-base" aria-labelledby={headingId}>
            {resultStatuses.map((status) => (
              <li key={status} data-count={status}>
                <ResultStatusBadge status={status} locale={locale} /> <span className="font-semibold">{results.counts[status]}</span>
              </li>
            ))}
          </ul>
          {/* On paper a pillar keeps to one page: the counts print, the list of indicators not met is on screen (and
              in the Word briefing) only. */}
          <div className="print:hidden">
          <h4 className="mt-3 text-base font-bold">{edit("briefingNotMet")}</h4>
          {results.notMet.length === 0 ? (
            <p>{edit("briefingNoneNotMet")}</p>
          ) : (
            <table className="text-base" data-testid={`briefing-not-met-${code}`}>
              <caption className="sr-only">{edit("briefingNotMet")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("indicator")}</th>
                  <th scope="col">{t("responsibleDepartment")}</th>
                  <th scope="col">{t("fiscalYear")}</th>
                  <th scope="col">{t("target")}</th>
                  <th scope="col">{t("actual")}</th>
                  <th scope="col">{t("explanation")}</th>
                </tr>
              </thead>
              <tbody>
                {results.notMet.map((indicator) => {
                  const point = indicator.headline;
                  return (
                    <tr key={indicator.id} data-indicator={indicator.code}>
                      <td>
                        {indicator.code} — <LocalizedText value={pickLocalized(locale, indicator.nameEn, indicator.nameFr)} />
                      </td>
                      <td>{byLocale(locale, indicator.responsibleDepartment.acronymEn, indicator.responsibleDepartment.acronymFr)}</td>
                      <td className="whitespace-nowrap">{fiscalYearLabel(point.fiscalYear, locale)}</td>
                      <td>{point.target ? targetText(point.target, indicator.unit, locale) : t("none")}</td>
                      <td>{point.actual?.value != null ? formatFigure(point.actual.value, indicator.unit, locale) : t("none")}</td>
                      <td>
                        <LocalizedText value={shortened(pickLocalized(locale, point.actual?.explanationEn ?? null, point.actual?.explanationFr ?? null))} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {results.notMetMore > 0 && <p>{edit("briefingNotMetMore", { count: results.notMetMore })}</p>}
          </div>
        </>
      )}
    </div>
  );
}
