import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { demoDataWanted, loadEnvironment, productionEnvironmentProblems, secretProblem } from "@/scripts/production-checks";

const projectRoot = path.resolve(__dirname, "../../..");

/** Runs `npm start`'s script (tsx scripts/run.ts start) with exactly this environment; answers how it ended. */
function runStart(environment: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/run.ts", "start"], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/root", PORT: "4099", ...environment } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // A start that got past the checks would build and serve: stop it, the test has failed.
    const timer = setTimeout(() => child.kill("SIGTERM"), 90_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const strongSecret = () => randomBytes(32).toString("base64");

const goodProduction = () => ({
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://iwgtip:x@db.example.gc.ca:5432/iwgtip",
  NEXTAUTH_SECRET: strongSecret(),
  NEXTAUTH_URL: "https://iwgtip.example.gc.ca",
  TRUSTED_PROXIES: "none",
});

describe("a production start cannot fall back to the demo (issue 17, point 9)", () => {
  it("accepts a complete production environment", () => {
    expect(productionEnvironmentProblems(goodProduction())).toEqual([]);
    expect(productionEnvironmentProblems({ ...goodProduction(), TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8::1" })).toEqual([]);
    expect(secretProblem(randomBytes(32).toString("hex"))).toBeNull();
    expect(secretProblem(randomBytes(32).toString("base64url"))).toBeNull();
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: "" }],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "" }],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-use-0123456789" }],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "resilience-only-secret-not-for-production-0123456789" }],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: randomBytes(24).toString("base64") }],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "a".repeat(64) }],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "MyPortalSecretForProduction2026!MyPortalSecret" }],
    ["NEXTAUTH_URL", { NEXTAUTH_URL: "http://iwgtip.example.gc.ca" }],
    ["NEXTAUTH_URL", { NEXTAUTH_URL: "" }],
    ["NEXTAUTH_URL", { NEXTAUTH_URL: "not a url" }],
    ["TRUSTED_PROXIES", { TRUSTED_PROXIES: "" }],
    ["TRUSTED_PROXIES", { TRUSTED_PROXIES: "load-balancer" }],
    ["DEMO_DATA", { DEMO_DATA: "on" }],
  ])("refuses when %s is wrong: %j", (name, change) => {
    const problems = productionEnvironmentProblems({ ...goodProduction(), ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });

  it("creates demo data only when asked: the test database, DEMO_DATA=on, or the embedded development database", () => {
    expect(demoDataWanted("test", {})).toBe(true);
    expect(demoDataWanted("dev", {})).toBe(true);
    expect(demoDataWanted("dev", { DATABASE_URL: "postgresql://db/iwgtip" })).toBe(false);
    expect(demoDataWanted("dev", { DATABASE_URL: "postgresql://db/iwgtip", DEMO_DATA: "on" })).toBe(true);
    expect(demoDataWanted("dev", { DEMO_DATA: "off" })).toBe(false);
    expect(demoDataWanted("dev", { NODE_ENV: "production", DEMO_DATA: "on" })).toBe(false);
    expect(demoDataWanted("test", { NODE_ENV: "production" })).toBe(false);
  });

  describe("reads .env the way Next does", () => {
    let dir: string | undefined;
    const probes = ["IWGTIP_PROBE_ENV", "IWGTIP_PROBE_PRODUCTION", "IWGTIP_PROBE_SET"];
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      for (const probe of probes) delete process.env[probe];
    });

    it("loads .env, lets .env.production override it and the real environment override both", () => {
      dir = mkdtempSync(path.join(tmpdir(), "iwgtip-env-"));
      writeFileSync(path.join(dir, ".env"), "IWGTIP_PROBE_ENV=from-dotenv\nIWGTIP_PROBE_PRODUCTION=from-dotenv\nIWGTIP_PROBE_SET=from-dotenv\n");
      writeFileSync(path.join(dir, ".env.production"), "IWGTIP_PROBE_PRODUCTION=from-production\n");
      process.env.IWGTIP_PROBE_SET = "from-environment";
      // As `npm start` runs in production (Vitest itself runs with NODE_ENV=test, which reads .env.test instead).
      const environment = process.env as Record<string, string | undefined>;
      const nodeEnv = environment.NODE_ENV;
      environment.NODE_ENV = "production";
      try {
        loadEnvironment(dir, { dev: false });
      } finally {
        environment.NODE_ENV = nodeEnv;
      }
      expect(process.env.IWGTIP_PROBE_ENV).toBe("from-dotenv");
      expect(process.env.IWGTIP_PROBE_PRODUCTION).toBe("from-production");
      expect(process.env.IWGTIP_PROBE_SET).toBe("from-environment");
    });
  });

  it("npm start refuses a production start with nothing configured, and says every reason", async () => {
    const { code, output } = await runStart({ NODE_ENV: "production" });
    expect(code).toBe(2);
    for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "TRUSTED_PROXIES"]) expect(output).toContain(name);
  });

  it("npm start refuses a production start on a database with active demo accounts", async () => {
    const { code, output } = await runStart({ ...goodProduction(), DATABASE_URL: process.env.DATABASE_URL! });
    expect(code).toBe(2);
    expect(output).toContain("active demo accounts");
    expect(output).toContain("admin@iwgtip.example");
  });
});
