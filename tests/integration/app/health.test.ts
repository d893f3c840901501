import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/health";

const run = promisify(execFile);

describe("the health check", () => {
  it("reports the database up", async () => {
    expect(await checkHealth()).toEqual({ status: "ok", database: "up" });
  });

  it("reports the database down, without throwing, when PostgreSQL cannot be reached", async () => {
    // A separate process, so that its client points at a port where nothing listens.
    const script = 'import { checkHealth } from "./lib/health.ts"; checkHealth().then((r) => console.log(JSON.stringify(r)));';
    const { stdout } = await run("npx", ["tsx", "--conditions=react-server", "--eval", script], {
      env: { ...process.env, DATABASE_URL: "postgresql://nobody:nothing@127.0.0.1:9/none" },
      timeout: 20_000,
    });
    expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toEqual({ status: "unavailable", database: "down" });
  });
});
