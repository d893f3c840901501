import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { getResultForEdit, getResultsFormOptions } from "@/lib/results/queries";
import { resultLevels } from "@/lib/results/schemas";
import { ButtonForm } from "@/components/initiatives/button-form";
import { PageHeader } from "@/components/shell/page-header";
import { ResultForm } from "@/components/results/forms";
import { archiveResultAction, updateResultAction } from "../../actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/results/edit/[id]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "ResultsEdit" });
  return { title: t("editResult") };
}

/**
 * A coordinator edits an expected result, or archives it (never deleted: it leaves the pages, its indicators with
 * it, and stays in the database and the audit log). Anyone who may not, or an archived result, answers 404.
 */
export default async function EditResultPage({ params }: PageProps<"/[locale]/results/edit/[id]">) {
  const { locale, user } = await guardPage(params, "results.manage");
  const { id } = await params;
  const [result, options, t, edit] = await Promise.all([getResultForEdit(user, id), getResultsFormOptions(user), getTranslations("Results"), getTranslations("ResultsEdit")]);
  if (!result) notFound();
  const pillarName = byLocale(locale, result.pillar.nameEn, result.pillar.nameFr);
  const title = pickLocalized(locale, result.titleEn, result.titleFr)?.text ?? "";
  return (
    <>
      <PageHeader
        title={`${edit("editResult")} ${result.code}`}
        trail={[{ label: t("title"), href: "/results" }, { label: pillarName, href: `/results/${result.pillar.code}` }, { label: result.code }]}
      >
        <p>{title}</p>
      </PageHeader>
      <ResultForm
        action={updateResultAction}
        defaultPillarId={result.pillarId}
        pillars={options.pillars.map((pillar) => ({ value: pillar.id, label: byLocale(locale, pillar.nameEn, pillar.nameFr) }))}
        departments={options.departments.map((department) => ({ value: department.id, label: byLocale(locale, department.acronymEn, department.acronymFr) }))}
        levels={resultLevels.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
        initial={{ id: result.id, version: result.version, level: result.level, titleEn: result.titleEn, titleFr: result.titleFr, descriptionEn: result.descriptionEn, descriptionFr: result.descriptionFr, departmentIds: result.departmentIds }}
      />
      <section aria-labelledby="archive-result-heading" className="mt-8 max-w-3xl">
        <h2 id="archive-result-heading">{edit("archiveResult")}</h2>
        <p>{edit("archiveResultHint")}</p>
        <ButtonForm action={archiveResultAction} fields={{ id: result.id, version: result.version }} label={edit("archiveResultSubmit")} testId="archive-result" />
      </section>
    </>
  );
}
