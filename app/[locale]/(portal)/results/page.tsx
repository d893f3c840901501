import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz/permissions";
import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { getResultsOverview } from "@/lib/results/queries";
import { resultStatuses } from "@/lib/results/status";
import { PageHeader } from "@/components/shell/page-header";
import { ResultStatusBadge } from "@/components/results/status-badge";
import { ResultsExportLinks } from "@/components/results/results-export-links";

export async function generateMetadata({ params }: PageProps<"/[locale]/results">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Results" });
  return { title: t("title") };
}

/** The results framework at a glance: per pillar, how many indicators are met, not met, not yet due, without data. */
export default async function ResultsPage({ params }: PageProps<"/[locale]/results">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const [pillars, t] = await Promise.all([getResultsOverview(user), getTranslations("Results")]);
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: t("title") }]}>
        <p className="max-w-3xl">{t("intro")}</p>
        {can(user, "export.read") && <ResultsExportLinks locale={locale} />}
      </PageHeader>
      {can(user, "results.manage") && (
        <p>
          <Link href="/results/new" className="gc-button">
            {t("newResult")}
          </Link>
        </p>
      )}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("overviewCaption")}>
        <table className="gc-table" data-testid="results-overview">
          <caption>{t("overviewCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("pillar")}</th>
              <th scope="col">{t("results")}</th>
              <th scope="col">{t("indicators")}</th>
              {resultStatuses.map((status) => (
                <th scope="col" key={status}>
                  <ResultStatusBadge status={status} locale={locale} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pillars.map((pillar) => (
              <tr key={pillar.id} data-results-pillar={pillar.code}>
                <th scope="row">
                  <Link href={`/results/${pillar.code}`}>{byLocale(locale, pillar.nameEn, pillar.nameFr)}</Link>
                </th>
                <td>{pillar.results}</td>
                <td>{pillar.indicators}</td>
                {resultStatuses.map((status) => (
                  <td key={status} data-count={status}>
                    {pillar.counts[status]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
