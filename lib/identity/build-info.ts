import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/** What the footer's "Date modified" line says: the release and the date of the commit it was built from. */
export type BuildInfo = { version: string; commit: string | null; date: string | null };

/**
 * Read once when the portal is built (next.config.ts hands the values to the app as PORTAL_BUILD_*), so the line is
 * the same for every request and every instance of one build, and the same for two builds of one commit: the date
 * is the commit's, never the clock's. Without git (a source archive), SOURCE_DATE_EPOCH, the reproducible-builds
 * convention, gives the date; without either the footer shows the version alone.
 */
export function readBuildInfo(root: string, environment: Record<string, string | undefined> = process.env): BuildInfo {
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || null;
    } catch {
      return null;
    }
  };
  const commit = git("log", "-1", "--format=%h");
  let date = git("log", "-1", "--format=%cd", "--date=format:%Y-%m-%d");
  const epoch = Number(environment.SOURCE_DATE_EPOCH);
  if (!date && Number.isFinite(epoch) && epoch > 0) date = new Date(epoch * 1000).toISOString().slice(0, 10);
  return { version, commit, date };
}

/** The values next.config.ts baked in (null where the build had none). */
export function buildInfo(): BuildInfo {
  return {
    version: process.env.PORTAL_BUILD_VERSION || "0.0.0",
    commit: process.env.PORTAL_BUILD_COMMIT || null,
    date: process.env.PORTAL_BUILD_DATE || null,
  };
}
