/**
 * The dependency gate (`npm run audit`, scripts/audit.ts) run against a registry of our own on loopback, which
 * answers npm's advisory endpoint as the test says: a critical advisory fails it, a moderate one does not, and a
 * registry that refuses audits (as this project's mirror does, 405) is reported loudly, never as a pass of the
 * audit, and fails under --strict.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyAudit } from "../../../scripts/audit";
import { projectRoot } from "../../../scripts/db/migrations-folder";

const execFileAsync = promisify(execFile);

type Answer = { status: number; body: unknown };
let answer: Answer = { status: 200, body: {} };
let askedFor: string[] = [];
let server: http.Server;
let registry: string;
// npm caches what it computed per advisory id: a cache of this file's own keeps one test's answer from another's
// and from the developer's cache.
const npmCache = mkdtempSync(path.join(os.tmpdir(), "iwgtip-audit-cache-"));
let advisoryId = 1000;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method === "POST" && request.url?.startsWith("/-/npm/v1/security/advisories/bulk")) {
        const raw = Buffer.concat(chunks);
        const body = request.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
        askedFor = Object.keys(JSON.parse(body.toString("utf8")) as Record<string, unknown>);
        response.writeHead(answer.status, { "content-type": "application/json" });
        response.end(answer.status === 200 ? JSON.stringify(answer.body) : "");
        return;
      }
      response.writeHead(404, { "content-type": "application/json" }).end("{}"); // packuments: not needed
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(npmCache, { recursive: true, force: true });
});

async function runAudit(args: string[] = []) {
  return execFileAsync(path.join(projectRoot, "node_modules", ".bin", "tsx"), [path.join(projectRoot, "scripts", "audit.ts"), ...args], {
    cwd: projectRoot,
    env: { ...process.env, npm_config_registry: registry, npm_config_cache: npmCache, AUDIT_STRICT: "" },
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, output: (error.stdout ?? "") + (error.stderr ?? "") }),
  );
}

const advisory = (severity: string) => ({
  zod: [{ id: ++advisoryId, url: `https://example.test/advisories/${advisoryId}`, title: `A ${severity} flaw`, severity, vulnerable_versions: "<99.0.0", cwe: [], cvss: { score: 0, vectorString: null } }],
});

describe("npm run audit", () => {
  it("fails on a critical advisory in a production dependency, naming it, and asks about production packages only", async () => {
    answer = { status: 200, body: advisory("critical") };
    const result = await runAudit();
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/critical\s+zod/);
    expect(result.output).toContain(`https://example.test/advisories/${advisoryId}`);
    expect(askedFor).toContain("next");
    expect(askedFor).not.toContain("vitest"); // a dev dependency
  });

  it("fails on a high advisory", async () => {
    answer = { status: 200, body: advisory("high") };
    expect((await runAudit()).code).toBe(1);
  });

  it("passes with only a moderate advisory, and says so", async () => {
    answer = { status: 200, body: advisory("moderate") };
    const result = await runAudit();
    expect(result.code).toBe(0);
    expect(result.output).toContain("no high or critical advisory in production dependencies (1 moderate)");
  });

  it("says loudly that nothing was audited when the registry refuses audits, and fails under --strict", async () => {
    answer = { status: 405, body: "" };
    const lenient = await runAudit();
    expect(lenient.code).toBe(0);
    expect(lenient.output).toContain("WARNING: DEPENDENCIES NOT AUDITED.");
    expect(lenient.output).toContain("405");
    expect(lenient.output).not.toContain("✔");

    const strict = await runAudit(["--strict"]);
    expect(strict.code).toBe(2);
    expect(strict.output).toContain("--strict: failing.");
  });
});

describe("reading npm audit's report", () => {
  it("tells a refused endpoint from a report, and anything else from both", () => {
    expect(classifyAudit(JSON.stringify({ message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", statusCode: 405 })).kind).toBe("unavailable");
    expect(classifyAudit(JSON.stringify({ message: "request to http://localhost:1/-/npm/v1/security/advisories/bulk failed, reason: connect ECONNREFUSED" })).kind).toBe("unavailable");
    expect(classifyAudit(JSON.stringify({ message: "ELOCKVERIFY: the lockfile is broken" })).kind).toBe("failed");
    expect(classifyAudit("not json").kind).toBe("failed");
    expect(classifyAudit(JSON.stringify({ vulnerabilities: {}, metadata: { vulnerabilities: { critical: 0, high: 0 } } }))).toEqual({
      kind: "report",
      blocking: [],
      counts: { critical: 0, high: 0, moderate: 0, low: 0, info: 0 },
    });
  });
});
