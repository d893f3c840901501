import { getTranslations } from "next-intl/server";
import type { DashboardFilters as Filters } from "@/lib/dashboard/filters";
import { fiscalYearLabel } from "@/lib/format/numbers";
import { byLocale } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

/**
 * The filters as a plain GET form: the choice lands in the URL (bookmarkable, shareable, works without script),
 * and the page reads it back from there.
 */
export async function DashboardFilters({
  action,
  filters,
  fiscalYears,
  departments,
  locale,
}: {
  action: string;
  filters: Filters;
  fiscalYears: number[];
  departments: { acronymEn: string; acronymFr: string; nameEn: string; nameFr: string }[];
  locale: Locale;
}) {
  const t = await getTranslations("Dashboard.filters");
  return (
    <form method="get" action={action} className="no-print mb-6 border border-gc-border bg-gc-light p-4" aria-labelledby="filters-legend">
      <p id="filters-legend" className="mt-0 font-heading text-lg font-bold">
        {t("legend")}
      </p>
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="filter-fiscal-year" className="gc-label">
            {t("fiscalYear")}
          </label>
          <select id="filter-fiscal-year" name="fiscalYear" defaultValue={filters.fiscalYear ?? ""} className="gc-input bg-white">
            <option value="">{t("latest")}</option>
            {fiscalYears.map((year) => (
              <option key={year} value={year}>
                {fiscalYearLabel(year, locale)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-department" className="gc-label">
            {t("department")}
          </label>
          <select id="filter-department" name="department" defaultValue={filters.department ?? ""} className="gc-input bg-white">
            <option value="">{t("allDepartments")}</option>
            {departments.map((department) => (
              <option key={department.acronymEn} value={department.acronymEn}>
                {`${byLocale(locale, department.acronymEn, department.acronymFr)} — ${byLocale(locale, department.nameEn, department.nameFr)}`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="gc-button">
          {t("apply")}
        </button>
        <a href={action} className="py-2">
          {t("clear")}
        </a>
      </div>
    </form>
  );
}
