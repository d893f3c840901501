import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getPillarForEdit } from "@/lib/admin/queries";
import { guardPage } from "@/lib/auth/page-guard";
import { byLocale } from "@/lib/i18n/localized";
import { EditRecordPage } from "@/components/admin/edit-record-page";
import { updatePillarAction } from "../../actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/pillars/[id]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "AdminPillars" });
  return { title: t("edit") };
}

export default async function EditPillarPage({ params, searchParams }: PageProps<"/[locale]/admin/pillars/[id]">) {
  const { locale, user } = await guardPage(params, "admin.manage");
  const { id } = await params;
  const query = await searchParams;
  const pillar = await getPillarForEdit(user, id);
  if (!pillar) notFound();
  const t = await getTranslations("AdminPillars");
  const name = byLocale(locale, pillar.nameEn, pillar.nameFr);
  return (
    <EditRecordPage
      title={t("editNamed", { name })}
      section={{ label: t("title"), href: "/admin/pillars" }}
      crumb={name}
      intro={<p>{t("codeIs", { code: pillar.code })}</p>}
      saved={query.saved}
      record={pillar}
      form={{
        action: updatePillarAction,
        testId: "edit-pillar",
        submitLabel: t("save"),
        fields: [
          { name: "nameEn", label: t("nameEn"), type: "text", defaultValue: pillar.nameEn, required: true },
          { name: "nameFr", label: t("nameFr"), type: "text", defaultValue: pillar.nameFr, required: true },
          { name: "descriptionEn", label: t("descriptionEn"), type: "textarea", defaultValue: pillar.descriptionEn },
          { name: "descriptionFr", label: t("descriptionFr"), type: "textarea", defaultValue: pillar.descriptionFr },
          { name: "colour", label: t("colour"), hint: t("colourHint"), type: "text", defaultValue: pillar.colour, required: true },
          { name: "active", label: t("activeLabel"), hint: t("activeHint"), type: "checkbox", defaultValue: pillar.active },
        ],
      }}
    />
  );
}
