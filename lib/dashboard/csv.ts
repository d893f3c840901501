/**
 * CSV for spreadsheet users: UTF-8 with a byte-order mark (so Excel reads accents right), CRLF line ends (RFC 4180),
 * every field quoted when it holds a separator, a quote or a line break. A field that a spreadsheet would run as a
 * formula (=, +, -, @ first) is prefixed with an apostrophe, unless it is a plain number.
 */
export const BYTE_ORDER_MARK = "\uFEFF";

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^-?\d+([.,]\d+)?$/;

export function csvField(value: string): string {
  const safe = formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(headers: string[], rows: string[][]): string {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(","));
  return BYTE_ORDER_MARK + lines.join("\r\n") + "\r\n";
}
