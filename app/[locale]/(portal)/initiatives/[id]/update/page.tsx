import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz/permissions";
import { reportingPeriodOf } from "@/lib/initiatives/labels";
import { getInitiativeForEdit } from "@/lib/initiatives/queries";
import { pickLocalized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/shell/page-header";
import { StatusUpdateForm } from "@/components/initiatives/small-forms";
import { postStatusUpdateAction } from "../../actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/initiatives/[id]/update">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Initiatives" });
  return { title: t("postUpdate") };
}

/** Post a status update. Answers not-found to anyone who may not post one for this initiative. */
export default async function PostUpdatePage({ params }: PageProps<"/[locale]/initiatives/[id]/update">) {
  const { locale, user } = await guardPage(params, "initiative.update");
  const { id } = await params;
  const initiative = await getInitiativeForEdit(user, id);
  if (!initiative || !can(user, "initiative.update", { departmentId: initiative.leadDepartmentId })) notFound();
  const t = await getTranslations("Initiatives");
  const health = await getTranslations("Health");
  // The current quarter, typed as people write it: "2026-27 Q3" / "2026-27 T3" (the command accepts both).
  const period = locale === "fr" ? reportingPeriodOf(new Date()).replace(" Q", " T") : reportingPeriodOf(new Date());
  return (
    <>
      <PageHeader
        title={t("updateTitle", { code: initiative.code })}
        trail={[{ label: t("title"), href: "/initiatives" }, { label: initiative.code, href: `/initiatives/${id}` }, { label: t("postUpdate") }]}
      >
        <p>{pickLocalized(locale, initiative.titleEn, initiative.titleFr)?.text}</p>
      </PageHeader>
      <StatusUpdateForm
        action={postStatusUpdateAction}
        initiativeId={id}
        healths={(["GREEN", "AMBER", "RED"] as const).map((h) => ({ value: h, label: health(h) }))}
        defaultPeriod={period}
        defaultProgress={initiative.progress}
        periodExample={locale === "fr" ? "2007-08 T3" : "2007-08 Q3"}
      />
    </>
  );
}
