import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { getReferenceData } from "@/lib/initiatives/queries";
import { PageHeader } from "@/components/shell/page-header";
import { InitiativeForm } from "@/components/initiatives/initiative-form";
import { initiativeFormOptions } from "@/components/initiatives/form-options";
import { createInitiativeAction } from "../actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/initiatives/new">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Initiatives" });
  return { title: t("createTitle") };
}

export default async function NewInitiativePage({ params }: PageProps<"/[locale]/initiatives/new">) {
  const { locale, user } = await guardPage(params, "initiative.create");
  const t = await getTranslations("Initiatives");
  const lifecycle = await getTranslations("Lifecycle");
  const options = initiativeFormOptions(user, await getReferenceData(), locale);
  return (
    <>
      <PageHeader title={t("createTitle")} trail={[{ label: t("title"), href: "/initiatives" }, { label: t("createTitle") }]} />
      <InitiativeForm
        action={createInitiativeAction}
        values={{
          titleEn: "",
          titleFr: "",
          summaryEn: "",
          summaryFr: "",
          leadDepartmentId: options.leadOptions.length === 1 ? options.leadOptions[0]!.value : "",
          partnerDepartmentIds: [],
          primaryPillarId: "",
          secondaryPillarIds: [],
          status: "PLANNED",
          startDate: "",
          targetEndDate: "",
          notes: "",
        }}
        {...options}
        statuses={(["PLANNED", "ACTIVE", "COMPLETED", "CANCELLED"] as const).map((s) => ({ value: s, label: lifecycle(s) }))}
        submitLabel={t("create")}
      />
    </>
  );
}
