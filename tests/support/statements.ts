import pg from "pg";
import { vi } from "vitest";

/**
 * Counts the SQL statements the app sends while `call` runs (every query of every pg client, BEGIN and COMMIT
 * included), the way the benchmark counts them per request with pg_stat_statements. Tests run one file at a
 * time, so what is counted is the call's own.
 */
export async function countStatements<T>(call: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const [first] = args;
    statements.push(typeof first === "string" ? first : String((first as { text?: string } | undefined)?.text ?? first));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original);
  try {
    const result = await call();
    return { result, statements };
  } finally {
    spy.mockRestore();
  }
}
