import "server-only";
import ExcelJS from "exceljs";
import type { Locale } from "@/lib/i18n/routing";
import type { ColumnKind, ExportCell, ExportTable } from "./table";

/**
 * The one Excel writer every download uses (server side only: exceljs never reaches a browser bundle).
 * One sheet named in the user's language, a bold header row that stays frozen, an auto-filter, widths that fit
 * the longest value, and typed cells: figures as numbers, money as CAD currency (cents → dollars), dates as dates,
 * fiscal years and codes as text (so "2007-08" is never read as a date or a subtraction).
 */

/** CAD in each language's convention; the [$$-…] locale tags make Excel print the dollar sign where it belongs. */
const MONEY_FORMAT: Record<Locale, string> = {
  en: '[$$-1009]#,##0.00;-[$$-1009]#,##0.00',
  fr: '#,##0.00\\ [$$-C0C];-#,##0.00\\ [$$-C0C]',
};
const FORMATS: Record<Exclude<ColumnKind, "text" | "money">, string> = {
  integer: "0",
  number: "#,##0.##",
  percent: "0%",
  date: "yyyy-mm-dd",
  dateTime: "yyyy-mm-dd hh:mm:ss",
};

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  const clean = title.replace(/[:\\/?*[\]]/g, " ").trim();
  return (clean || "Sheet1").slice(0, 31);
}

function cellValue(cell: ExportCell, kind: ColumnKind): ExcelJS.CellValue {
  if (cell === null) return null;
  if (kind === "money" && typeof cell === "bigint") return Number(cell) / 100;
  if (typeof cell === "bigint") return Number(cell);
  if (kind === "text") return cell instanceof Date ? cell.toISOString() : String(cell);
  return cell;
}

/** The width a column needs: its longest header or value, in characters, within reason. */
function displayLength(cell: ExportCell, kind: ColumnKind): number {
  if (cell === null) return 0;
  if (kind === "money") return String(cellValue(cell, kind)).length + 6;
  if (kind === "date") return 10;
  if (kind === "dateTime") return 19;
  return Math.max(...String(cell).split("\n").map((line) => line.length));
}

export async function tableToXlsx(table: ExportTable, locale: Locale): Promise<Buffer> {
  return tablesToXlsx([table], locale, table.title);
}

/** A workbook of several tables, a sheet each (e.g. the Treasury Board table: general information, then results). */
export async function tablesToXlsx(tables: ExportTable[], locale: Locale, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "IWGTIP";
  workbook.title = title;
  workbook.created = new Date();
  for (const table of tables) addTableSheet(workbook, table, locale);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addTableSheet(workbook: ExcelJS.Workbook, table: ExportTable, locale: Locale) {
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((column, index) => {
    const longest = Math.max(column.header.length, ...table.rows.map((row) => displayLength(row[index] ?? null, column.kind)));
    return {
      header: column.header,
      width: Math.min(Math.max(longest + 2, 8), 60),
      style: column.kind === "text" ? {} : { numFmt: column.kind === "money" ? MONEY_FORMAT[locale] : FORMATS[column.kind] },
    };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((column, index) => cellValue(row[index] ?? null, column.kind)));
  if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The response headers of an Excel download (never cached: exports hold signed-in data). */
export function xlsxHeaders(filename: string): HeadersInit {
  return {
    "Content-Type": XLSX_CONTENT_TYPE,
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
  };
}
