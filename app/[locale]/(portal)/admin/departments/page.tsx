import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listDepartmentsForAdmin } from "@/lib/admin/queries";
import { guardPage } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { CommandForm } from "@/components/forms/command-form";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { ResultTable } from "@/components/admin/list-page";
import { SavedNotice } from "@/components/ui/status-notice";
import { createDepartmentAction } from "../actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/departments">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "AdminDepartments" });
  return { title: t("title") };
}

export default async function AdminDepartmentsPage({ params, searchParams }: PageProps<"/[locale]/admin/departments">) {
  const { user } = await guardPage(params, "admin.manage");
  const query = await searchParams;
  const t = await getTranslations("AdminDepartments");
  const departments = await listDepartmentsForAdmin(user);
  return (
    <>
      <AdminPageHeader title={t("title")} />
      <SavedNotice show={query.saved} />
      <ResultTable testId="admin-departments-table" caption={t("tableCaption")} columns={[t("acronymEn"), t("acronymFr"), t("nameEn"), t("nameFr"), t("status")]}>
        {departments.map((department) => (
          <tr key={department.id}>
            <th scope="row" className="font-normal">
              <Link href={`/admin/departments/${department.id}`} aria-label={t("editNamed", { name: department.acronymEn })}>
                {department.acronymEn}
              </Link>
            </th>
            <td lang="fr">{department.acronymFr}</td>
            <td lang="en">{department.nameEn}</td>
            <td lang="fr">{department.nameFr}</td>
            <td>{department.active ? t("active") : t("inactive")}</td>
          </tr>
        ))}
      </ResultTable>
      <h2>{t("create")}</h2>
      <CommandForm
        action={createDepartmentAction}
        creates
        testId="create-department"
        submitLabel={t("createSubmit")}
        fields={[
          { name: "acronymEn", label: t("acronymEn"), type: "text", required: true },
          { name: "acronymFr", label: t("acronymFr"), type: "text", required: true },
          { name: "nameEn", label: t("nameEn"), type: "text", required: true },
          { name: "nameFr", label: t("nameFr"), type: "text", required: true },
        ]}
      />
    </>
  );
}
