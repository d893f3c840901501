import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { filterQuery, parseDashboardFilters, parsePillarCode } from "@/lib/dashboard/filters";
import { getDashboardVersioned, listPillarInitiatives } from "@/lib/dashboard/queries";
import { departmentOptions, fiscalYearOptions } from "@/lib/dashboard/tables";
import { byLocale } from "@/lib/i18n/localized";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { CachedMarkup } from "@/components/ui/cached-markup";
import { viewerClass } from "@/lib/cache";
import { PillarInitiatives } from "@/components/dashboard/pillar-initiatives";

export async function generateMetadata({ params }: PageProps<"/[locale]/dashboard/pillars/[code]">): Promise<Metadata> {
  const { code } = await params;
  return { title: parsePillarCode(code) ?? "" };
}

/** One pillar: the dashboard's figures for it, and its initiatives. An unknown or inactive pillar answers 404. */
export default async function PillarPage({ params, searchParams }: PageProps<"/[locale]/dashboard/pillars/[code]">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const code = parsePillarCode((await params).code);
  if (!code) notFound();
  const filters = parseDashboardFilters(await searchParams);
  const [{ data, key }, initiatives] = await Promise.all([getDashboardVersioned(user, { ...filters, pillar: code }), listPillarInitiatives(user, { ...filters, pillar: code })]);
  const tile = data.tiles[0];
  if (!tile) notFound();
  const departments = departmentOptions(data.matrix, locale);
  const department = filters.department ? departments.find((option) => option.acronymEn.toLowerCase() === filters.department!.toLowerCase()) : undefined;
  if (filters.department && !department) notFound();
  const scope = { fiscalYear: filters.fiscalYear, department: department?.acronymEn ?? null, pillar: code };

  const t = await getTranslations("Dashboard");
  const nav = await getTranslations("Nav");
  const name = byLocale(locale, tile.nameEn, tile.nameFr);
  const listQuery: Record<string, string> = { pillar: code };
  if (scope.department) listQuery.department = scope.department;
  return (
    <>
      <PageHeader title={name} trail={[{ label: nav("dashboard"), href: "/dashboard" }, { label: name }]}>
        <p className="max-w-3xl text-xl">{byLocale(locale, tile.descriptionEn, tile.descriptionFr)}</p>
      </PageHeader>
      <DashboardFilters
        action={getPathname({ href: `/dashboard/pillars/${code}`, locale })}
        filters={scope}
        fiscalYears={fiscalYearOptions(data.funding)}
        departments={departments}
        locale={locale}
      />
      <p className="no-print">
        <Link href={{ pathname: "/dashboard/briefing", query: filterQuery(scope) }}>{t("briefingLink")}</Link>
      </p>
      {/* Issue 23: the blocks drawn once per version of the data, language, scope and class of viewer. */}
      <CachedMarkup cacheKey={`dashboard-view|${key}|${locale}|${viewerClass(user)}|${JSON.stringify(scope)}`}>
        <DashboardView data={data} locale={locale} scope={scope} />
      </CachedMarkup>
      <section aria-labelledby="section-initiatives" className="mt-10">
        <h2 id="section-initiatives">{t("sections.initiatives")}</h2>
        {tile.total > initiatives.length && <p data-initiatives-shown>{t("initiativesShown", { shown: initiatives.length, total: tile.total })}</p>}
        <PillarInitiatives initiatives={initiatives} locale={locale} />
        <p>
          <Link href={{ pathname: "/initiatives", query: listQuery }}>{t("seeInList")}</Link>
        </p>
      </section>
    </>
  );
}
