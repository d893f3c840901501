import { db } from "@/lib/db";
import type { MatrixRow } from "../authz/matrix-types";

type RowModule = { rows: MatrixRow[]; cleanup?: () => Promise<void> };

/** The authorization matrix's rows (one per registered command), to reuse their valid inputs. */
export function matrixRows(): { rows: Map<string, MatrixRow>; cleanup: () => Promise<void> } {
  const modules = Object.values(import.meta.glob<RowModule>("../authz/rows/*.ts", { eager: true }));
  return {
    rows: new Map(modules.flatMap((rowModule) => rowModule.rows).map((row) => [row.command, row])),
    cleanup: async () => {
      for (const rowModule of modules) await rowModule.cleanup?.();
    },
  };
}

/** The number of rows in every table, in one fixed query. */
export async function tableCounts(): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<{ table_name: string; count: number }[]>`
    SELECT table_name::text,
           (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text::int AS count
      FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`;
  return Object.fromEntries(rows.map((row) => [row.table_name, row.count]));
}

/** How each table's row count changed between two `tableCounts()`, leaving out the unchanged ones. */
export function countChanges(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((table) => [table, after[table]! - (before[table] ?? 0)]).filter(([, change]) => change !== 0));
}
