/** Whether the production build (`.next`) is older than what it is built from; `npm start` and the resilience tests rebuild then. */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const projectRoot = path.resolve(__dirname, "..");

/** What a production build is made from: newer than .next/BUILD_ID means the build is stale. */
const BUILD_INPUT_DIRS = ["app", "lib", "components", "messages", "prisma", "public"];
const BUILD_INPUT_FILES = ["next.config.ts", "proxy.ts", "instrumentation.ts", "postcss.config.mjs", "tsconfig.json", "package.json"];

/** True when .next/BUILD_ID is missing or older than any build input. */
export function buildIsStale(): boolean {
  const buildId = path.join(projectRoot, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const inputs = [
    ...BUILD_INPUT_DIRS.map((dir) => path.join(projectRoot, dir)),
    ...BUILD_INPUT_FILES.map((file) => path.join(projectRoot, file)),
  ];
  return inputs.some((input) => newestMtime(input) > builtAt);
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows only as a newer directory
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

