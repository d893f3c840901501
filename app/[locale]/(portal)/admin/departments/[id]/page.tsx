import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDepartmentForEdit } from "@/lib/admin/queries";
import { guardPage } from "@/lib/auth/page-guard";
import { EditRecordPage } from "@/components/admin/edit-record-page";
import { updateDepartmentAction } from "../../actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/departments/[id]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "AdminDepartments" });
  return { title: t("edit") };
}

export default async function EditDepartmentPage({ params, searchParams }: PageProps<"/[locale]/admin/departments/[id]">) {
  const { user } = await guardPage(params, "admin.manage");
  const { id } = await params;
  const query = await searchParams;
  const department = await getDepartmentForEdit(user, id);
  if (!department) notFound();
  const t = await getTranslations("AdminDepartments");
  return (
    <EditRecordPage
      title={t("editNamed", { name: department.acronymEn })}
      section={{ label: t("title"), href: "/admin/departments" }}
      crumb={department.acronymEn}
      saved={query.saved}
      record={department}
      form={{
        action: updateDepartmentAction,
        testId: "edit-department",
        submitLabel: t("save"),
        fields: [
          { name: "acronymEn", label: t("acronymEn"), type: "text", defaultValue: department.acronymEn, required: true },
          { name: "acronymFr", label: t("acronymFr"), type: "text", defaultValue: department.acronymFr, required: true },
          { name: "nameEn", label: t("nameEn"), type: "text", defaultValue: department.nameEn, required: true },
          { name: "nameFr", label: t("nameFr"), type: "text", defaultValue: department.nameFr, required: true },
          { name: "active", label: t("activeLabel"), hint: t("activeHint"), type: "checkbox", defaultValue: department.active },
        ],
      }}
    />
  );
}
