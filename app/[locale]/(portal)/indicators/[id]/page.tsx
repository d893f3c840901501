import type { Metadata } from "next";
import { Discussion } from "@/components/discussion/discussion";
import { getThreads, threadOf } from "@/lib/discussion/queries";
import { isUuid } from "@/lib/security/ids";
import { editCommentAction, hideCommentAction, postCommentAction } from "../../discussion/actions";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz/permissions";
import { fiscalYearLabel, formatIsoDate } from "@/lib/format/numbers";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { achieveByText, formatFigure, targetText } from "@/lib/results/format";
import { getIndicatorDetail } from "@/lib/results/queries";
import { targetTypes } from "@/lib/results/schemas";
import { ButtonForm } from "@/components/initiatives/button-form";
import { LocalizedText } from "@/components/ui/localized-text";
import { PageHeader } from "@/components/shell/page-header";
import { ActualForm, CorrectActualForm, TargetForm } from "@/components/results/forms";
import { IndicatorSeries } from "@/components/results/indicator-series";
import { ResultStatusBadge } from "@/components/results/status-badge";
import { archiveTargetAction, correctActualAction, enterActualAction, reviewActualAction, setTargetAction } from "../../results/actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/indicators/[id]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Results" });
  return { title: t("indicator") };
}

/**
 * One indicator: what it measures, its targets and actuals over the fiscal years (chart, table, CSV), the history of
 * its entries, and the forms its responsible department (actuals) and the coordinators (targets, review) use.
 */
export default async function IndicatorPage({ params }: PageProps<"/[locale]/indicators/[id]">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const { id } = await params;
  const [data, threads] = await Promise.all([getIndicatorDetail(user, id), isUuid(id) ? getThreads(user, [{ type: "indicator", id }]) : null]);
  if (!data) notFound();
  const { indicator, entries, context } = data;
  const t = await getTranslations("Results");
  const edit = await getTranslations("ResultsEdit");
  const name = pickLocalized(locale, indicator.nameEn, indicator.nameFr);
  const pillarName = byLocale(locale, indicator.result.pillar.nameEn, indicator.result.pillar.nameFr);
  const mayReport = can(user, "results.report", { departmentId: indicator.responsibleDepartmentId });
  const mayManage = can(user, "results.manage");
  // Entries a later entry corrects are history: only the current ones can be corrected.
  const corrected = new Set(entries.map((entry) => entry.correctsId).filter((id): id is string => id !== null));
  const currentTargets = indicator.series.flatMap((point) => (point.target ? [point.target] : []));
  const versions = Object.fromEntries(indicator.series.filter((point) => point.target).map((point) => [String(point.fiscalYear), point.target!.version]));
  return (
    <>
      <PageHeader
        title={`${indicator.code} — ${name?.text ?? ""}`}
        trail={[{ label: t("title"), href: "/results" }, { label: pillarName, href: `/results/${indicator.result.pillar.code}` }, { label: indicator.code }]}
      >
        <p>
          {t("expectedResult")}: {indicator.result.code} — <LocalizedText value={pickLocalized(locale, indicator.result.titleEn, indicator.result.titleFr)} /> ({t(`levels.${indicator.result.level}`)})
        </p>
        <p>
          {t("statusHeader")} ({fiscalYearLabel(indicator.headline.fiscalYear, locale)}): <ResultStatusBadge status={indicator.headline.status} locale={locale} />
        </p>
        {indicator.illustrative && <p className="font-semibold">{t("illustrativeHint")}</p>}
        {mayManage && (
          <p>
            <Link href={`/indicators/${indicator.id}/edit`}>{edit("editIndicatorLink")}</Link>
          </p>
        )}
      </PageHeader>
      <dl className="mb-6 grid gap-x-6 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("responsibleDepartment")}</dt>
        <dd>{byLocale(locale, indicator.responsibleDepartment.acronymEn, indicator.responsibleDepartment.acronymFr)}</dd>
        <dt className="font-semibold">{t("unit")}</dt>
        <dd>{t(`units.${indicator.unit}`)}</dd>
        <dt className="font-semibold">{t("direction")}</dt>
        <dd>{t(`directions.${indicator.direction}`)}</dd>
        <dt className="font-semibold">{t("frequency")}</dt>
        <dd>
          {t(`frequencies.${indicator.frequency}`)}, {indicator.cumulative ? t("cumulativeShort") : t("perYear")}
        </dd>
        <dt className="font-semibold">{t("baseline")}</dt>
        <dd>
          {indicator.baselineValue !== null ? formatFigure(indicator.baselineValue, indicator.unit, locale) : t("none")}
          {indicator.baselineDate ? ` (${formatIsoDate(indicator.baselineDate)})` : ""}
        </dd>
        <dt className="font-semibold">{t("methodology")}</dt>
        <dd>
          <LocalizedText value={pickLocalized(locale, indicator.methodologyEn, indicator.methodologyFr)} />
        </dd>
        <dt className="font-semibold">{t("dataSource")}</dt>
        <dd>
          <LocalizedText value={pickLocalized(locale, indicator.dataSourceEn, indicator.dataSourceFr)} />
        </dd>
        <dt className="font-semibold">{t("contributingInitiatives")}</dt>
        <dd>
          {indicator.initiatives.length === 0
            ? t("none")
            : indicator.initiatives.map((initiative, index) => (
                <span key={initiative.id}>
                  {index > 0 && ", "}
                  <Link href={`/initiatives/${initiative.id}`}>{initiative.code}</Link>
                </span>
              ))}
        </dd>
      </dl>

      <section aria-labelledby="indicator-series-heading">
        <h2 id="indicator-series-heading">{t("series")}</h2>
        <IndicatorSeries series={indicator.series} unit={indicator.unit} name={name?.text ?? indicator.code} locale={locale} />
        <p>
          <a href={`/api/indicators/${indicator.id}/export?locale=${locale}`} download>
            {t("downloadCsv")}
          </a>
        </p>
      </section>

      <section aria-labelledby="indicator-actual-heading" className="mt-8">
        <h2 id="indicator-actual-heading">{t("enterActual")}</h2>
        {mayReport ? (
          <ActualForm
            action={enterActualAction}
            indicatorId={indicator.id}
            locale={locale}
            narrative={indicator.unit === "NARRATIVE"}
            quarterly={indicator.frequency === "QUARTERLY"}
            margin={context.marginPercent}
            defaultFiscalYear={String(context.currentFiscalYear)}
          />
        ) : (
          <p>{t("notAllowedToEnter")}</p>
        )}
      </section>

      {mayManage && (
        <section aria-labelledby="indicator-target-heading" className="mt-8">
          <h2 id="indicator-target-heading">{t("setTarget")}</h2>
          <TargetForm
            action={setTargetAction}
            indicatorId={indicator.id}
            locale={locale}
            narrative={indicator.unit === "NARRATIVE"}
            targetTypes={targetTypes.filter((type) => (indicator.unit === "NARRATIVE") === (type === "NARRATIVE")).map((type) => ({ value: type, label: t(`targetTypes.${type}`) }))}
            versions={versions}
            defaultFiscalYear={String(context.currentFiscalYear)}
          />
          {currentTargets.length > 0 && (
            <>
              <h3 id="indicator-targets-heading">{edit("currentTargets")}</h3>
              <p>{edit("archiveTargetHint")}</p>
              <ul className="list-none p-0" aria-labelledby="indicator-targets-heading">
                {currentTargets.map((target) => (
                  <li key={target.id} className="mb-2 flex flex-wrap items-center gap-4" data-target={target.fiscalYear}>
                    <span>
                      {fiscalYearLabel(target.fiscalYear, locale)}: {targetText(target, indicator.unit, locale)} ({t("achieveBy")} {achieveByText(target)})
                    </span>
                    <ButtonForm action={archiveTargetAction} fields={{ id: target.id, version: target.version }} label={edit("archiveTargetSubmit", { year: fiscalYearLabel(target.fiscalYear, locale) })} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="indicator-entries-heading" className="mt-8">
        <h2 id="indicator-entries-heading">{t("entries")}</h2>
        {entries.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="list-none p-0">
            {entries.map((entry) => (
              <li key={entry.id} className="mb-3 border-l-4 border-gc-border pl-3" data-entry={entry.id}>
                <p className="mb-0 font-semibold">
                  {fiscalYearLabel(entry.fiscalYear, locale)}
                  {entry.quarter ? ` ${t("quarterLabel", { quarter: entry.quarter })}` : ""}:{" "}
                  {entry.value !== null ? formatFigure(entry.value, indicator.unit, locale) : <LocalizedText value={pickLocalized(locale, entry.narrativeEn, entry.narrativeFr)} />}
                </p>
                <p className="mb-0 text-sm">
                  {t("measuredOn")}: {formatIsoDate(entry.measuredOn)}. {t("enteredBy")}: {entry.author?.displayName ?? "—"}, {formatIsoDate(entry.createdAt)}.{" "}
                  {entry.reviewedAt ? `${t("reviewed")} (${entry.reviewedBy?.displayName ?? ""}, ${formatIsoDate(entry.reviewedAt)})` : t("notReviewed")}
                </p>
                {entry.correctionReason && <p className="mb-0 text-sm">{t("correction", { reason: entry.correctionReason })}</p>}
                <LocalizedText value={pickLocalized(locale, entry.explanationEn, entry.explanationFr)} as="p" />
                {mayManage && !entry.reviewedAt && <ButtonForm action={reviewActualAction} fields={{ actualId: entry.id }} label={t("review")} />}
                {mayReport && !corrected.has(entry.id) && (
                  <CorrectActualForm
                    action={correctActualAction}
                    actualId={entry.id}
                    locale={locale}
                    narrative={indicator.unit === "NARRATIVE"}
                    margin={context.marginPercent}
                    label={edit("correctEntry", { year: `${fiscalYearLabel(entry.fiscalYear, locale)}${entry.quarter ? ` ${t("quarterLabel", { quarter: entry.quarter })}` : ""}` })}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {threads && <Discussion thread={threadOf(threads, "indicator", indicator.id)} initiativeIds={threads.initiativeIds} user={user} locale={locale} actions={{ post: postCommentAction, edit: editCommentAction, hide: hideCommentAction }} />}
    </>
  );
}
