import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { holdsPermission } from "@/lib/authz/permissions";
import { fiscalYearLabel } from "@/lib/format/numbers";
import { FISCAL_YEAR_MIN } from "@/lib/initiatives/schemas";
import { Link } from "@/lib/i18n/navigation";
import { listReportYears } from "@/lib/reports/queries";
import { currentFiscalYear, fiscalYearSlug } from "@/lib/reports/schemas";
import { PageHeader } from "@/components/shell/page-header";
import { GenerateReportForm } from "@/components/reports/report-forms";
import { generateReportAction } from "./actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/reports">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Reports" });
  return { title: t("title") };
}

/**
 * Reports (issue 19.4 and 19.5): per fiscal year, the annual progress report (issued, or the draft for those who
 * issue it) and the Treasury Board horizontal-initiative table (Excel, Word); coordinators generate a year's report.
 */
export default async function ReportsPage({ params }: PageProps<"/[locale]/reports">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const years = await listReportYears(user);
  const t = await getTranslations("Reports");
  const manager = holdsPermission(user, "reports.manage");
  const current = currentFiscalYear();
  const choices = Array.from({ length: current + 2 - FISCAL_YEAR_MIN }, (_, index) => current + 1 - index).map((year) => ({ value: String(year), label: fiscalYearLabel(year, locale) }));
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: t("title") }]}>
        <p>{t("intro")}</p>
      </PageHeader>
      {manager && (
        <section aria-labelledby="reports-generate" className="mb-8">
          <h2 id="reports-generate">{t("generateHeading")}</h2>
          <GenerateReportForm action={generateReportAction} years={choices} label={t("generate")} />
        </section>
      )}
      <div className="overflow-x-auto">
        <table data-testid="report-years">
          <caption className="sr-only">{t("yearsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.fiscalYear")}</th>
              <th scope="col">{t("columns.annualReport")}</th>
              <th scope="col">{t("columns.treasuryBoard")}</th>
            </tr>
          </thead>
          <tbody>
            {years.map(({ fiscalYear, issued, draft }) => {
              const label = fiscalYearLabel(fiscalYear, locale);
              const slug = fiscalYearSlug(fiscalYear);
              return (
                <tr key={fiscalYear}>
                  <th scope="row">{label}</th>
                  <td>
                    {issued || draft ? (
                      <>
                        <Link href={`/reports/annual/${slug}`}>
                          {issued ? t("issuedRevision", { revision: issued.revision }) : t("draftRevision", { revision: draft!.revision })}
                        </Link>
                        {issued && draft && <span className="block text-sm">{t("draftRevision", { revision: draft.revision })}</span>}
                      </>
                    ) : manager ? (
                      <Link href={`/reports/annual/${slug}`}>
                        {t("none")}
                      </Link>
                    ) : (
                      t("none")
                    )}
                  </td>
                  <td>
                    <span className="flex flex-wrap gap-4">
                      <a href={`/api/reports/treasury-board/${slug}/xlsx?locale=${locale}`} download aria-label={t("downloadTb", { year: label, format: t("xlsx") })}>
                        {t("xlsx")}
                      </a>
                      <a href={`/api/reports/treasury-board/${slug}/docx?lang=${locale}`} download aria-label={t("downloadTb", { year: label, format: t("docx") })}>
                        {t("docx")}
                      </a>
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
