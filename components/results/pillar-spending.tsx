import type { SessionUser } from "@/lib/auth/types";
import { fiscalYearLabel, formatMoney } from "@/lib/format/numbers";
import { byLocale } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { resultsTranslator } from "@/lib/results/format";
import { getPillarSpending } from "@/lib/results/queries";

/** Planned and actual spending of a fiscal year per department, beside a pillar's results. */
export async function PillarSpending({ user, pillarId, fiscalYear, locale }: { user: SessionUser; pillarId: string; fiscalYear: number; locale: Locale }) {
  const rows = await getPillarSpending(user, pillarId, fiscalYear);
  const t = resultsTranslator(locale);
  const year = fiscalYearLabel(fiscalYear, locale);
  return (
    <section aria-labelledby="results-spending" className="mt-10">
      <h2 id="results-spending">{t("spendingCaption", { year })}</h2>
      {rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="results-spending">
          <table className="gc-table" data-testid="results-spending">
            <thead>
              <tr>
                <th scope="col">{t("department")}</th>
                <th scope="col">{t("plannedSpending", { year })}</th>
                <th scope="col">{t("actualSpending", { year })}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.acronymEn}>
                  <th scope="row">{byLocale(locale, row.acronymEn, row.acronymFr)}</th>
                  <td>{formatMoney(row.allocatedCents, locale)}</td>
                  <td>{formatMoney(row.spentCents, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
