import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import type { Bilingual, DocxBlock, DocxSpec } from "@/lib/exports/docx";
import type { ExportTable } from "@/lib/exports/table";
import { exportTranslator, type Translate } from "@/lib/exports/translator";
import { fiscalYearLabel, formatIsoDate, formatMoney } from "@/lib/format/numbers";
import type { Locale } from "@/lib/i18n/routing";
import { buildAnnualReportContent, getHorizontalInitiativeInfo } from "./queries";
import { fiscalYearSlug, isEmptyReport, type AnnualReportContent, type Text } from "./schemas";

/**
 * What the annual report and the Treasury Board table say, as blocks (headings, paragraphs, lists, tables) in both
 * languages: the one definition the report's page, its Word file (lib/exports/docx.ts) and its tagged PDF
 * (lib/exports/pdf.ts) are drawn from; and the Treasury Board table as typed tables for Excel.
 */

type Say = { t: Record<Locale, Translate>; health: Record<Locale, Translate>; lifecycle: Record<Locale, Translate>; results: Record<Locale, Translate> };

async function translators(): Promise<Say> {
  const both = async (namespace: string) => ({ en: await exportTranslator("en", namespace), fr: await exportTranslator("fr", namespace) });
  const [t, health, lifecycle, results] = await Promise.all([both("Reports"), both("Health"), both("Lifecycle"), both("Results")]);
  return { t, health, lifecycle, results };
}

const both = (translate: Record<Locale, Translate>, key: string, values?: (locale: Locale) => Record<string, string | number>): Text => ({
  en: translate.en(key, values?.("en")),
  fr: translate.fr(key, values?.("fr")),
});
const money = (cents: bigint): Text => ({ en: formatMoney(cents, "en"), fr: formatMoney(cents, "fr") });
const year = (fiscalYear: number) => (locale: Locale) => ({ year: fiscalYearLabel(fiscalYear, locale) });
const sum = (values: string[]) => values.reduce((total, value) => total + BigInt(value), 0n);

/** The annual progress report, in the style of the federal annual progress reports on human trafficking. */
export async function annualReportSpec(content: AnnualReportContent, marking: string, { draft }: { draft: boolean }): Promise<DocxSpec> {
  const say = await translators();
  const t = (key: string, values?: (locale: Locale) => Record<string, string | number>) => both(say.t, `annual.${key}`, values);
  const fy = year(content.fiscalYear);
  const blocks: DocxBlock[] = [];
  const spending = content.pillars.flatMap((pillar) => pillar.spending.map((row) => ({ pillar, row })));
  const planned = sum(spending.map(({ row }) => row.plannedCents));
  const actual = sum(spending.map(({ row }) => row.actualCents));
  const initiatives = content.pillars.reduce((count, pillar) => count + pillar.initiatives.length, 0);
  const indicators = content.pillars.reduce((count, pillar) => count + pillar.results.reduce((n, result) => n + result.indicators.length, 0), 0);

  blocks.push({ kind: "heading", level: 1, text: t("introduction") });
  blocks.push({ kind: "paragraph", text: t("introText", fy) });
  if (isEmptyReport(content)) {
    blocks.push({ kind: "paragraph", text: t("empty", fy), bold: true });
  } else {
    blocks.push({
      kind: "paragraph",
      text: t("introTotals", (locale) => ({ ...fy(locale), initiatives, indicators, planned: formatMoney(planned, locale), actual: formatMoney(actual, locale) })),
    });
  }

  for (const pillar of content.pillars) {
    blocks.push({ kind: "heading", level: 1, text: pillar.name });
    if (pillar.initiatives.length === 0 && pillar.results.length === 0 && pillar.spending.length === 0) {
      blocks.push({ kind: "paragraph", text: t("pillarEmpty", fy) });
      continue;
    }
    blocks.push({ kind: "heading", level: 2, text: t("initiativesHeading") });
    if (pillar.initiatives.length === 0) blocks.push({ kind: "paragraph", text: t("noInitiatives") });
    else
      blocks.push({
        kind: "table",
        header: [t("columns.code"), t("columns.initiative"), t("columns.lead"), t("columns.status"), t("columns.health")],
        rows: pillar.initiatives.map((initiative) => [
          initiative.code,
          initiative.title,
          initiative.lead,
          both(say.lifecycle, initiative.status),
          initiative.health ? both(say.health, initiative.health) : t("notRated"),
        ]),
      });

    blocks.push({ kind: "heading", level: 2, text: t("resultsHeading") });
    if (pillar.results.length === 0) blocks.push({ kind: "paragraph", text: t("noResults") });
    for (const result of pillar.results) {
      blocks.push({ kind: "heading", level: 3, text: { en: `${result.code} — ${result.title.en}`, fr: `${result.code} — ${result.title.fr}` } });
      blocks.push({
        kind: "table",
        header: [t("columns.indicator"), t("columns.department"), t("columns.target"), t("columns.achieveBy"), t("columns.actual"), t("columns.resultStatus")],
        rows: result.indicators.map((indicator) => [
          { en: `${indicator.code} — ${indicator.name.en}`, fr: `${indicator.code} — ${indicator.name.fr}` },
          indicator.department,
          indicator.target ?? "—",
          indicator.achieveBy ?? "—",
          indicator.actual ?? t("notReported"),
          indicator.status ? both(say.results, `status.${indicator.status}`) : "—",
        ]),
      });
      const explained = result.indicators.filter((indicator) => indicator.explanation);
      if (explained.length > 0) {
        blocks.push({ kind: "paragraph", text: t("explanationsHeading"), bold: true });
        blocks.push({
          kind: "list",
          items: explained.map((indicator) =>
            t("explanation", (locale) => ({
              code: indicator.code,
              status: indicator.status ? say.results[locale](`status.${indicator.status}`) : "—",
              text: (locale === "fr" ? indicator.explanation!.fr || indicator.explanation!.en : indicator.explanation!.en || indicator.explanation!.fr) ?? "",
            })),
          ),
        });
      }
    }

    blocks.push({ kind: "heading", level: 2, text: t("spendingHeading") });
    if (pillar.spending.length === 0) blocks.push({ kind: "paragraph", text: t("noSpending") });
    else
      blocks.push({
        kind: "table",
        header: [t("columns.department"), t("columns.planned"), t("columns.spent")],
        rows: [
          ...pillar.spending.map((row) => [row.department, money(BigInt(row.plannedCents)), money(BigInt(row.actualCents))]),
          [t("total"), money(sum(pillar.spending.map((row) => row.plannedCents))), money(sum(pillar.spending.map((row) => row.actualCents)))],
        ],
      });
  }

  blocks.push({ kind: "heading", level: 1, text: t("spendingSummary") });
  blocks.push({ kind: "paragraph", text: t("spendingSummaryIntro") });
  if (spending.length === 0) blocks.push({ kind: "paragraph", text: t("empty", fy) });
  else
    blocks.push({
      kind: "table",
      header: [t("columns.pillar"), t("columns.department"), t("columns.planned"), t("columns.spent")],
      rows: [...spending.map(({ pillar, row }) => [pillar.name, row.department, money(BigInt(row.plannedCents)), money(BigInt(row.actualCents))]), [t("total"), "", money(planned), money(actual)]],
    });

  blocks.push({ kind: "heading", level: 1, text: t("decisionsHeading") });
  if (content.decisions.length === 0) blocks.push({ kind: "paragraph", text: t("noDecisions") });
  else
    blocks.push({
      kind: "table",
      header: [t("columns.number"), t("columns.decision"), t("columns.meeting"), t("columns.date")],
      rows: content.decisions.map((decision) => [decision.number, decision.text, String(decision.meetingNumber), decision.date]),
    });

  return { title: t("documentTitle", fy), marking, ...(draft ? { notice: t("draftNotice") } : {}), blocks };
}

export const annualReportFilename = (fiscalYear: number, locale: Locale | "bilingual") =>
  `${locale === "fr" ? "rapport-annuel" : "annual-report"}-${fiscalYearSlug(fiscalYear)}${locale === "bilingual" ? "-bilingual" : ""}`;

/** The Treasury Board table's data: the year's content (as the annual report has it) and the general information. */
export async function treasuryBoardData(user: SessionUser, fiscalYear: number) {
  const content = await buildAnnualReportContent(user, fiscalYear);
  const info = await getHorizontalInitiativeInfo(user, fiscalYear);
  return { content, info };
}
export type TreasuryBoardData = Awaited<ReturnType<typeof treasuryBoardData>>;

type TbRow = { pillar: Text; department: Text; planned: bigint | null; actual: bigint | null; result: Text | null; indicator: Text | null; target: Text | null; achieveBy: string | null; actualResult: Text | null };

/** Per pillar and department: the first row with the department's planned and actual spending, a row per indicator. */
function treasuryBoardRows(content: AnnualReportContent, notReported: Text): TbRow[] {
  const rows: TbRow[] = [];
  for (const pillar of content.pillars) {
    const departments = new Map<string, Text>();
    for (const row of pillar.spending) departments.set(row.departmentId, row.department);
    for (const result of pillar.results) for (const indicator of result.indicators) if (!departments.has(indicator.departmentId)) departments.set(indicator.departmentId, indicator.department);
    const ordered = [...departments.entries()].sort((a, b) => a[1].en.localeCompare(b[1].en));
    for (const [departmentId, department] of ordered) {
      const spent = pillar.spending.find((row) => row.departmentId === departmentId);
      const planned = spent ? BigInt(spent.plannedCents) : 0n;
      const actual = spent ? BigInt(spent.actualCents) : 0n;
      const indicators = pillar.results.flatMap((result) => result.indicators.filter((indicator) => indicator.departmentId === departmentId).map((indicator) => ({ result, indicator })));
      if (indicators.length === 0) rows.push({ pillar: pillar.name, department, planned, actual, result: null, indicator: null, target: null, achieveBy: null, actualResult: null });
      indicators.forEach(({ result, indicator }, index) =>
        rows.push({
          pillar: pillar.name,
          department,
          planned: index === 0 ? planned : null,
          actual: index === 0 ? actual : null,
          result: { en: `${result.code} — ${result.title.en}`, fr: `${result.code} — ${result.title.fr}` },
          indicator: { en: `${indicator.code} — ${indicator.name.en}`, fr: `${indicator.code} — ${indicator.name.fr}` },
          target: indicator.target,
          achieveBy: indicator.achieveBy,
          actualResult: indicator.actual ?? notReported,
        }),
      );
    }
  }
  return rows;
}

type GeneralItem = { item: Text; value: Text | string | null; amount: bigint | null };

function generalItems(data: TreasuryBoardData, t: (key: string, values?: (locale: Locale) => Record<string, string | number>) => Text): GeneralItem[] {
  const { info, content } = data;
  const fy = year(content.fiscalYear);
  const spending = content.pillars.flatMap((pillar) => pillar.spending);
  const lead: Text = info.lead ? { en: `${info.lead.nameEn} (${info.lead.acronymEn})`, fr: `${info.lead.nameFr} (${info.lead.acronymFr})` } : t("noLead");
  const partners: Text = info.partners.length === 0 ? t("none") : { en: info.partners.map((p) => p.acronymEn).join(", "), fr: info.partners.map((p) => p.acronymFr).join(", ") };
  return [
    { item: t("name"), value: t("nameValue"), amount: null },
    { item: t("fiscalYear"), value: { en: fiscalYearLabel(content.fiscalYear, "en"), fr: fiscalYearLabel(content.fiscalYear, "fr") }, amount: null },
    { item: t("lead"), value: lead, amount: null },
    { item: t("partners"), value: partners, amount: null },
    { item: t("start"), value: info.start ? formatIsoDate(info.start) : "—", amount: null },
    { item: t("end"), value: info.end ? formatIsoDate(info.end) : "—", amount: null },
    { item: t("totalAllocation"), value: null, amount: info.totalAllocationCents },
    { item: t("yearAllocation", fy), value: null, amount: sum(spending.map((row) => row.plannedCents)) },
    { item: t("yearSpent", fy), value: null, amount: sum(spending.map((row) => row.actualCents)) },
    {
      item: t("governance"),
      value: t("governanceValue", (locale) => ({ ...fy(locale), meetings: info.meetings, lead: info.lead ? (locale === "fr" ? info.lead.acronymFr : info.lead.acronymEn) : t("noLead")[locale] })),
      amount: null,
    },
  ];
}

const pick = (text: Text | string | null, locale: Locale) => (text === null ? null : typeof text === "string" ? text : text[locale]);

/** The Treasury Board table as Excel sheets: general information, then spending and results. */
export async function treasuryBoardTables(data: TreasuryBoardData, locale: Locale): Promise<ExportTable[]> {
  const say = await translators();
  const t = (key: string, values?: (locale: Locale) => Record<string, string | number>) => both(say.t, `tb.${key}`, values);
  const tr = say.t[locale];
  const filename = `${locale === "fr" ? "tableau-conseil-tresor" : "treasury-board-table"}-${fiscalYearSlug(data.content.fiscalYear)}`;
  const general: ExportTable = {
    title: tr("tb.sheetGeneral"),
    filename,
    columns: [
      { header: tr("tb.item"), kind: "text" },
      { header: tr("tb.value"), kind: "text" },
      { header: tr("tb.amount"), kind: "money" },
    ],
    rows: generalItems(data, t).map((item) => [item.item[locale], pick(item.value, locale), item.amount]),
  };
  const c = (key: string) => tr(`tb.columns.${key}`);
  const results: ExportTable = {
    title: tr("tb.sheetResults"),
    filename,
    columns: [
      { header: c("pillar"), kind: "text" },
      { header: c("department"), kind: "text" },
      { header: c("planned"), kind: "money" },
      { header: c("actual"), kind: "money" },
      { header: c("expectedResult"), kind: "text" },
      { header: c("indicator"), kind: "text" },
      { header: c("target"), kind: "text" },
      { header: c("achieveBy"), kind: "text" },
      { header: c("actualResult"), kind: "text" },
    ],
    rows: treasuryBoardRows(data.content, both(say.t, "annual.notReported")).map((row) => [
      row.pillar[locale],
      row.department[locale],
      row.planned,
      row.actual,
      pick(row.result, locale),
      pick(row.indicator, locale),
      pick(row.target, locale),
      row.achieveBy,
      pick(row.actualResult, locale),
    ]),
  };
  return [general, results];
}

/** The Treasury Board table as a Word document. */
export async function treasuryBoardSpec(data: TreasuryBoardData, marking: string): Promise<DocxSpec> {
  const say = await translators();
  const t = (key: string, values?: (locale: Locale) => Record<string, string | number>) => both(say.t, `tb.${key}`, values);
  const fy = year(data.content.fiscalYear);
  const money2 = (cents: bigint | null): Bilingual => (cents === null ? "" : money(cents));
  const rows = treasuryBoardRows(data.content, both(say.t, "annual.notReported"));
  const blocks: DocxBlock[] = [
    { kind: "heading", level: 1, text: t("generalHeading") },
    { kind: "table", header: [t("item"), t("value")], rows: generalItems(data, t).map((item) => [item.item, item.amount !== null ? money(item.amount) : (item.value ?? "—")]) },
    { kind: "heading", level: 1, text: t("resultsHeading") },
  ];
  if (rows.length === 0) blocks.push({ kind: "paragraph", text: t("noRows") });
  else
    blocks.push({
      kind: "table",
      header: ["pillar", "department", "planned", "actual", "expectedResult", "indicator", "target", "achieveBy", "actualResult"].map((key) => t(`columns.${key}`)),
      rows: rows.map((row) => [row.pillar, row.department, money2(row.planned), money2(row.actual), row.result ?? "—", row.indicator ?? "—", row.target ?? "—", row.achieveBy ?? "—", row.actualResult ?? "—"]),
    });
  return { title: t("documentTitle", fy), marking, blocks };
}

export const treasuryBoardFilename = (fiscalYear: number, locale: Locale | "bilingual") =>
  `${locale === "fr" ? "tableau-conseil-tresor" : "treasury-board-table"}-${fiscalYearSlug(fiscalYear)}${locale === "bilingual" ? "-bilingual" : ""}`;
