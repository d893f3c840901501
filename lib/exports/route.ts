import "server-only";
import { csvHeaders, toCsv } from "@/lib/format/csv";
import type { Locale } from "@/lib/i18n/routing";
import { csvCell, type ExportTable } from "./table";
import { tableToXlsx, xlsxHeaders } from "./xlsx";

export type ExportFormat = "csv" | "xlsx";

/**
 * What a builder answers: the table and its language, or a refusal (401/403/404) already decided by the same
 * guard for every format, so a CSV and its Excel twin are always allowed or refused together.
 */
export type ExportBuild = { table: ExportTable; locale: Locale; /** The CSV's rows when they differ from the typed ones (the dashboard's page text). */ csvRows?: string[][] } | Response;

export async function exportResponse(build: ExportBuild, format: ExportFormat): Promise<Response> {
  if (build instanceof Response) return build;
  const { table, locale, csvRows } = build;
  if (format === "xlsx") {
    const body = await tableToXlsx(table, locale);
    return new Response(new Uint8Array(body), { headers: xlsxHeaders(`${table.filename}.xlsx`) });
  }
  const csv = toCsv(
    table.columns.map((column) => column.header),
    csvRows ?? table.rows.map((row) => table.columns.map((column, index) => csvCell(row[index] ?? null, column.kind))),
  );
  return new Response(csv, { headers: csvHeaders(`${table.filename}.csv`) });
}

/** A route handler for one format of one builder; both formats' routes wrap the same builder. */
export function exportHandler<Args extends unknown[]>(build: (request: Request, ...args: Args) => Promise<ExportBuild>, format: ExportFormat) {
  return async (request: Request, ...args: Args) => exportResponse(await build(request, ...args), format);
}
