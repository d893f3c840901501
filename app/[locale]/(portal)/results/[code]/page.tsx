import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz/permissions";
import { parsePillarCode } from "@/lib/dashboard/filters";
import { fiscalYearLabel } from "@/lib/format/numbers";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { achieveByText, formatFigure, targetText } from "@/lib/results/format";
import { getPillarResults } from "@/lib/results/queries";
import { LocalizedText } from "@/components/ui/localized-text";
import { PageHeader } from "@/components/shell/page-header";
import { ResultStatusBadge } from "@/components/results/status-badge";
import { PillarSpending } from "@/components/results/pillar-spending";
import { ResultsExportLinks } from "@/components/results/results-export-links";

export async function generateMetadata({ params }: PageProps<"/[locale]/results/[code]">): Promise<Metadata> {
  const { locale, code } = await params;
  const t = await getTranslations({ locale, namespace: "Results" });
  return { title: `${t("title")} — ${parsePillarCode(code) ?? ""}` };
}

/**
 * One pillar's results: each expected result, its indicators, the target of the year reported on, the latest
 * actual and its status (text and shape). An unknown or inactive pillar answers 404.
 */
export default async function PillarResultsPage({ params }: PageProps<"/[locale]/results/[code]">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const code = parsePillarCode((await params).code);
  if (!code) notFound();
  const data = await getPillarResults(user, code);
  if (!data) notFound();
  const t = await getTranslations("Results");
  const edit = await getTranslations("ResultsEdit");
  const name = byLocale(locale, data.pillar.nameEn, data.pillar.nameFr);
  return (
    <>
      <PageHeader title={t("seeResults", { pillar: name })} trail={[{ label: t("title"), href: "/results" }, { label: name }]}>
        <p className="max-w-3xl">{byLocale(locale, data.pillar.descriptionEn, data.pillar.descriptionFr)}</p>
        {can(user, "export.read") && <ResultsExportLinks locale={locale} pillar={data.pillar.code} />}
      </PageHeader>
      {can(user, "results.manage") && (
        <p>
          <Link href={{ pathname: "/results/new", query: { pillar: data.pillar.code } }} className="gc-button">
            {t("newResult")}
          </Link>
        </p>
      )}
      {data.results.length === 0 && <p>{t("noResults")}</p>}
      {data.results.map((result) => (
        <section key={result.id} aria-labelledby={`result-${result.id}`} className="mt-8" data-result={result.code}>
          <h2 id={`result-${result.id}`}>
            {result.code} — <LocalizedText value={pickLocalized(locale, result.titleEn, result.titleFr)} />
          </h2>
          <p>
            {t("level")}: {t(`levels.${result.level}`)}. {t("responsibleDepartments")}:{" "}
            {result.departments.map((d) => byLocale(locale, d.department.acronymEn, d.department.acronymFr)).join(", ") || t("none")}
          </p>
          <LocalizedText value={pickLocalized(locale, result.descriptionEn, result.descriptionFr)} as="p" />
          {result.indicators.length === 0 ? (
            <p>{t("noIndicators")}</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={`result-${result.id}`}>
              <table className="gc-table">
                <thead>
                  <tr>
                    <th scope="col">{t("indicator")}</th>
                    <th scope="col">{t("responsibleDepartment")}</th>
                    <th scope="col">{t("fiscalYear")}</th>
                    <th scope="col">{t("target")}</th>
                    <th scope="col">{t("latestActual")}</th>
                    <th scope="col">{t("achieveBy")}</th>
                    <th scope="col">{t("statusHeader")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.indicators.map((indicator) => {
                    const point = indicator.headline;
                    return (
                      <tr key={indicator.id} data-indicator={indicator.code}>
                        <th scope="row">
                          <Link href={`/indicators/${indicator.id}`}>
                            {indicator.code} — <LocalizedText value={pickLocalized(locale, indicator.nameEn, indicator.nameFr)} />
                          </Link>
                          {indicator.illustrative && <span className="block text-sm text-gc-secondary">{t("illustrative")}</span>}
                        </th>
                        <td>{byLocale(locale, indicator.responsibleDepartment.acronymEn, indicator.responsibleDepartment.acronymFr)}</td>
                        <td>{fiscalYearLabel(point.fiscalYear, locale)}</td>
                        <td>{point.target ? targetText(point.target, indicator.unit, locale) : t("none")}</td>
                        <td>
                          {point.actual
                            ? point.actual.value !== null
                              ? formatFigure(point.actual.value, indicator.unit, locale)
                              : (byLocale(locale, point.actual.narrativeEn, point.actual.narrativeFr) ?? point.actual.narrativeEn ?? point.actual.narrativeFr)
                            : t("none")}
                        </td>
                        <td>{point.target ? achieveByText(point.target) : ""}</td>
                        <td>
                          <ResultStatusBadge status={point.status} locale={locale} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {can(user, "results.manage") && (
            <p className="flex flex-wrap gap-4">
              <Link href={{ pathname: "/indicators/new", query: { result: result.id } }}>{t("newIndicator")}</Link>
              <Link href={`/results/edit/${result.id}`}>{edit("editResultLink", { code: result.code })}</Link>
            </p>
          )}
        </section>
      ))}
      <PillarSpending user={user} pillarId={data.pillar.id} fiscalYear={data.context.currentFiscalYear} locale={locale} />
    </>
  );
}
