import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readBuildInfo } from "@/lib/identity/build-info";

describe("the footer's Date modified line", () => {
  it("is the date and short hash of the commit the portal is built from, the same at every build of it", () => {
    const root = path.resolve(__dirname, "../..");
    const first = readBuildInfo(root, {});
    expect(first.date).toBe(execFileSync("git", ["log", "-1", "--format=%cd", "--date=format:%Y-%m-%d"], { cwd: root, encoding: "utf8" }).trim());
    expect(first.commit).toMatch(/^[0-9a-f]{7,}$/);
    expect(readBuildInfo(root, {})).toEqual(first);
  });

  it("falls back to SOURCE_DATE_EPOCH outside a git checkout, and to the version alone without it", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "build-info-"));
    writeFileSync(path.join(folder, "package.json"), JSON.stringify({ version: "1.2.3" }));
    expect(readBuildInfo(folder, { SOURCE_DATE_EPOCH: "1196467200" })).toEqual({ version: "1.2.3", commit: null, date: "2007-12-01" });
    expect(readBuildInfo(folder, { GIT_CEILING_DIRECTORIES: tmpdir() })).toEqual({ version: "1.2.3", commit: null, date: null });
  });
});
