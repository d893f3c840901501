import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { getFundingRollup, listFundedFiscalYears } from "@/lib/funding/queries";
import { fiscalYearLabel, formatMoney } from "@/lib/format/numbers";
import { byLocale } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata({ params }: PageProps<"/[locale]/funding">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Funding" });
  return { title: t("title") };
}

/** Funding roll-ups by fiscal year × pillar × lead department (summed by PostgreSQL), with a CSV download. */
export default async function FundingPage({ params, searchParams }: PageProps<"/[locale]/funding">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const requested = Number((await searchParams).fy);
  const years = await listFundedFiscalYears(user);
  const fiscalYear = years.includes(requested) ? requested : undefined;
  const rows = await getFundingRollup(user, { fiscalYear });
  const t = await getTranslations("Funding");
  const exports = await getTranslations("Exports");
  const csvQuery = new URLSearchParams({ locale, ...(fiscalYear ? { fy: String(fiscalYear) } : {}) });
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: t("title") }]}>
        <p>{t("intro")}</p>
      </PageHeader>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="funding-fy" className="gc-label">
            {t("fiscalYear")}
          </label>
          <select id="funding-fy" name="fy" className="gc-input" defaultValue={fiscalYear ? String(fiscalYear) : ""}>
            <option value="">{t("allYears")}</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {fiscalYearLabel(year, locale)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="gc-button">
          {t("show")}
        </button>
        <a href={`/api/funding/export?${csvQuery.toString()}`} download>
          {t("exportCsv")}
        </a>
        <a href={`/api/funding/export/xlsx?${csvQuery.toString()}`} download aria-label={exports("xlsxLabel", { table: t("title") })}>
          {exports("xlsx")}
        </a>
      </form>
      {rows.length === 0 ? (
        <p>{t("noFunding")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table data-testid="funding-rollup">
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fiscalYear")}</th>
                <th scope="col">{t("pillar")}</th>
                <th scope="col">{t("department")}</th>
                <th scope="col" className="text-right">{t("initiatives")}</th>
                <th scope="col" className="text-right">{t("allocated")}</th>
                <th scope="col" className="text-right">{t("spent")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const year = fiscalYearLabel(row.fiscalYear, locale);
                const pillar = byLocale(locale, row.pillarEn, row.pillarFr) ?? "";
                const total = row.level !== "detail";
                return (
                  <tr key={`${row.fiscalYear}-${row.level}-${row.pillarCode}-${row.departmentAcronymEn}`} className={total ? "font-semibold" : undefined}>
                    <td className="whitespace-nowrap">{year}</td>
                    <td>{row.level === "year" ? t("yearTotal", { year }) : pillar}</td>
                    <td>{row.level === "detail" ? byLocale(locale, row.departmentAcronymEn, row.departmentAcronymFr) : row.level === "pillar" ? t("pillarTotal", { pillar }) : ""}</td>
                    <td className="text-right">{row.initiatives}</td>
                    <td className="text-right whitespace-nowrap">{formatMoney(row.allocatedCents, locale)}</td>
                    <td className="text-right whitespace-nowrap">
                      {formatMoney(row.spentCents, locale)}
                      {row.spentCents > row.allocatedCents && <span className="block text-sm">⚠ {t("overspent")}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
