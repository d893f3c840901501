/**
 * `npm run test:resilience`: the tests that need the production build running as it is deployed — a PostgreSQL
 * restart under load, and two instances on one database (tests/resilience). Each test file starts its own embedded
 * PostgreSQL (EMBEDDED_PG_PORT + 5) and its own `next start` processes (E2E_PORT + 5 …), so this never touches the
 * database or the ports of `npm test`. Builds first when the build is missing or older than the sources.
 * CI runs it after `npm test`.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIsStale } from "./build-state";

const projectRoot = path.resolve(__dirname, "..");

function run(command: string, args: string[]): Promise<void> {
  console.log(`\n▶ ${command} ${args.join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit code ${code}`})`))));
  });
}

async function main(): Promise<void> {
  if (buildIsStale()) await run("npx", ["next", "build"]);
  await run("npx", ["vitest", "run", "--project", "resilience", ...process.argv.slice(2)]);
}

main().then(
  () => console.log("\nResilience tests passed."),
  (error: unknown) => {
    console.error(`\n✘ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
