/**
 * The data tables of the dashboard's charts, as plain text in the user's language. The page renders them and the
 * CSV export writes them, from this one definition, so a download always matches the table on screen.
 * Pure functions (no database): given the query results, a translator and the locale.
 */
import { fiscalYearLabel, formatIsoDate, formatMoney } from "@/lib/format/numbers";
import type { Locale } from "@/lib/i18n/routing";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import type { HealthLevel } from "./filters";
import { reportingPeriodLabel } from "./periods";
import type { AttentionItem, FundingCell, MatrixCell, OverdueByDepartment, PillarTile, TrendPoint } from "./queries";
import { collator as intlCollator, intlLocale } from "@/lib/format/intl";
import type { ColumnKind, ExportCell } from "@/lib/exports/table";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** `numeric` marks the columns that hold figures (aligned right on screen). */
export type DataTable = {
  headers: string[];
  rows: string[][];
  numeric?: boolean[];
  /** The same rows as typed values, for the Excel file (figures as numbers, money in cents); text where absent. */
  cells?: ExportCell[][];
  kinds?: ColumnKind[];
};

export const datasets = ["pillars", "matrix", "trend", "funding", "overdue", "attention"] as const;
export type Dataset = (typeof datasets)[number];

export function isDataset(value: string): value is Dataset {
  return (datasets as readonly string[]).includes(value);
}

/** "On track" etc.; `health` translates the Health namespace (GREEN, AMBER, RED, NONE). */
export function healthText(health: HealthLevel | null, healthT: Translate): string {
  return healthT(health ?? "NONE");
}

export function pillarsTable(tiles: PillarTile[], t: Translate, healthT: Translate, locale: Locale): DataTable {
  const year = tiles[0]?.fiscalYear ?? null;
  const yearText = year === null ? "—" : fiscalYearLabel(year, locale);
  return {
    headers: [
      t("columns.pillar"),
      t("columns.initiatives"),
      healthT("GREEN"),
      healthT("AMBER"),
      healthT("RED"),
      healthT("NONE"),
      t("columns.averageProgress"),
      t("columns.allocatedIn", { year: yearText }),
      t("columns.spentIn", { year: yearText }),
    ],
    rows: tiles.map((tile) => [
      byLocale(locale, tile.nameEn, tile.nameFr),
      String(tile.total),
      String(tile.green),
      String(tile.amber),
      String(tile.red),
      String(tile.unrated),
      tile.averageProgress === null ? "—" : t("percent", { value: tile.averageProgress }),
      formatMoney(tile.allocatedCents, locale),
      formatMoney(tile.spentCents, locale),
    ]),
    numeric: [false, true, true, true, true, true, true, true, true],
    cells: tiles.map((tile) => [
      byLocale(locale, tile.nameEn, tile.nameFr),
      tile.total,
      tile.green,
      tile.amber,
      tile.red,
      tile.unrated,
      tile.averageProgress === null ? null : tile.averageProgress / 100,
      tile.allocatedCents,
      tile.spentCents,
    ]),
    kinds: ["text", "integer", "integer", "integer", "integer", "integer", "percent", "money", "money"],
  };
}

/** The text of one matrix cell: "2 — Off track", or "0". */
export function matrixCellText(cell: Pick<MatrixCell, "count" | "worstHealth">, healthT: Translate): string {
  return cell.count === 0 ? "0" : `${cell.count} — ${healthText(cell.worstHealth, healthT)}`;
}

export type MatrixRow = { acronymEn: string; acronymFr: string; nameEn: string; nameFr: string; cells: MatrixCell[] };

/** Cells grouped by department (rows) in the order of the pillars (columns), departments sorted by acronym. */
export function matrixRows(cells: MatrixCell[], locale: Locale, department: string | null): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const cell of cells) {
    if (department && cell.acronymEn.toLowerCase() !== department.toLowerCase()) continue;
    const row = rows.get(cell.departmentId) ?? { acronymEn: cell.acronymEn, acronymFr: cell.acronymFr, nameEn: cell.nameEn, nameFr: cell.nameFr, cells: [] };
    row.cells.push(cell);
    rows.set(cell.departmentId, row);
  }
  const collator = intlCollator(intlLocale(locale), { sensitivity: "base" });
  return [...rows.values()].sort((a, b) => collator.compare(byLocale(locale, a.acronymEn, a.acronymFr), byLocale(locale, b.acronymEn, b.acronymFr)));
}

/** The matrix's columns: its pillars, in the order the query gives them. */
export function matrixPillars(cells: MatrixCell[]): { code: string; nameEn: string; nameFr: string }[] {
  const pillars = new Map<string, { code: string; nameEn: string; nameFr: string }>();
  for (const cell of cells) if (!pillars.has(cell.pillarCode)) pillars.set(cell.pillarCode, { code: cell.pillarCode, nameEn: cell.pillarNameEn, nameFr: cell.pillarNameFr });
  return [...pillars.values()];
}

export function matrixTable(cells: MatrixCell[], department: string | null, t: Translate, healthT: Translate, locale: Locale): DataTable {
  const rows = matrixRows(cells, locale, department);
  return {
    headers: [t("columns.department"), ...matrixPillars(cells).map((pillar) => byLocale(locale, pillar.nameEn, pillar.nameFr))],
    rows: rows.map((row) => [byLocale(locale, row.acronymEn, row.acronymFr), ...row.cells.map((cell) => matrixCellText(cell, healthT))]),
  };
}

export function trendTable(trend: TrendPoint[], t: Translate, healthT: Translate, locale: Locale): DataTable {
  return {
    headers: [t("columns.reportingPeriod"), healthT("GREEN"), healthT("AMBER"), healthT("RED")],
    rows: trend.map((point) => [reportingPeriodLabel(point.reportingPeriod, locale), String(point.green), String(point.amber), String(point.red)]),
    numeric: [false, true, true, true],
    cells: trend.map((point) => [reportingPeriodLabel(point.reportingPeriod, locale), point.green, point.amber, point.red]),
    kinds: ["text", "integer", "integer", "integer"],
  };
}

export function fundingTable(funding: FundingCell[], t: Translate, locale: Locale): DataTable {
  return {
    headers: [t("columns.fiscalYear"), t("columns.pillar"), t("columns.allocated"), t("columns.spent")],
    rows: funding.map((cell) => [
      fiscalYearLabel(cell.fiscalYear, locale),
      byLocale(locale, cell.nameEn, cell.nameFr),
      formatMoney(cell.allocatedCents, locale),
      formatMoney(cell.spentCents, locale),
    ]),
    numeric: [false, false, true, true],
    cells: funding.map((cell) => [fiscalYearLabel(cell.fiscalYear, locale), byLocale(locale, cell.nameEn, cell.nameFr), cell.allocatedCents, cell.spentCents]),
    kinds: ["text", "text", "money", "money"],
  };
}

export function overdueTable(overdue: OverdueByDepartment[], t: Translate, locale: Locale): DataTable {
  return {
    headers: [t("columns.department"), t("columns.overdue"), t("columns.oldestDue")],
    rows: overdue.map((row) => [byLocale(locale, row.acronymEn, row.acronymFr), String(row.overdue), formatIsoDate(row.oldestDue)]),
    numeric: [false, true, false],
    cells: overdue.map((row) => [byLocale(locale, row.acronymEn, row.acronymFr), row.overdue, row.oldestDue]),
    kinds: ["text", "integer", "date"],
  };
}

/** Why an initiative needs attention, in words. */
export function attentionReason(item: Pick<AttentionItem, "red" | "worsened" | "healthAtMeeting">, t: Translate, healthT: Translate): string {
  const reasons: string[] = [];
  if (item.red) reasons.push(t("reasons.red"));
  if (item.worsened) reasons.push(t("reasons.worsened", { before: healthText(item.healthAtMeeting, healthT) }));
  return reasons.join("; ");
}

export function attentionTable(items: AttentionItem[], t: Translate, healthT: Translate, locale: Locale): DataTable {
  return {
    headers: [t("columns.code"), t("columns.initiative"), t("columns.leadDepartment"), t("columns.pillar"), t("columns.health"), t("columns.reason")],
    rows: items.map((item) => [
      item.code,
      // A title may exist in one language only; tables and CSV show whichever there is.
      pickLocalized(locale, item.titleEn, item.titleFr)?.text ?? "",
      byLocale(locale, item.acronymEn, item.acronymFr),
      byLocale(locale, item.pillarNameEn, item.pillarNameFr),
      healthText(item.health, healthT),
      attentionReason(item, t, healthT),
    ]),
  };
}

/** The filter's choices: every active department (from the matrix, which always lists them all). */
export function departmentOptions(cells: MatrixCell[], locale: Locale) {
  return matrixRows(cells, locale, null).map(({ acronymEn, acronymFr, nameEn, nameFr }) => ({ acronymEn, acronymFr, nameEn, nameFr }));
}

/** The fiscal years that have funding data, oldest first. */
export function fiscalYearOptions(funding: FundingCell[]): number[] {
  return [...new Set(funding.map((cell) => cell.fiscalYear))].sort((a, b) => a - b);
}
