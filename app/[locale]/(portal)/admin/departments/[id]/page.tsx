import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDepartmentForEdit } from "@/lib/admin/queries";
import { guardPage } from "@/lib/auth/page-guard";
import { CommandForm } from "@/components/accounts/command-form";
import { PageHeader } from "@/components/shell/page-header";
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
  const nav = await getTranslations("Nav");
  const forms = await getTranslations("Forms");
  return (
    <>
      <PageHeader
        title={t("editNamed", { name: department.acronymEn })}
        trail={[{ label: nav("administration"), href: "/admin" }, { label: t("title"), href: "/admin/departments" }, { label: department.acronymEn }]}
      />
      {query.saved && (
        <p role="status" className="mb-6 border-l-4 border-health-green bg-gc-light p-4">
          {forms("saved")}
        </p>
      )}
      <CommandForm
        action={updateDepartmentAction}
        testId="edit-department"
        submitLabel={t("save")}
        fields={[
          { name: "id", label: "", type: "hidden", defaultValue: department.id },
          { name: "version", label: "", type: "hidden", defaultValue: String(department.version) },
          { name: "acronymEn", label: t("acronymEn"), type: "text", defaultValue: department.acronymEn, required: true },
          { name: "acronymFr", label: t("acronymFr"), type: "text", defaultValue: department.acronymFr, required: true },
          { name: "nameEn", label: t("nameEn"), type: "text", defaultValue: department.nameEn, required: true },
          { name: "nameFr", label: t("nameFr"), type: "text", defaultValue: department.nameFr, required: true },
          { name: "active", label: t("activeLabel"), hint: t("activeHint"), type: "checkbox", defaultValue: department.active },
        ]}
      />
    </>
  );
}
