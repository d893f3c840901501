import { afterAll, beforeAll } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { loadCallers } from "../authz/callers";
import type { Caller, MatrixRow } from "../authz/matrix-types";

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

/** For a test file: the matrix rows, the callers (loaded before the tests), and the rows' cleanup afterwards. */
export function matrixRowsAndCallers(): { rows: Map<string, MatrixRow>; users: () => Record<Caller, SessionUser | null> } {
  const { rows, cleanup } = matrixRows();
  let users: Record<Caller, SessionUser | null> | undefined;
  beforeAll(async () => {
    users = await loadCallers();
  });
  afterAll(cleanup);
  return { rows, users: () => users! };
}

/** The number of rows in every table, in one fixed query. */
/*
 * The dashboard's roll-up tables (`dashboard_*`) are left out of the counts below: triggers keep them current in
 * the same transaction as the change they summarise, so how many of their rows a command touches depends on the
 * data, not on the command. tests/integration/dashboard/rollups.test.ts proves them equal to the base tables.
 */
export async function tableCounts(): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<{ table_name: string; count: number }[]>`
    SELECT table_name::text,
           (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text::int AS count
      FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
       AND left(table_name, 10) <> 'dashboard_'
     ORDER BY table_name`;
  return Object.fromEntries(rows.map((row) => [row.table_name, row.count]));
}

/** How each table's row count changed between two `tableCounts()`, leaving out the unchanged ones. */
export function countChanges(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((table) => [table, after[table]! - (before[table] ?? 0)]).filter(([, change]) => change !== 0));
}

/** The next transaction id PostgreSQL will hand out (reading it assigns none). */
export async function nextTransactionId(): Promise<bigint> {
  const [row] = await db.$queryRaw<{ next: string }[]>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next`;
  return BigInt(row!.next);
}

/**
 * The transactions started in [from, to) that committed rows into the portal's tables, each with the number
 * of rows it wrote and of audit events among them. Transactions that wrote no row of ours (autovacuum's
 * ANALYZE writes statistics) are left out. Tests run one file at a time, so the rest are the caller's own.
 */
export async function committedWrites(from: bigint, to: bigint): Promise<{ xid: string; rows: number; audit_events: number }[]> {
  const committed = await db.$queryRaw<{ xid: string }[]>`
    SELECT x::text AS xid FROM generate_series(${from}::bigint, ${to}::bigint - 1) AS x WHERE pg_xact_status(x::text::xid8) = 'committed'`;
  const writes = [];
  for (const { xid } of committed) {
    const [row] = await db.$queryRaw<{ rows: number; audit_events: number }[]>`
      SELECT coalesce(sum((xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I WHERE xmin::text = %L', table_schema, table_name, ${xid}::text), false, true, '')))[1]::text::int), 0)::int AS rows,
             (SELECT count(*)::int FROM audit_events WHERE xmin::text = ${xid}::text) AS audit_events
        FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND left(table_name, 10) <> 'dashboard_'`;
    if (row && row.rows > 0) writes.push({ xid, ...row });
  }
  return writes;
}
