import { dashboardSectionClass } from "./section-class";
import { getTranslations } from "next-intl/server";
import type { DashboardScope } from "@/lib/dashboard/filters";
import type { MatrixCell } from "@/lib/dashboard/queries";
import { matrixCellText, matrixPillars, matrixRows, matrixTable, type Translate } from "@/lib/dashboard/tables";
import { byLocale } from "@/lib/i18n/localized";
import { PlainLink } from "@/components/ui/plain-link";
import type { Locale } from "@/lib/i18n/routing";
import { healthIcon } from "@/components/charts/chart-colours";
import { CsvLink } from "./csv-link";

// Light tints keep link text above 4.5:1; the words and the shape say the health, the tint only repeats it.
const cellTint = { GREEN: "bg-[#e8f3eb]", AMBER: "bg-[#fbf0e1]", RED: "bg-[#fbe6e9]" } as const;

/**
 * Department × pillar as a table: each non-empty cell gives the count and worst health, in words and shape, and
 * links to the initiatives list filtered by that pillar and lead department.
 */
export async function DepartmentMatrix({ cells, locale, scope }: { cells: MatrixCell[]; locale: Locale; scope: DashboardScope }) {
  const t = await getTranslations("Dashboard");
  const health = (await getTranslations("Health")) as unknown as Translate;
  const rows = matrixRows(cells, locale, scope.department);
  const pillars = matrixPillars(cells);
  const table = matrixTable(cells, scope.department, t as unknown as Translate, health, locale);
  return (
    <section aria-labelledby="section-matrix" className={dashboardSectionClass} data-section="matrix">
      <h2 id="section-matrix">{t("sections.matrix")}</h2>
      <p className="max-w-3xl">{t("intros.matrix")}</p>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("tables.matrix")}>
        <table data-table="matrix">
          <caption>{t("tables.matrix")}</caption>
          <thead>
            <tr>
              <th scope="col">{table.headers[0]}</th>
              {pillars.map((pillar) => (
                <th key={pillar.code} scope="col">
                  {byLocale(locale, pillar.nameEn, pillar.nameFr)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.acronymEn}>
                <th scope="row">
                  <abbr title={byLocale(locale, row.nameEn, row.nameFr)} className="no-underline">
                    {byLocale(locale, row.acronymEn, row.acronymFr)}
                  </abbr>
                </th>
                {row.cells.map((cell) => (
                  <td key={cell.pillarCode} className={cell.count > 0 && cell.worstHealth ? cellTint[cell.worstHealth] : undefined} data-cell={`${cell.acronymEn}:${cell.pillarCode}`}>
                    {cell.count === 0 ? (
                      <span className="text-gc-secondary">0</span>
                    ) : (
                      <PlainLink locale={locale} href={{ pathname: "/initiatives", query: { pillar: cell.pillarCode, department: cell.acronymEn } }} className="whitespace-nowrap">
                        <span aria-hidden="true">{healthIcon[cell.worstHealth ?? "NONE"]} </span>
                        {matrixCellText(cell, health)}
                      </PlainLink>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CsvLink dataset="matrix" locale={locale} scope={scope} table={t("tables.matrix")} />
    </section>
  );
}
