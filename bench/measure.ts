/**
 * The measuring instruments of the benchmark: load (autocannon), latency percentiles, SQL
 * statements per request (pg_stat_statements), resident memory of a process tree, and the
 * gzipped first-load JavaScript of a route (Turbopack's route bundle statistics).
 */
import { readFile } from "node:fs/promises";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";

export type RouteRequest = {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** A new body for every request sent (e.g. with a fresh idempotency key, so every post really runs). */
  freshBody?: () => string;
};

/**
 * One load's figures. `timeouts`: requests not answered within REQUEST_TIMEOUT_SECONDS; `unanswered`: still
 * waiting when the load ended (up to one per connection is normal: the load stops mid-request). Latencies are of answered requests only, so a route that answered nothing has
 * NaN percentiles and is reported as timed out, not as fast.
 */
export type LoadFigures = { p50: number; p95: number; requestsPerSecond: number; requests: number; errors: number; non2xx: number; timeouts: number; unanswered: number };

/** A request slower than this is given up and counted as timed out (autocannon's `timeout`, in seconds). */
export const REQUEST_TIMEOUT_SECONDS = 10;

/** Percentile of sorted numbers, nearest-rank. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Loads one route for `seconds` with `connections` at once; latencies come from every response. */
export async function load(baseUrl: string, request: RouteRequest, connections: number, seconds: number, cookie: string): Promise<LoadFigures> {
  const latencies: number[] = [];
  // Without a callback autocannon returns an event emitter that is also a promise of the result.
  const instance = autocannon({
    url: baseUrl + request.path,
    method: request.method,
    headers: { cookie, ...request.headers },
    body: request.freshBody?.() ?? request.body,
    // Rebuilt before every request when the route needs a new body each time (autocannon calls setupRequest per request).
    ...(request.freshBody ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: request.freshBody!() }) }] } : {}),
    // Redirects (e.g. a lost session) are not followed: they count as non-2xx, never as a fast page.
    connections,
    duration: seconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
  }) as unknown as Promise<autocannon.Result> & import("node:events").EventEmitter;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    errors: result.errors - result.timeouts,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    unanswered: Math.max(0, result.requests.sent - latencies.length - result.errors),
  };
}

/**
 * SQL statements per request, from pg_stat_statements: `samples` sequential requests, counted
 * together, divided by their number. Every statement the portal sends counts, BEGIN and COMMIT included; the
 * statements run inside them (SQL functions, triggers) do not: their cost is in the latency. Done twice and the
 * lower kept: a statement of the mail worker's timer landing in a batch would otherwise count too.
 */
export async function statementsPerRequest(databaseUrl: string, baseUrl: string, request: RouteRequest, cookie: string, samples = 10): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    // One warm-up request, so that start-up statements (pool, prepared plans) do not count.
    await send(baseUrl, request, cookie);
    const batches: number[] = [];
    for (let batch = 0; batch < 2; batch++) {
      await client.query("SELECT pg_stat_statements_reset()");
      for (let i = 0; i < samples; i++) await send(baseUrl, request, cookie);
      const { rows } = await client.query<{ calls: string }>(
        `SELECT coalesce(sum(calls), 0)::text AS calls FROM pg_stat_statements
         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND toplevel AND query NOT ILIKE '%pg_stat_statements%'`,
      );
      batches.push(Number(rows[0]?.calls ?? 0) / samples);
    }
    return Math.min(...batches);
  } finally {
    await client.end();
  }
}

export async function send(baseUrl: string, request: RouteRequest, cookie: string, timeoutMs = REQUEST_TIMEOUT_SECONDS * 1000): Promise<Response> {
  const response = await fetch(baseUrl + request.path, {
    method: request.method,
    headers: { cookie, ...request.headers },
    body: request.freshBody?.() ?? request.body,
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.arrayBuffer();
  return response;
}

/**
 * Waits until the server answers `request` within `fastMs` again (up to `maxSeconds`): requests of a slow route
 * that autocannon gave up on are still being served when the next load starts, and would otherwise be measured
 * as the next route's latency. Answers how long it waited, in seconds.
 */
export async function settle(baseUrl: string, request: RouteRequest, cookie: string, fastMs = 1000, maxSeconds = 90): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < maxSeconds * 1000) {
    const sent = Date.now();
    const answered = await send(baseUrl, request, cookie, maxSeconds * 1000).then(() => true, () => false);
    if (answered && Date.now() - sent < fastMs) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return (Date.now() - started) / 1000;
}

/** Resident memory (bytes) of a process and all its descendants, from /proc. */
export function residentMemory(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      continue;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples a process tree's memory until stopped; returns the peak. */
export function watchPeakMemory(rootPid: number, everyMs = 250) {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, residentMemory(rootPid));
  }, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, residentMemory(rootPid));
    },
  };
}

type RouteBundle = { route: string; firstLoadChunkPaths: string[] };

/** Gzipped size (bytes) of the JavaScript each route loads first, per Turbopack's route bundle statistics. */
export async function firstLoadJavaScript(projectRoot: string): Promise<Map<string, number>> {
  const stats = JSON.parse(await readFile(path.join(projectRoot, ".next", "diagnostics", "route-bundle-stats.json"), "utf8")) as RouteBundle[];
  const sizes = new Map<string, number>();
  const gzipped = new Map<string, number>();
  for (const { route, firstLoadChunkPaths } of stats) {
    let total = 0;
    for (const chunk of firstLoadChunkPaths) {
      if (!gzipped.has(chunk)) gzipped.set(chunk, gzipSync(await readFile(path.join(projectRoot, chunk))).length);
      total += gzipped.get(chunk)!;
    }
    sizes.set(route, total);
  }
  return sizes;
}
