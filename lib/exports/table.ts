/**
 * One table to download, typed per column, which every file format writes: the CSV (text, as before) and the Excel
 * workbook (numbers as numbers, money as currency, fiscal years as text). Builders (./sources) read the data once,
 * through the same query and guard, and both formats come from the same rows.
 */
import type { CsvValue } from "@/lib/format/csv";
import { formatIsoDate } from "@/lib/format/numbers";

/**
 * - text: any text (a fiscal year too: "2007-08" is a label, never a number)
 * - integer / number: figures; percent: a fraction (0.42 shows as 42 %)
 * - money: CAD in integer cents (bigint), written in dollars
 * - date: a calendar date (UTC midnight); dateTime: a moment (UTC)
 */
export type ColumnKind = "text" | "integer" | "number" | "percent" | "money" | "date" | "dateTime";

export type ExportCell = string | number | bigint | Date | null;

export type ExportColumn = { header: string; kind: ColumnKind };

export type ExportTable = {
  /** Sheet name (Excel allows 31 characters) and document title, in the user's language. */
  title: string;
  /** File name without its extension. */
  filename: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
};

/** Cents as "1234.56": exact, whatever the amount (bigint arithmetic, no float). */
export function centsToDecimal(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** A cell as the CSV writes it: dollars with two decimals, ISO dates, plain numbers. */
export function csvCell(cell: ExportCell, kind: ColumnKind): CsvValue {
  if (cell === null) return "";
  if (kind === "money" && typeof cell === "bigint") return centsToDecimal(cell);
  if (cell instanceof Date) return kind === "dateTime" ? cell.toISOString() : formatIsoDate(cell);
  if (typeof cell === "bigint") return cell.toString();
  return cell;
}
