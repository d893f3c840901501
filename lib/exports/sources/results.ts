import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { fiscalYearLabel } from "@/lib/format/numbers";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { achieveByText, resultsTranslator, targetText } from "@/lib/results";
import { getCallResultsForExport, listResultsTable } from "@/lib/results/queries";
import type { ExportBuild } from "../route";
import type { ExportCell } from "../table";

/*
 * The results framework's downloads (issue 19, point 2): the results table (per pillar and department: result,
 * indicator, target, actual, status, explanation) and an update call's actuals matrix, each as CSV and .xlsx from
 * one builder. Figures are numbers (a target's minimum and maximum, the actual); the unit is a column of its own;
 * fiscal years are text; names and words in the language asked for (`locale=en|fr`).
 */

const localeOf = (request: Request): Locale => (new URL(request.url).searchParams.get("locale") === "fr" ? "fr" : "en");
const code = (value: string | null) => (value && /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(value.trim()) ? value.trim().toUpperCase() : null);
const text = (locale: Locale, en: string | null | undefined, fr: string | null | undefined) => pickLocalized(locale, en, fr)?.text ?? "";

export async function resultsExport(request: Request): Promise<ExportBuild> {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "export.read")) return new Response("Not found", { status: 404 });
  const params = new URL(request.url).searchParams;
  const locale = localeOf(request);
  const pillar = params.has("pillar") ? code(params.get("pillar")) : null;
  if (params.has("pillar") && !pillar) return new Response("Not found", { status: 404 });
  const department = params.has("department") ? code(params.get("department")) : null;
  const rows = await listResultsTable(user, { pillar, department });
  if (!rows) return new Response("Not found", { status: 404 });
  const t = resultsTranslator(locale);
  return {
    locale,
    table: {
      title: t("exportResultsTitle"),
      filename: ["results", pillar?.toLowerCase(), department?.toLowerCase(), locale].filter(Boolean).join("-"),
      columns: [
        { header: t("colPillar"), kind: "text" },
        { header: t("colResultCode"), kind: "text" },
        { header: t("colResult"), kind: "text" },
        { header: t("colLevel"), kind: "text" },
        { header: t("colIndicatorCode"), kind: "text" },
        { header: t("colIndicator"), kind: "text" },
        { header: t("colDepartment"), kind: "text" },
        { header: t("colUnit"), kind: "text" },
        { header: t("colFiscalYear"), kind: "text" },
        { header: t("colTargetType"), kind: "text" },
        { header: t("colTarget"), kind: "text" },
        { header: t("colTargetMin"), kind: "number" },
        { header: t("colTargetMax"), kind: "number" },
        { header: t("colAchieveBy"), kind: "text" },
        { header: t("colActual"), kind: "number" },
        { header: t("colActualNarrative"), kind: "text" },
        { header: t("colMeasuredOn"), kind: "date" },
        { header: t("colStatus"), kind: "text" },
        { header: t("colExplanation"), kind: "text" },
      ],
      rows: rows.map(({ pillar: p, result, indicator }): ExportCell[] => {
        const point = indicator.headline;
        return [
          byLocale(locale, p.nameEn, p.nameFr),
          result.code,
          text(locale, result.titleEn, result.titleFr),
          t(`levels.${result.level}`),
          indicator.code,
          text(locale, indicator.nameEn, indicator.nameFr),
          byLocale(locale, indicator.responsibleDepartment.acronymEn, indicator.responsibleDepartment.acronymFr),
          t(`units.${indicator.unit}`),
          fiscalYearLabel(point.fiscalYear, locale),
          point.target ? t(`targetTypes.${point.target.targetType}`) : "",
          point.target ? targetText(point.target, indicator.unit, locale) : "",
          point.target?.minValue ?? null,
          point.target?.maxValue ?? null,
          point.target ? achieveByText(point.target) : "",
          point.actual?.value ?? null,
          point.actual ? text(locale, point.actual.narrativeEn, point.actual.narrativeFr) : "",
          point.actual?.measuredOn ?? null,
          t(`status.${point.status}`),
          point.actual ? text(locale, point.actual.explanationEn, point.actual.explanationFr) : "",
        ];
      }),
    },
  };
}

/** An update call's actuals matrix: per responsible department, each indicator, its actual entered or missing, the status. */
export async function callResultsExport(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<ExportBuild> {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  // As the call's page: those who run the cycle.
  if (!can(user, "export.read") || !can(user, "meeting.manage")) return new Response("Not found", { status: 404 });
  const data = await getCallResultsForExport(user, (await params).id);
  if (!data) return new Response("Not found", { status: 404 });
  const locale = localeOf(request);
  const t = resultsTranslator(locale);
  const year = fiscalYearLabel(data.matrix.fiscalYear, locale);
  return {
    locale,
    table: {
      title: t("exportMatrixTitle", { year }),
      filename: `actuals-${year}-${locale}`,
      columns: [
        { header: t("colDepartment"), kind: "text" },
        { header: t("colIndicatorCode"), kind: "text" },
        { header: t("colIndicator"), kind: "text" },
        { header: t("colUnit"), kind: "text" },
        { header: t("colFiscalYear"), kind: "text" },
        { header: t("colEntered"), kind: "text" },
        { header: t("colTarget"), kind: "text" },
        { header: t("colActual"), kind: "number" },
        { header: t("colStatus"), kind: "text" },
        { header: t("colExplanation"), kind: "text" },
      ],
      rows: data.matrix.rows.flatMap((row) =>
        row.cells.map((cell): ExportCell[] => [
          byLocale(locale, row.acronymEn, row.acronymFr),
          cell.code,
          text(locale, cell.nameEn, cell.nameFr),
          t(`units.${cell.unit}`),
          year,
          cell.submitted ? t("actualEntered") : t("actualMissing"),
          cell.target ? targetText(cell.target, cell.unit, locale) : "",
          cell.value,
          cell.status ? t(`status.${cell.status}`) : t("noTargetForYear"),
          cell.actual ? text(locale, cell.actual.explanationEn, cell.actual.explanationFr) : "",
        ]),
      ),
    },
  };
}
