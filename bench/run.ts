/**
 * `npm run bench`: builds the production app, then for each data scale (16 × 50, × 500,
 * × 5,000 initiatives) starts `next start` on a database filled by bench/scale-data.ts,
 * signs in, and measures every route of bench/routes.ts, interleaved over rounds:
 * p50/p95 latency at 1 connection, requests per second at 8, each as a ratio to the
 * reference page of the same round; SQL statements per request; gzipped first-load
 * JavaScript; the server's peak memory; and Lighthouse on the main pages at 16 × 500.
 * Prints one table and writes it, with the raw figures, to bench/results/.
 *
 *   npm run bench               the full benchmark (25–40 minutes on 2 cores, Lighthouse only at 16 × 500)
 *   npm run bench -- --quick    one small round at 16 × 50, no Lighthouse (CI runs this to keep the script working)
 *   npm run bench -- --scales=500 --no-build   only the scales named, on the existing build
 *   BENCH_PORT / BENCH_PG_PORT  the portal's and the database's ports (3190 and 54325 by default)
 *
 * It asserts nothing: speed is read from its figures, never from timed tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { benchRoutes, type BenchRoute } from "./routes";
import { firstLoadJavaScript, load, settle, statementsPerRequest, watchPeakMemory, type LoadFigures } from "./measure";
import { benchDatabase, fillScaleDatabase } from "./scale-data";
import { lighthouseMedians, type LighthouseFigures } from "./lighthouse";
import { measureUploadMemory, type UploadMemoryFigures } from "./upload-memory";
import { serverEnvironment, serverNodeFlags } from "../scripts/server-flags";
import { DEMO_TOTP_SECRETS } from "../prisma/seed-data";
import { currentStep, totpCode, totpStepSeconds } from "../e2e/totp";

const projectRoot = path.resolve(__dirname, "..");
const quick = process.argv.includes("--quick");
const skipBuild = process.argv.includes("--no-build");
const scalesArgument = process.argv.find((arg) => arg.startsWith("--scales="));
// `--scales=500,5000` measures only those scales (to look into one; committed results measure all three).
const scales = scalesArgument ? scalesArgument.slice("--scales=".length).split(",").map(Number) : quick ? [50] : [50, 500, 5000];
const rounds = quick ? 1 : 3;
const seconds = quick ? 2 : 5;
const port = Number(process.env.BENCH_PORT ?? 3190);
const baseUrl = `http://localhost:${port}`;
const secret = "bench-only-secret-not-for-production-0123456789";

type RouteResult = {
  scale: number;
  route: string;
  status: number;
  latency: LoadFigures[];
  throughput: LoadFigures[];
  p50Ratio: number;
  p95Ratio: number;
  throughputRatio: number;
  statements: number;
  firstLoadJsGzipKb: number | null;
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env, cwd: projectRoot });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  // With the Node flags and environment of `npm start`: the memory measured is that of the server as it runs in production.
  const server = spawn(process.execPath, [...serverNodeFlags, path.join(projectRoot, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    cwd: projectRoot,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...serverEnvironment, NODE_ENV: "production", TRUSTED_PROXIES: "none", DATABASE_URL: databaseUrl, NEXTAUTH_URL: baseUrl, NEXTAUTH_SECRET: secret },
  });
  for (let attempt = 0; attempt < 240; attempt++) {
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill();
  throw new Error("next start did not become healthy");
}

function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
}

/** The last TOTP step used per account: a step's code works once (the coordinator has two-step verification). */
const usedSteps = new Map<string, number>();

/** A code of a step not used yet: the current one, or the next (the verifier accepts it), or after a wait. */
async function freshCode(email: string): Promise<string | undefined> {
  const secret = DEMO_TOTP_SECRETS[email];
  if (!secret) return undefined;
  const step = Math.max(currentStep(), (usedSteps.get(email) ?? 0) + 1);
  const waitMs = (step - 1) * totpStepSeconds * 1000 - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 50));
  usedSteps.set(email, step);
  return totpCode(secret, step);
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
async function signIn(email: string, password: string): Promise<string> {
  const code = await freshCode(email);
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, ...(code ? { code } : {}), json: "true" }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).find((cookie) => cookie?.includes("session-token"));
  if (!session) throw new Error(`sign-in as ${email} failed (${response.status})`);
  // A browser also holds the language cookie from its first page; without it every answer would set it again, and
  // Next re-renders the page after a server action whose response sets a cookie.
  return `${session}; IWGTIP_LOCALE=en`;
}

/** The median of the finite values (a round where a route answered nothing has NaN figures); NaN when none is. */
const median = (values: number[]) => {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  return finite[Math.floor(finite.length / 2)] ?? Number.NaN;
};

/** A figure for the table: "timed out" when no request of the route was answered in any round. */
const figure = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "timed out");

async function benchScale(perDepartment: number, bundles: Map<string, number>): Promise<{ results: RouteResult[]; peakMemoryMb: number; loadSeconds: number; lighthouse: LighthouseFigures[]; upload: UploadMemoryFigures | string }> {
  console.log(`\n▶ 16 × ${perDepartment}: filling the database`);
  const database = await benchDatabase(perDepartment);
  try {
    const loadSeconds = await fillScaleDatabase(database.databaseUrl, perDepartment);
    console.log(`  loaded in ${loadSeconds.toFixed(1)} s; starting the portal`);
    const server = await startServer(database.databaseUrl);
    const memory = watchPeakMemory(server.pid!);
    try {
      const cookie = await signIn("coordinator@iwgtip.example", "iwgtip-demo-2007");
      const routes: { route: BenchRoute; status: number; ok: boolean }[] = [];
      for (const route of await benchRoutes(database.databaseUrl, projectRoot, baseUrl)) {
        const response = await fetch(baseUrl + route.request.path, {
          method: route.request.method,
          headers: { cookie, ...route.request.headers },
          body: route.request.freshBody?.() ?? route.request.body,
          redirect: "manual",
        });
        const body = await response.text();
        const ok = route.succeeded ? route.succeeded(response, body) : response.status < 400;
        if (!ok) console.log(`  skipping ${route.name}: it answers ${response.status} (not built yet?)`);
        routes.push({ route, status: response.status, ok });
      }
      const live = routes.filter(({ ok }) => ok);
      const figures = new Map<string, { latency: LoadFigures[]; throughput: LoadFigures[] }>(live.map(({ route }) => [route.name, { latency: [], throughput: [] }]));
      const reference = live.find(({ route }) => route.reference)!.route;
      for (let round = 1; round <= rounds; round++) {
        for (const { route } of live) {
          process.stdout.write(`  round ${round}: ${route.name} … `);
          // Each load starts on a server that has finished the previous one's requests (see settle).
          const waited = await settle(baseUrl, reference.request, cookie);
          const latency = await load(baseUrl, route.request, 1, seconds, cookie);
          await settle(baseUrl, reference.request, cookie);
          const throughput = await load(baseUrl, route.request, 8, seconds, cookie);
          figures.get(route.name)!.latency.push(latency);
          figures.get(route.name)!.throughput.push(throughput);
          const late = latency.timeouts + throughput.timeouts;
          console.log(`p50 ${latency.p50.toFixed(1)} ms, ${throughput.requestsPerSecond.toFixed(0)} req/s${late > 0 ? `, ${late} timed out` : ""}${waited > 1 ? ` (waited ${waited.toFixed(0)} s for the server to settle)` : ""}`);
        }
      }
      await settle(baseUrl, reference.request, cookie);
      const results: RouteResult[] = [];
      for (const { route, status } of live) {
        const own = figures.get(route.name)!;
        const ref = figures.get(reference.name)!;
        // Ratios are taken within each round (same machine state), then the median across rounds.
        const ratio = (pick: (f: LoadFigures) => number, set: "latency" | "throughput") =>
          median(own[set].map((f, i) => pick(f) / pick(ref[set][i]!)));
        results.push({
          scale: perDepartment,
          route: route.name,
          status,
          latency: own.latency,
          throughput: own.throughput,
          p50Ratio: ratio((f) => f.p50, "latency"),
          p95Ratio: ratio((f) => f.p95, "latency"),
          throughputRatio: ratio((f) => f.requestsPerSecond, "throughput"),
          // A route too slow to answer within the request timeout has no count, rather than failing the scale.
          statements: await statementsPerRequest(database.databaseUrl, baseUrl, route.request, cookie).catch(() => Number.NaN),
          firstLoadJsGzipKb: bundles.has(route.bundleRoute) ? bundles.get(route.bundleRoute)! / 1024 : null,
        });
      }
      // Issue 20: the server's resident memory around a 25 MB upload and its download (after the loads, on a settled server).
      await settle(baseUrl, reference.request, cookie);
      const upload = await measureUploadMemory(baseUrl, database.databaseUrl, server.pid!, cookie).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      const lighthouse = !quick && perDepartment === 500 ? await lighthouseMedians(baseUrl, live.map(({ route }) => route).filter((r) => ["dashboard", "initiatives list (filter + search)", "initiative page"].includes(r.name)), cookie) : [];
      return { results, peakMemoryMb: memory.stop() / 1024 / 1024, loadSeconds, lighthouse, upload };
    } finally {
      memory.stop();
      await stopServer(server);
    }
  } finally {
    await database.stop();
  }
}

function table(all: { scale: number; results: RouteResult[]; peakMemoryMb: number; loadSeconds: number; upload?: UploadMemoryFigures | string }[], lighthouse: LighthouseFigures[]): string {
  const lines = [
    "| scale | route | p50 ms | p95 ms | req/s (8 conn.) | p50 ÷ ref | p95 ÷ ref | req/s ÷ ref | SQL / request | first JS gzip kB | non-2xx | timed out |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const { scale, results } of all) {
    for (const r of results) {
      lines.push(
        `| 16 × ${scale} | ${r.route} | ${figure(median(r.latency.map((f) => f.p50)), 1)} | ${figure(median(r.latency.map((f) => f.p95)), 1)} | ${median(r.throughput.map((f) => f.requestsPerSecond)).toFixed(0)} | ${figure(r.p50Ratio, 2)} | ${figure(r.p95Ratio, 2)} | ${figure(r.throughputRatio, 2)} | ${figure(r.statements, 1)} | ${r.firstLoadJsGzipKb?.toFixed(1) ?? "–"} | ${[...r.latency, ...r.throughput].reduce((sum, f) => sum + f.non2xx + f.errors, 0)} | ${[...r.latency, ...r.throughput].reduce((sum, f) => sum + f.timeouts, 0)} |`,
      );
    }
  }
  lines.push("", "| scale | data load s | server peak RSS MB |", "|---|---|---|");
  for (const { scale, loadSeconds, peakMemoryMb } of all) lines.push(`| 16 × ${scale} | ${loadSeconds.toFixed(1)} | ${peakMemoryMb.toFixed(0)} |`);
  // Issue 20's target: the upload's rise within 50 MB of the level before.
  lines.push("", "| scale | 25 MB upload: RSS before MB | rise during upload MB | rise 2 s after MB | rise during download MB | upload s | download s |", "|---|---|---|---|---|---|---|");
  for (const { scale, upload } of all) {
    if (typeof upload === "string") lines.push(`| 16 × ${scale} | failed: ${upload} | | | | | |`);
    else if (upload) lines.push(`| 16 × ${scale} | ${upload.beforeMb.toFixed(0)} | ${upload.uploadRiseMb.toFixed(0)} | ${upload.afterRiseMb.toFixed(0)} | ${upload.downloadRiseMb.toFixed(0)} | ${upload.uploadSeconds.toFixed(1)} | ${upload.downloadSeconds.toFixed(1)} |`);
  }
  if (lighthouse.length > 0) {
    lines.push("", "| Lighthouse (16 × 500, median of 5) | form factor | performance | CLS |", "|---|---|---|---|");
    for (const l of lighthouse) lines.push(`| ${l.route} | ${l.formFactor} | ${l.performance.toFixed(0)} | ${l.cls.toFixed(3)} |`);
  }
  return lines.join("\n");
}

async function main() {
  if (!skipBuild) await run("npx", ["next", "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  const bundles = await firstLoadJavaScript(projectRoot);
  const all = [];
  let lighthouse: LighthouseFigures[] = [];
  const failures: string[] = [];
  for (const scale of scales) {
    // A scale that fails (e.g. the server dies) is reported, and the others are still measured and written.
    try {
      const outcome = await benchScale(scale, bundles);
      all.push({ scale, ...outcome });
      if (outcome.lighthouse.length > 0) lighthouse = outcome.lighthouse;
    } catch (error) {
      console.error(`16 × ${scale} failed:`, error);
      failures.push(`16 × ${scale}: ${error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}` : String(error)}`);
    }
  }
  const markdown = table(all, lighthouse) + (failures.length > 0 ? `\n\nFailed: ${failures.join("; ")}` : "");
  console.log(`\n${markdown}\n`);
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-");
  // Quick runs only keep the script working; their figures are not worth committing.
  const folder = path.join(projectRoot, "bench", "results", ...(quick ? ["raw"] : []));
  await mkdir(folder, { recursive: true });
  const name = `${stamp}${quick ? "-quick" : ""}`;
  const header = `# Benchmark ${quick ? "(quick mode) " : ""}${new Date().toISOString()}\n\nMachine: ${process.platform}, Node ${process.version}, ${rounds} round(s) of ${seconds} s per measurement.\n\n`;
  await writeFile(path.join(folder, `${name}.md`), header + markdown + "\n");
  await writeFile(path.join(folder, `${name}.json`), JSON.stringify({ quick, rounds, seconds, serverNodeFlags, serverEnvironment, scales: all, lighthouse, failures }, null, 2));
  console.log(`written to ${path.relative(projectRoot, folder)}/${name}.md and .json`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
