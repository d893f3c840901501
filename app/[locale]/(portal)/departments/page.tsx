import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { listDepartments } from "@/lib/departments/queries";
import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata({ params }: PageProps<"/[locale]/departments">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Departments" });
  return { title: t("title") };
}

export default async function DepartmentsPage({ params }: PageProps<"/[locale]/departments">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const t = await getTranslations("Departments");
  const nav = await getTranslations("Nav");
  const departments = await listDepartments(user, locale);
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: nav("departments") }]}>
        <p>{t("intro", { count: departments.length })}</p>
      </PageHeader>
      <div className="overflow-x-auto">
        <table data-testid="departments-table">
          <caption>{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("acronym")}</th>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("leads")}</th>
              <th scope="col">{t("partners")}</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((department) => {
              const acronym = byLocale(locale, department.acronymEn, department.acronymFr);
              return (
                <tr key={department.id}>
                  <td>
                    <Link href={`/departments/${encodeURIComponent(department.acronymEn)}`}>{acronym}</Link>
                  </td>
                  <th scope="row" className="font-normal">
                    {byLocale(locale, department.nameEn, department.nameFr)}
                    {department.isChair && <span className="ml-2 text-sm font-semibold">({t("chair")})</span>}
                    {!department.active && <span className="ml-2 text-sm">({t("inactive")})</span>}
                  </th>
                  <td>{t("initiativeCount", { count: department._count.ledInitiatives })}</td>
                  <td>{t("initiativeCount", { count: department._count.partnerships })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
