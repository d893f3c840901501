import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { formatIsoDate } from "@/lib/format/numbers";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { getIndicatorForEdit, getResultsFormOptions } from "@/lib/results/queries";
import { figureForInput } from "@/lib/results/format";
import { indicatorDirections, indicatorFrequencies, indicatorUnits } from "@/lib/results/schemas";
import { ButtonForm } from "@/components/initiatives/button-form";
import { PageHeader } from "@/components/shell/page-header";
import { IndicatorForm } from "@/components/results/forms";
import { archiveIndicatorAction, updateIndicatorAction } from "../../../results/actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/indicators/[id]/edit">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "ResultsEdit" });
  return { title: t("editIndicator") };
}

/**
 * A coordinator edits an indicator (not its unit), or archives it: it leaves the pages and the counts, its targets
 * and actuals stay in the database. Anyone who may not, or an archived indicator, answers 404.
 */
export default async function EditIndicatorPage({ params }: PageProps<"/[locale]/indicators/[id]/edit">) {
  const { locale, user } = await guardPage(params, "results.manage");
  const { id } = await params;
  const [indicator, options, t, edit] = await Promise.all([getIndicatorForEdit(user, id), getResultsFormOptions(user), getTranslations("Results"), getTranslations("ResultsEdit")]);
  if (!indicator) notFound();
  const pillarName = byLocale(locale, indicator.result.pillar.nameEn, indicator.result.pillar.nameFr);
  // The form's list (first 100 by code) plus the initiatives already linked, so that saving keeps every link.
  const initiatives = [...options.initiatives, ...indicator.initiatives.filter((linked) => !options.initiatives.some((option) => option.id === linked.id))];
  return (
    <>
      <PageHeader
        title={`${edit("editIndicator")} ${indicator.code}`}
        trail={[
          { label: t("title"), href: "/results" },
          { label: pillarName, href: `/results/${indicator.result.pillar.code}` },
          { label: indicator.code, href: `/indicators/${indicator.id}` },
          { label: edit("editIndicator") },
        ]}
      >
        <p>
          {t("expectedResult")}: {indicator.result.code} — {pickLocalized(locale, indicator.result.titleEn, indicator.result.titleFr)?.text}
        </p>
      </PageHeader>
      <IndicatorForm
        action={updateIndicatorAction}
        resultId={indicator.result.id}
        locale={locale}
        departments={options.departments.map((d) => ({ value: d.id, label: byLocale(locale, d.acronymEn, d.acronymFr) }))}
        initiatives={initiatives.map((i) => ({ value: i.id, label: `${i.code} ${pickLocalized(locale, i.titleEn, i.titleFr)?.text ?? ""}` }))}
        units={indicatorUnits.map((unit) => ({ value: unit, label: t(`units.${unit}`) }))}
        directions={indicatorDirections.map((direction) => ({ value: direction, label: t(`directions.${direction}`) }))}
        frequencies={indicatorFrequencies.map((frequency) => ({ value: frequency, label: t(`frequencies.${frequency}`) }))}
        initial={{
          id: indicator.id,
          version: indicator.version,
          unit: indicator.unit,
          nameEn: indicator.nameEn,
          nameFr: indicator.nameFr,
          methodologyEn: indicator.methodologyEn,
          methodologyFr: indicator.methodologyFr,
          dataSourceEn: indicator.dataSourceEn,
          dataSourceFr: indicator.dataSourceFr,
          direction: indicator.direction,
          frequency: indicator.frequency,
          cumulative: indicator.cumulative,
          baselineValue: indicator.baselineValue === null ? "" : figureForInput(indicator.baselineValue, locale),
          baselineDate: indicator.baselineDate ? formatIsoDate(indicator.baselineDate) : "",
          responsibleDepartmentId: indicator.responsibleDepartmentId,
          initiativeIds: indicator.initiativeIds,
        }}
      />
      <section aria-labelledby="archive-indicator-heading" className="mt-8 max-w-3xl">
        <h2 id="archive-indicator-heading">{edit("archiveIndicator")}</h2>
        <p>{edit("archiveIndicatorHint")}</p>
        <ButtonForm action={archiveIndicatorAction} fields={{ id: indicator.id, version: indicator.version }} label={edit("archiveIndicatorSubmit")} testId="archive-indicator" />
      </section>
    </>
  );
}
