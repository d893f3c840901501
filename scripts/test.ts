/**
 * `npm test`: every check, in order, failing fast: lint, type check, unit tests, then
 * (with a real PostgreSQL: the embedded one, or DATABASE_URL when set) integration
 * tests, the production build and the end-to-end tests in Chromium.
 *
 *   npm test                 everything
 *   npm test -- --skip-e2e   everything but the build and the browser tests
 */
import { spawn } from "node:child_process";
import { prepareDatabase } from "./db/prepare";

type Step = { name: string; command: string; args: string[] };

function run({ name, command, args }: Step, env: NodeJS.ProcessEnv): Promise<void> {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (code === 0) {
        console.log(`✔ ${name} (${seconds} s)`);
        resolve();
      } else {
        reject(new Error(`${name} failed (${signal ?? `exit code ${code}`}) after ${seconds} s`));
      }
    });
  });
}

/**
 * The portal is built and tested on Node 24 LTS (Node 20 left security support in April 2026). `npm ci` brings it
 * (the node-linux-* packages, docs/platform.md) and npm puts it first on PATH, so every step below runs on it.
 * Say which Node this run used, and stop on an older one rather than report a pass on the wrong runtime.
 */
function checkNodeVersion(): void {
  const major = Number(process.versions.node.split(".")[0]);
  console.log(`Node ${process.version} (${process.execPath})`);
  if (major < 24) throw new Error(`Node ${process.version} is too old: the portal needs Node 24 or later (run through npm after npm ci, or see docs/platform.md)`);
}

async function main() {
  checkNodeVersion();
  const skipE2e = process.argv.includes("--skip-e2e");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

  await run({ name: "lint", command: "npx", args: ["eslint", "."] }, env);
  await run({ name: "route types", command: "npx", args: ["next", "typegen"] }, env);
  await run({ name: "type check", command: "npx", args: ["tsc", "--noEmit"] }, env);
  await run({ name: "unit tests", command: "npx", args: ["vitest", "run", "--project", "unit"] }, env);

  const database = await prepareDatabase({ kind: "test" });
  const stop = async () => database.stop().catch((error: unknown) => console.error("could not stop the test database:", error));
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  process.once("SIGTERM", () => void stop().then(() => process.exit(143)));
  const withDb = { ...env, DATABASE_URL: database.databaseUrl };
  try {
    await run({ name: "integration tests", command: "npx", args: ["vitest", "run", "--project", "integration"] }, withDb);
    if (!skipE2e) {
      await run({ name: "production build", command: "npx", args: ["next", "build"] }, withDb);
      await run({ name: "end-to-end tests", command: "npx", args: ["playwright", "test"] }, withDb);
    }
  } finally {
    await stop();
  }
}

main().then(
  () => console.log("\nAll checks passed."),
  (error: unknown) => {
    console.error(`\n✘ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
