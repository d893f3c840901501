import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { byLocale } from "@/lib/i18n/localized";
import { getResultsFormOptions } from "@/lib/results/queries";
import { resultLevels } from "@/lib/results/schemas";
import { PageHeader } from "@/components/shell/page-header";
import { ResultForm } from "@/components/results/forms";
import { createResultAction } from "../actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/results/new">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Results" });
  return { title: t("newResult") };
}

/** A coordinator defines an expected result. Answers not-found to anyone who may not. */
export default async function NewResultPage({ params, searchParams }: PageProps<"/[locale]/results/new">) {
  const { locale, user } = await guardPage(params, "results.manage");
  const query = await searchParams;
  const [options, t] = await Promise.all([getResultsFormOptions(user), getTranslations("Results")]);
  const pillarCode = typeof query.pillar === "string" ? query.pillar.toUpperCase() : "";
  const defaultPillar = options.pillars.find((pillar) => pillar.code === pillarCode) ?? options.pillars[0];
  return (
    <>
      <PageHeader title={t("newResult")} trail={[{ label: t("title"), href: "/results" }, { label: t("newResult") }]} />
      <ResultForm
        action={createResultAction}
        defaultPillarId={defaultPillar?.id ?? ""}
        pillars={options.pillars.map((pillar) => ({ value: pillar.id, label: byLocale(locale, pillar.nameEn, pillar.nameFr) }))}
        departments={options.departments.map((department) => ({ value: department.id, label: byLocale(locale, department.acronymEn, department.acronymFr) }))}
        levels={resultLevels.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
      />
    </>
  );
}
