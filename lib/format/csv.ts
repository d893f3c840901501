/**
 * CSV for spreadsheet users, the one writer every export uses: UTF-8 with a byte-order mark
 * (so Excel reads accents right), CRLF line ends (RFC 4180), a field quoted when it holds a
 * separator, a quote or a line break. A field a spreadsheet would run as a formula (=, +, -,
 * @, tab or CR first) is prefixed with an apostrophe, unless it is a plain number (CSV injection).
 */
export const BYTE_ORDER_MARK = "\uFEFF";

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^-?\d+([.,]\d+)?$/;

export type CsvValue = string | number | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  const safe = formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(headers: string[], rows: CsvValue[][]): string {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(","));
  return BYTE_ORDER_MARK + lines.join("\r\n") + "\r\n";
}

/** The response headers of a CSV download (never cached: exports hold signed-in data). */
export function csvHeaders(filename: string): HeadersInit {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
  };
}
