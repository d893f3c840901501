import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { getSecurityMarking } from "@/lib/dashboard/queries";
import { docxMode, docxResponse, renderDocx } from "@/lib/exports/docx";
import { pdfResponse, renderTaggedPdf } from "@/lib/exports/pdf";
import { exportTranslator } from "@/lib/exports/translator";
import { tablesToXlsx, xlsxHeaders } from "@/lib/exports/xlsx";
import { fiscalYearLabel } from "@/lib/format/numbers";
import { isLocale } from "@/lib/i18n/routing";
import { annualReportFilename, annualReportSpec, treasuryBoardData, treasuryBoardFilename, treasuryBoardSpec, treasuryBoardTables } from "./documents";
import { getAnnualReportById, getAnnualReports } from "./queries";
import { currentFiscalYear, parseFiscalYearSlug } from "./schemas";

/**
 * The downloads of issue 19.4 and 19.5, for the route handlers under app/api/reports. Signed in (401 otherwise);
 * an unknown fiscal year, a report the user may not read or one that does not exist answers 404.
 *
 * The annual report: `?report=<id>` names a revision (a draft only with reports.manage); without it, the latest
 * issued report, or for a coordinator the draft when none is issued yet. Word: `lang=en|fr|bilingual`; PDF:
 * `lang=en|fr` (default: the user's language). The Treasury Board table is made from the current data for anyone
 * who may export (`export.read`): `locale=en|fr` for Excel, `lang=en|fr|bilingual` for Word.
 */

const notFound = () => new Response("Not found.", { status: 404 });

export async function annualReportFile(request: Request, slug: string, format: "docx" | "pdf"): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  const fiscalYear = parseFiscalYearSlug(slug, currentFiscalYear());
  if (fiscalYear === null || !can(user, "export.read")) return notFound();
  const search = new URL(request.url).searchParams;
  const reportId = search.get("report");
  let report;
  if (reportId) {
    report = await getAnnualReportById(user, reportId);
    if (report?.fiscalYear !== fiscalYear) return notFound();
  } else {
    const { issued, draft } = await getAnnualReports(user, fiscalYear);
    report = issued ?? draft;
  }
  if (!report) return notFound();
  const spec = await annualReportSpec(report.content, await getSecurityMarking(), { draft: report.status === "DRAFT" });
  if (format === "docx") {
    const mode = docxMode(search.get("lang"), user.language);
    return docxResponse(await renderDocx(spec, mode), annualReportFilename(fiscalYear, mode));
  }
  const lang = search.get("lang");
  const locale = isLocale(lang) ? lang : user.language;
  const t = await exportTranslator(locale, "Reports");
  return pdfResponse(await renderTaggedPdf(spec, locale, (page, count) => t("page", { page, count })), annualReportFilename(fiscalYear, locale));
}

export async function treasuryBoardFile(request: Request, slug: string, format: "docx" | "xlsx"): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  const fiscalYear = parseFiscalYearSlug(slug, currentFiscalYear());
  if (fiscalYear === null || !can(user, "export.read")) return notFound();
  const search = new URL(request.url).searchParams;
  const data = await treasuryBoardData(user, fiscalYear);
  if (format === "docx") {
    const mode = docxMode(search.get("lang"), user.language);
    return docxResponse(await renderDocx(await treasuryBoardSpec(data, await getSecurityMarking()), mode), treasuryBoardFilename(fiscalYear, mode));
  }
  const requested = search.get("locale");
  const locale = isLocale(requested) ? requested : user.language;
  const t = await exportTranslator(locale, "Reports");
  const body = await tablesToXlsx(await treasuryBoardTables(data, locale), locale, t("tb.documentTitle", { year: fiscalYearLabel(fiscalYear, locale) }));
  return new Response(new Uint8Array(body), { headers: xlsxHeaders(`${treasuryBoardFilename(fiscalYear, locale)}.xlsx`) });
}
