import { fiscalYearLabel } from "@/lib/format/numbers";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { resultsTranslator } from "@/lib/results/format";
import type { getCallResultsMatrix } from "@/lib/results/queries";
import { LocalizedText } from "@/components/ui/localized-text";

type Matrix = Awaited<ReturnType<typeof getCallResultsMatrix>>;

/** The actuals an update call asks for: per responsible department, each indicator's actual entered or missing. */
export function CallResultsMatrix({ matrix, locale }: { matrix: Matrix; locale: Locale }) {
  const t = resultsTranslator(locale);
  const year = fiscalYearLabel(matrix.fiscalYear, locale);
  return (
    <section aria-labelledby="call-results" className="mt-8">
      <h2 id="call-results">{t("callActuals", { year })}</h2>
      <p data-testid="call-results-totals">{t("callActualsTotals", matrix.totals)}</p>
      <table data-testid="call-results-matrix" className="gc-table">
        <caption className="sr-only">{t("callActuals", { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("department")}</th>
            <th scope="col">{t("indicator")}</th>
            <th scope="col">{t("actual")}</th>
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
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
}
