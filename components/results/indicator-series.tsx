import { BarChart, type Bar } from "@/components/charts/bar-chart";
import { fiscalYearLabel } from "@/lib/format/numbers";
import type { Locale } from "@/lib/i18n/routing";
import { achieveByText, formatFigure, resultsTranslator, targetText } from "@/lib/results/format";
import type { YearPoint } from "@/lib/results/series";
import type { IndicatorUnit } from "@/lib/results/schemas";
import { ResultStatusBadge } from "./status-badge";

/**
 * The series of an indicator: a bar chart of each fiscal year's target and actual (grouped by year, each bar with
 * its value in text) and the same figures as a table with the status, so nothing is in the picture alone.
 */
export function IndicatorSeries({ series, unit, name, locale }: { series: YearPoint[]; unit: IndicatorUnit; name: string; locale: Locale }) {
  const t = resultsTranslator(locale);
  const bars: Bar[] = [];
  if (unit !== "NARRATIVE") {
    for (const point of series) {
      const year = fiscalYearLabel(point.fiscalYear, locale);
      if (point.target) {
        const value = point.target.minValue ?? point.target.maxValue ?? 0;
        bars.push({ key: `t-${point.fiscalYear}`, group: year, label: t("chartTarget", { year }), value, valueLabel: targetText(point.target, unit, locale), colour: "#6f6f6f" });
      }
      if (point.actual?.value !== null && point.actual?.value !== undefined) {
        bars.push({ key: `a-${point.fiscalYear}`, group: year, label: t("chartActual", { year }), value: point.actual.value, valueLabel: formatFigure(point.actual.value, unit, locale), colour: "#26374a" });
      }
    }
  }
  return (
    <>
      {bars.length > 0 && <BarChart bars={bars} title={t("chartTitle", { indicator: name })} />}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("seriesCaption")}>
        <table className="gc-table" data-testid="indicator-series">
          <caption>{t("seriesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("fiscalYear")}</th>
              <th scope="col">{t("target")}</th>
              <th scope="col">{t("achieveBy")}</th>
              <th scope="col">{t("actual")}</th>
              <th scope="col">{t("explanation")}</th>
              <th scope="col">{t("statusHeader")}</th>
            </tr>
          </thead>
          <tbody>
            {series.map((point) => (
              <tr key={point.fiscalYear} data-fiscal-year={point.fiscalYear}>
                <th scope="row">{fiscalYearLabel(point.fiscalYear, locale)}</th>
                <td>{point.target ? targetText(point.target, unit, locale) : t("none")}</td>
                <td>{point.target ? achieveByText(point.target) : ""}</td>
                <td>
                  {point.actual
                    ? point.actual.value !== null
                      ? formatFigure(point.actual.value, unit, locale) + (point.actual.quarter ? ` (${t("quarterLabel", { quarter: point.actual.quarter })})` : "")
                      : ((locale === "fr" ? point.actual.narrativeFr : point.actual.narrativeEn) ?? point.actual.narrativeEn ?? point.actual.narrativeFr)
                    : t("none")}
                </td>
                <td>{point.actual ? ((locale === "fr" ? point.actual.explanationFr : point.actual.explanationEn) ?? point.actual.explanationEn ?? point.actual.explanationFr ?? "") : ""}</td>
                <td>{point.status ? <ResultStatusBadge status={point.status} locale={locale} /> : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
