import { fiscalYearLabel } from "@/lib/format/numbers";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { formatFigure, resultsTranslator } from "@/lib/results/format";
import type { getCallResultsMatrix } from "@/lib/results/queries";
import { LocalizedText } from "@/components/ui/localized-text";
import { ResultStatusBadge } from "./status-badge";

type Matrix = Awaited<ReturnType<typeof getCallResultsMatrix>>;

/** The actuals an update call asks for: per responsible department, each indicator's actual entered or missing. */
export function CallResultsMatrix({ matrix, locale, exportHref }: { matrix: Matrix; locale: Locale; /** The matrix as CSV (and `${exportHref}/xlsx`), in the user's language. */ exportHref?: string }) {
  const t = resultsTranslator(locale);
  const year = fiscalYearLabel(matrix.fiscalYear, locale);
  return (
    <section aria-labelledby="call-results" className="mt-8">
      <h2 id="call-results">{t("callActuals", { year })}</h2>
      <p data-testid="call-results-totals">{t("callActualsTotals", matrix.totals)}</p>
      {exportHref && (
        <p className="flex flex-wrap gap-x-4">
          <a href={`${exportHref}?locale=${locale}`} download data-export="call-results-csv">
            {t("downloadMatrixCsv")}
          </a>
          <a href={`${exportHref}/xlsx?locale=${locale}`} download data-export="call-results-xlsx">
            {t("downloadMatrixXlsx")}
          </a>
        </p>
      )}
      <table data-testid="call-results-matrix" className="gc-table">
        <caption className="sr-only">{t("callActuals", { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("department")}</th>
            <th scope="col">{t("indicator")}</th>
            <th scope="col">{t("actual")}</th>
            <th scope="col">{t("statusHeader")}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.flatMap((row) =>
            row.cells.map((cell, index) => (
              <tr key={cell.id} data-testid="call-results-cell" data-code={cell.code}>
                {index === 0 && (
                  <th scope="rowgroup" rowSpan={row.cells.length}>
                    {byLocale(locale, row.acronymEn, row.acronymFr)}
                  </th>
                )}
                <td>
                  <Link href={`/indicators/${cell.id}`}>{cell.code}</Link> — <LocalizedText value={pickLocalized(locale, cell.nameEn, cell.nameFr)} />
                </td>
                <td data-status={cell.submitted ? "submitted" : "missing"}>
                  <span aria-hidden="true">{cell.submitted ? "✓ " : "✗ "}</span>
                  {cell.submitted ? t("actualEntered") : t("actualMissing")}
                  {cell.value !== null && ` (${formatFigure(cell.value, cell.unit, locale)})`}
                </td>
                <td data-result={cell.status ?? "none"}>{cell.status ? <ResultStatusBadge status={cell.status} locale={locale} /> : t("noTargetForYear")}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
}
