import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { getResult, getResultsFormOptions } from "@/lib/results/queries";
import { indicatorDirections, indicatorFrequencies, indicatorUnits } from "@/lib/results/schemas";
import { isUuid } from "@/lib/security/ids";
import { PageHeader } from "@/components/shell/page-header";
import { IndicatorForm } from "@/components/results/forms";
import { createIndicatorAction } from "../../results/actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/indicators/new">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Results" });
  return { title: t("newIndicator") };
}

/** A coordinator defines an indicator under an expected result (`?result=<id>`). */
export default async function NewIndicatorPage({ params, searchParams }: PageProps<"/[locale]/indicators/new">) {
  const { locale, user } = await guardPage(params, "results.manage");
  const { result: resultId } = await searchParams;
  if (typeof resultId !== "string" || !isUuid(resultId)) notFound();
  const [result, options, t] = await Promise.all([getResult(user, resultId), getResultsFormOptions(user), getTranslations("Results")]);
  if (!result) notFound();
  const pillarName = byLocale(locale, result.pillar.nameEn, result.pillar.nameFr);
  return (
    <>
      <PageHeader
        title={t("newIndicator")}
        trail={[{ label: t("title"), href: "/results" }, { label: pillarName, href: `/results/${result.pillar.code}` }, { label: t("newIndicator") }]}
      >
        <p>
          {t("expectedResult")}: {result.code} — {pickLocalized(locale, result.titleEn, result.titleFr)?.text}
        </p>
      </PageHeader>
      <IndicatorForm
        action={createIndicatorAction}
        resultId={result.id}
        locale={locale}
        departments={options.departments.map((d) => ({ value: d.id, label: byLocale(locale, d.acronymEn, d.acronymFr) }))}
        initiatives={options.initiatives.map((i) => ({ value: i.id, label: `${i.code} ${pickLocalized(locale, i.titleEn, i.titleFr)?.text ?? ""}` }))}
        units={indicatorUnits.map((unit) => ({ value: unit, label: t(`units.${unit}`) }))}
        directions={indicatorDirections.map((direction) => ({ value: direction, label: t(`directions.${direction}`) }))}
        frequencies={indicatorFrequencies.map((frequency) => ({ value: frequency, label: t(`frequencies.${frequency}`) }))}
      />
    </>
  );
}
