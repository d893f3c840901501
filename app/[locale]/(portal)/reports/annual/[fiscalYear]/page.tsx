import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { holdsPermission } from "@/lib/authz/permissions";
import { getSecurityMarking } from "@/lib/dashboard/queries";
import { fiscalYearLabel, formatDateTime } from "@/lib/format/numbers";
import { Link } from "@/lib/i18n/navigation";
import { annualReportSpec } from "@/lib/reports/documents";
import { getAnnualReports, reportMissingTexts, type AnnualReportRecord } from "@/lib/reports/queries";
import { currentFiscalYear, parseFiscalYearSlug } from "@/lib/reports/schemas";
import { PageHeader } from "@/components/shell/page-header";
import { StatusNotice } from "@/components/ui/status-notice";
import { ReportBlocks } from "@/components/reports/report-blocks";
import { GenerateReportForm, IssueReportForm } from "@/components/reports/report-forms";
import { generateReportAction, issueReportAction } from "../../actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/reports/annual/[fiscalYear]">): Promise<Metadata> {
  const { locale, fiscalYear } = await params;
  const t = await getTranslations({ locale, namespace: "Reports" });
  const year = parseFiscalYearSlug(fiscalYear, currentFiscalYear());
  return { title: year === null ? t("title") : t("annual.title", { year: fiscalYearLabel(year, locale === "fr" ? "fr" : "en") }) };
}

/**
 * A fiscal year's annual progress report (issue 19.4): the issued report for everyone signed in; for coordinators
 * and administrators also the draft under review, what lacks its other language (with links to fix it), generating
 * again and issuing (with a reason to override the language gate, issue 21.4). An unknown year, or a year without
 * an issued report for those who cannot issue one, answers 404.
 */
export default async function AnnualReportPage({ params, searchParams }: PageProps<"/[locale]/reports/annual/[fiscalYear]">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const { fiscalYear: slug } = await params;
  const fiscalYear = parseFiscalYearSlug(slug, currentFiscalYear());
  if (fiscalYear === null) notFound();
  const manager = holdsPermission(user, "reports.manage");
  const [{ issued, draft, overrides }, marking, query] = await Promise.all([getAnnualReports(user, fiscalYear), getSecurityMarking(), searchParams]);
  if (!issued && !manager) notFound();
  const t = await getTranslations("Reports");
  const label = fiscalYearLabel(fiscalYear, locale);
  const title = t("annual.title", { year: label });
  const shown = draft ?? issued;
  const spec = shown ? await annualReportSpec(shown.content, marking, { draft: shown.status === "DRAFT" }) : null;
  const missing = draft ? reportMissingTexts(draft.content) : [];
  const notice = query.notice === "generated" ? t("generated") : query.notice === "issued" ? t("annual.issued") : null;
  const kind = (value: string) => t(`annual.kind.${value}` as "annual.kind.initiative");

  const downloads = (report: AnnualReportRecord) => {
    const base = `/api/reports/annual/${slug}`;
    const id = `report=${report.id}`;
    const links = [
      { href: `${base}/docx?lang=en&${id}`, format: t("docx"), language: t("language.en") },
      { href: `${base}/docx?lang=fr&${id}`, format: t("docx"), language: t("language.fr") },
      { href: `${base}/docx?lang=bilingual&${id}`, format: t("docx"), language: t("language.bilingual") },
      { href: `${base}/pdf?lang=en&${id}`, format: t("pdf"), language: t("language.en") },
      { href: `${base}/pdf?lang=fr&${id}`, format: t("pdf"), language: t("language.fr") },
    ];
    return (
      <ul className="flex flex-wrap gap-4" data-testid={`downloads-${report.status.toLowerCase()}`}>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} download>
              {t("downloadReport", { year: label, format: link.format, language: link.language })}
            </a>
          </li>
        ))}
      </ul>
    );
  };

  return (
    <>
      <PageHeader title={title} trail={[{ label: t("title"), href: "/reports" }, { label }]} />
      {notice && <StatusNotice>{notice}</StatusNotice>}

      <section aria-labelledby="report-status" className="mb-6">
        <h2 id="report-status">{t("annual.status")}</h2>
        {!issued && !draft && <p>{t("annual.notGenerated")}</p>}
        {issued && (
          <>
            <p data-testid="report-issued">{t("annual.statusIssued", { at: formatDateTime(issued.issuedAt!, locale), by: issued.issuedBy ?? "—", revision: issued.revision })}</p>
            {overrides.length > 0 && (
              <div className="border-l-4 border-health-amber bg-gc-light p-3">
                <h3>{t("annual.overridesHeading")}</h3>
                <ul>
                  {overrides.map((override) => (
                    <li key={override.id}>{t("annual.overrideItem", { at: formatDateTime(override.at, locale), by: override.by ?? "—", reason: override.reason, count: override.missingCount })}</li>
                  ))}
                </ul>
              </div>
            )}
            <h3>{t("annual.downloads")}</h3>
            {downloads(issued)}
          </>
        )}
        {draft && (
          <>
            {issued && <p>{t("annual.newerDraft", { revision: draft.revision })}</p>}
            <p data-testid="report-draft">{t("annual.statusDraft", { at: formatDateTime(draft.generatedAt, locale), by: draft.generatedBy ?? "—" })}</p>
            {!issued && <h3>{t("annual.downloads")}</h3>}
            {downloads(draft)}
          </>
        )}
        {manager && (
          <div className="mt-4">
            <GenerateReportForm action={generateReportAction} fiscalYear={fiscalYear} label={draft || issued ? t("regenerate") : t("generate")} />
          </div>
        )}
      </section>

      {manager && draft && (
        <section aria-labelledby="report-issue" className="mb-8">
          <h2 id="report-issue">{t("annual.issueHeading")}</h2>
          {missing.length > 0 && (
            <div className="mb-4 border-l-4 border-health-amber bg-gc-light p-3" data-testid="report-missing">
              <h3>{t("annual.missingHeading")}</h3>
              <p>{t("annual.missingIntro")}</p>
              <ul>
                {missing.map((text) => (
                  <li key={`${text.kind}:${text.id}:${text.field}`}>
                    {t("annual.missingItem", { kind: kind(text.kind), text: text.text, language: t(`language.${text.missingLanguage}`) })}{" "}
                    <Link href={text.href}>{t("annual.fix", { text: text.text.slice(0, 60) })}</Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <IssueReportForm action={issueReportAction} id={draft.id} version={draft.version} oneLanguage={missing.length > 0} />
        </section>
      )}

      {shown && spec && (
        <section aria-labelledby="report-content">
          <h2 id="report-content">{shown.status === "DRAFT" ? t("annual.draftHeading") : t("annual.issuedHeading")}</h2>
          <ReportBlocks blocks={spec.blocks} locale={locale} firstLevel={3} />
        </section>
      )}
    </>
  );
}
