import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { filterQuery, parseDashboardFilters } from "@/lib/dashboard/filters";
import { getDashboardVersioned } from "@/lib/dashboard/queries";
import { departmentOptions, fiscalYearOptions } from "@/lib/dashboard/tables";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { CachedMarkup } from "@/components/ui/cached-markup";
import { viewerClass } from "@/lib/cache";
import { DashboardResults } from "@/components/results/linked-indicators";

export default async function DashboardPage({ params, searchParams }: PageProps<"/[locale]/dashboard">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const filters = parseDashboardFilters(await searchParams);
  const { data, key } = await getDashboardVersioned(user, { ...filters, pillar: null });
  const departments = departmentOptions(data.matrix, locale);
  const department = filters.department ? departments.find((option) => option.acronymEn.toLowerCase() === filters.department!.toLowerCase()) : undefined;
  if (filters.department && !department) notFound();
  const scope = { fiscalYear: filters.fiscalYear, department: department?.acronymEn ?? null, pillar: null };

  const t = await getTranslations("Dashboard");
  const nav = await getTranslations("Nav");
  return (
    <>
      <PageHeader title={nav("dashboard")} trail={[{ label: nav("dashboard") }]}>
        <p className="max-w-3xl text-xl">{t("intro")}</p>
      </PageHeader>
      <DashboardFilters
        action={getPathname({ href: "/dashboard", locale })}
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
      <DashboardResults user={user} locale={locale} />
    </>
  );
}
