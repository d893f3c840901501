/**
 * The one Prisma client of the process.
 *
 * - Created lazily on first use: `next build` imports every route module, and a module that threw for want of
 *   DATABASE_URL would break the build.
 * - Kept on globalThis in every environment: Next's per-route bundles (and dev hot reload) would otherwise each open
 *   their own pool.
 * - The pool has an `error` listener (an idle connection dropped by a PostgreSQL restart must not crash Node), a
 *   connection timeout and a statement timeout, so a database that is down or stuck answers quickly with an error
 *   the app turns into a "service unavailable" page (see `isDatabaseUnavailableError`).
 * - Two different waits, two limits: opening a connection to the server gives up after 2 s (a server that is down
 *   refuses at once; one that does not answer is as good as down), while waiting for one of the pool's busy
 *   connections to come free may take up to 4 s, because under load that wait is normal and a healthy database
 *   must not be reported unavailable. Together they keep an outage's answer within about 6 s.
 *
 * Only modules under lib/ import this; pages and components go through lib/<domain>/queries.ts.
 *
 * Environment: DATABASE_URL (required at first query), DATABASE_POOL_MAX (default 10),
 * DATABASE_STATEMENT_TIMEOUT_MS (default 15000).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { DATABASE_UNAVAILABLE_DIGEST } from "./errors/digest";
import { PrismaClient } from "./generated/prisma/client";

/** Opening one connection to the server. */
const CONNECTION_TIMEOUT_MS = 2_000;
/** Waiting for a connection of the pool, including opening one. */
const POOL_WAIT_TIMEOUT_MS = 4_000;
const DEFAULT_POOL_MAX = 10;
const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

/** Thrown on first use when DATABASE_URL is not set; counts as "database unavailable". */
export class DatabaseNotConfiguredError extends Error {
  constructor() {
    super("DATABASE_URL is not set: the portal has no database to talk to.");
    this.name = "DatabaseNotConfiguredError";
  }
}

export interface DatabaseHandles {
  pool: pg.Pool;
  client: PrismaClient;
}

/**
 * A Prisma client over its own resilient pool. The app uses `db`; this exists for scripts and tests that need a
 * client for another database. The caller ends it: `await client.$disconnect(); await pool.end()`.
 */
export function createDatabaseClient(connectionString: string): DatabaseHandles {
  const statementTimeout = positiveInteger(process.env.DATABASE_STATEMENT_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS);
  const pool = new pg.Pool({
    connectionString,
    max: positiveInteger(process.env.DATABASE_POOL_MAX, DEFAULT_POOL_MAX),
    // pg-pool applies this one limit both to the queue for a free connection and to opening a new one; the client
    // class below puts the shorter limit back on opening.
    connectionTimeoutMillis: POOL_WAIT_TIMEOUT_MS,
    Client: QuickToConnectClient,
    idleTimeoutMillis: 30_000,
    // Server-side limit for a runaway query; the client-side one also covers a server that stopped answering.
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + 5_000,
    keepAlive: true,
    application_name: "iwgtip-portal",
  });
  const logLostConnection = (error: Error) =>
    console.error(`[db] PostgreSQL connection lost: ${error.message}. The pool will reconnect on the next query.`);
  // Emitted for idle clients; without a listener Node would treat it as an uncaught exception and exit.
  pool.on("error", logLostConnection);

  const adapter = new PrismaPg(pool, { onConnectionError: logLostConnection });
  // Every query (model, raw, inside transactions) that fails for want of the database is marked, so the page that
  // fails with it shows "service unavailable" (app/[locale]/(portal)/error.tsx). Same API: only queries are wrapped.
  const client = new PrismaClient({ adapter }).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          markIfUnavailable(error);
          throw error;
        }
      },
    },
  }) as unknown as PrismaClient;
  return { pool, client };
}

/** A pg client that gives up opening its connection after CONNECTION_TIMEOUT_MS, whatever the pool's limit. */
class QuickToConnectClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS });
  }
}

const globalForDb = globalThis as typeof globalThis & { __iwgtipDatabase?: DatabaseHandles };

function handles(): DatabaseHandles {
  if (!globalForDb.__iwgtipDatabase) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new DatabaseNotConfiguredError();
    globalForDb.__iwgtipDatabase = createDatabaseClient(connectionString);
  }
  return globalForDb.__iwgtipDatabase;
}

/**
 * The pool under `db`, for the one write Prisma would make costly: the chunks of an uploaded document (issue 20,
 * lib/documents/storage.ts), sent as binary parameters rather than serialised per chunk. Same connections, same limits.
 */
export function databasePool(): pg.Pool {
  return handles().pool;
}

/**
 * The Prisma client, e.g. `db.department.findMany()`. Nothing connects until the first query, and importing this
 * module never throws; without DATABASE_URL the first use throws DatabaseNotConfiguredError.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    // Not a promise: answering `then` without connecting keeps `await`-probing and module inspection harmless.
    if (property === "then") return undefined;
    const client = handles().client;
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
  has(_target, property) {
    return Reflect.has(handles().client, property);
  },
});

/** True if PostgreSQL answers `SELECT 1` within `timeoutMs`. Never throws, never waits longer than `timeoutMs`. */
export async function pingDatabase(timeoutMs: number = CONNECTION_TIMEOUT_MS): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const { pool } = handles();
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const answered = pool.query("SELECT 1").then(
      () => true,
      () => false,
    );
    return await Promise.race([answered, timedOut]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Node network errors that mean "cannot reach the server". */
const NETWORK_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);

/**
 * PostgreSQL SQLSTATEs meaning the server cannot serve us right now: connection exceptions (08…), shutting down or
 * starting up (57P01–57P03), too many connections (53300), statement timeout (57014).
 */
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|57P0[1-3]|53300|57014)$/;

/** Prisma error codes for the same: cannot reach or timed out (P1001, P1002, P1008), closed (P1017), pool timeout (P2024). */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** Driver-adapter error kinds Prisma passes through in `cause` / `meta`. */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "SocketTimeout",
  "ConnectionClosed",
  "TooManyConnections",
  "TlsConnectionError",
]);

const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /can't reach database server/i,
  /server closed the connection/i,
  /not queryable/i,
  /connection (?:refused|timed out|reset)/i,
];

/**
 * True when `error` says the database cannot be reached or cannot serve us (down, restarting, unreachable,
 * overloaded, not configured), as opposed to a bug or bad data. Looks through `cause`, Prisma's `meta` and
 * AggregateError members.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  return describesUnavailability(error, 0);
}

/** Gives an unavailability error the digest the error page recognises (see lib/errors/digest.ts). */
function markIfUnavailable(error: unknown): void {
  if (error instanceof Error && !("digest" in error) && isDatabaseUnavailableError(error)) {
    Object.assign(error, { digest: DATABASE_UNAVAILABLE_DIGEST });
  }
}

function describesUnavailability(error: unknown, depth: number): boolean {
  if (depth > 5 || error === null || typeof error !== "object") return false;
  if (error instanceof DatabaseNotConfiguredError) return true;

  const candidate = error as {
    name?: unknown;
    code?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: unknown;
    errors?: unknown;
  };
  if (candidate.name === "PrismaClientInitializationError") return true;
  if (typeof candidate.code === "string") {
    if (NETWORK_ERROR_CODES.has(candidate.code)) return true;
    if (UNAVAILABLE_SQLSTATE.test(candidate.code)) return true;
    if (UNAVAILABLE_PRISMA_CODES.has(candidate.code)) return true;
  }
  if (typeof candidate.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(candidate.kind)) return true;
  if (typeof candidate.message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(candidate.message as string))) {
    return true;
  }

  const nested = [candidate.cause, candidate.meta, ...(Array.isArray(candidate.errors) ? candidate.errors : [])];
  if (candidate.meta && typeof candidate.meta === "object") {
    nested.push(...Object.values(candidate.meta as Record<string, unknown>));
  }
  return nested.some((inner) => describesUnavailability(inner, depth + 1));
}

function positiveInteger(raw: string | undefined, fallback: number): number {
  const parsed = Number(raw);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}
