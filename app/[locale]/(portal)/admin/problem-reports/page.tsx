import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { ResultTable } from "@/components/admin/list-page";
import { PageLinks } from "@/components/ui/page-links";
import { guardPage } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format/numbers";
import { listProblemReports } from "@/lib/problem-reports/queries";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/problem-reports">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "ProblemReport.admin" });
  return { title: t("title") };
}

/** Administrators: what people reported with the "Report a problem on this page" form, newest first, paginated. */
export default async function ProblemReportsPage({ params, searchParams }: PageProps<"/[locale]/admin/problem-reports">) {
  const { locale, user } = await guardPage(params, "admin.manage");
  const query = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(query.page ?? "1"), 10) || 1));
  const list = await listProblemReports(user, { page });
  if (!list) notFound();
  const t = await getTranslations("ProblemReport.admin");
  const href = (target: number) => `/admin/problem-reports${target > 1 ? `?page=${target}` : ""}`;

  return (
    <>
      <AdminPageHeader title={t("title")}>
        <p>{t("intro")}</p>
      </AdminPageHeader>
      {list.reports.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ResultTable
          testId="problem-reports-table"
          caption={t("caption", { page, pages: list.pages })}
          columns={[t("received"), t("page"), t("description"), t("reporter"), t("language"), t("reference")]}
        >
          {list.reports.map((report) => (
            <tr key={report.id}>
              <td>{formatDateTime(report.createdAt, locale)}</td>
              <td className="break-all">{report.pagePath}</td>
              <th scope="row" className="font-normal whitespace-pre-wrap">
                {report.description}
              </th>
              <td>
                {report.reporter ? `${report.reporter.displayName} (${report.reporter.email})` : t("notSignedIn")}
                {report.contactEmail && <span className="block text-sm">{t("replyTo", { email: report.contactEmail })}</span>}
              </td>
              <td lang={report.locale}>{report.locale === "fr" ? "Français" : "English"}</td>
              <td className="text-sm break-all">{report.requestId}</td>
            </tr>
          ))}
        </ResultTable>
      )}
      <PageLinks label={t("pagination")} page={page} pages={list.pages} hrefFor={href} previous={t("previous")} next={t("next")} />
    </>
  );
}
