import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { holdsPermission } from "@/lib/authz/permissions";
import { fiscalYearLabel } from "@/lib/format/numbers";
import { filtersToQuery, parseInitiativeFilters } from "@/lib/initiatives/filters";
import { getReferenceData, listInitiatives } from "@/lib/initiatives/queries";
import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { InitiativesTable } from "@/components/initiatives/initiatives-table";
import { FilterSelect } from "@/components/forms/filter-fields";
import { PageLinks } from "@/components/ui/page-links";

export async function generateMetadata({ params }: PageProps<"/[locale]/initiatives">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Initiatives" });
  return { title: t("title") };
}

export default async function InitiativesPage({ params, searchParams }: PageProps<"/[locale]/initiatives">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const filters = parseInitiativeFilters(await searchParams);
  const [{ rows, total, more, pageSize, staleDays }, reference] = await Promise.all([listInitiatives(user, filters, locale), getReferenceData()]);
  const years = reference.fundedFiscalYears;
  const t = await getTranslations("Initiatives");
  const exports = await getTranslations("Exports");
  const lifecycle = await getTranslations("Lifecycle");
  const health = await getTranslations("Health");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const query = filtersToQuery(filters);
  const { page: _page, ...exportQuery } = query;
  const form = "filters";
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: t("title") }]}>
        <p>{t("intro")}</p>
      </PageHeader>

      {holdsPermission(user, "initiative.create") && (
        <p>
          <Link href="/initiatives/new" className="gc-button">
            {t("newInitiative")}
          </Link>
        </p>
      )}

      <section aria-labelledby="filters-heading" className="my-6 border border-gc-border p-4">
        <h2 id="filters-heading" className="mt-0">
          {t("filtersHeading")}
        </h2>
        <form method="get" role="search" className="grid gap-x-6 sm:grid-cols-2 lg:grid-cols-3" data-testid="initiative-filters">
          <div className="mb-4 sm:col-span-2 lg:col-span-3">
            <label htmlFor={`${form}-q`} className="gc-label">
              {t("search")}
            </label>
            <span id={`${form}-q-hint`} className="mb-1 block text-sm text-gc-secondary">
              {t("searchHint")}
            </span>
            <input id={`${form}-q`} name="q" type="search" className="gc-input" defaultValue={filters.q ?? ""} aria-describedby={`${form}-q-hint`} />
          </div>
          <FilterSelect className="mb-4" id={`${form}-pillar`} name="pillar" label={t("pillar")} anyLabel={t("any")} value={filters.pillar} options={reference.pillars.map((p) => ({ value: p.code, label: byLocale(locale, p.nameEn, p.nameFr) }))} />
          <FilterSelect
            className="mb-4"
            id={`${form}-department`}
            name="department"
            label={t("department")}
            anyLabel={t("any")}
            value={filters.department}
            options={reference.departments.map((d) => ({ value: d.id, label: byLocale(locale, d.acronymEn, d.acronymFr) }))}
          />
          <FilterSelect className="mb-4" id={`${form}-health`} name="health" label={t("health")} anyLabel={t("any")} value={filters.health} options={(["GREEN", "AMBER", "RED", "NONE"] as const).map((h) => ({ value: h, label: health(h) }))} />
          <FilterSelect className="mb-4" id={`${form}-status`} name="status" label={t("status")} anyLabel={t("any")} value={filters.status} options={(["PLANNED", "ACTIVE", "COMPLETED", "CANCELLED"] as const).map((s) => ({ value: s, label: lifecycle(s) }))} />
          <FilterSelect className="mb-4" id={`${form}-fy`} name="fy" label={t("fiscalYear")} anyLabel={t("any")} value={filters.fiscalYear ? String(filters.fiscalYear) : undefined} options={years.map((y) => ({ value: String(y), label: fiscalYearLabel(y, locale) }))} />
          <div className="mb-4 flex items-end">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="stale" value="1" defaultChecked={filters.stale ?? false} />
              {t("stale")}
            </label>
          </div>
          {filters.sort !== "code" && <input type="hidden" name="sort" value={filters.sort} />}
          {filters.dir !== "asc" && <input type="hidden" name="dir" value={filters.dir} />}
          <div className="flex flex-wrap gap-4 sm:col-span-2 lg:col-span-3">
            <button type="submit" className="gc-button">
              {t("apply")}
            </button>
            <Link href="/initiatives" className="gc-button-secondary">
              {t("clear")}
            </Link>
          </div>
        </form>
      </section>

      <div className="mb-2 flex flex-wrap items-center justify-between gap-4">
        <p role="status" data-testid="result-count">
          {more ? t("resultCountMore", { count: total }) : t("resultCount", { count: total })}
        </p>
        <span className="flex flex-wrap gap-4">
          <a href={`/api/initiatives/export?${new URLSearchParams({ ...exportQuery, locale }).toString()}`} download>
            {t("exportCsv")}
          </a>
          <a href={`/api/initiatives/export/xlsx?${new URLSearchParams({ ...exportQuery, locale }).toString()}`} download aria-label={exports("xlsxLabel", { table: t("title") })}>
            {exports("xlsx")}
          </a>
        </span>
      </div>
      {rows.length > 0 && <InitiativesTable rows={rows} filters={filters} locale={locale} />}
      <p className="mt-2 text-sm">{t("needsUpdateExplained", { days: staleDays })}</p>

      <PageLinks
        label={t("pagination")}
        page={filters.page}
        pages={pages}
        hrefFor={(page) => ({ pathname: "/initiatives", query: filtersToQuery(filters, { page }) })}
        previous={t("previous")}
        next={t("next")}
        pageOf={more ? t("pageOfMore", { page: filters.page, pages }) : t("pageOf", { page: filters.page, pages })}
      />
    </>
  );
}
