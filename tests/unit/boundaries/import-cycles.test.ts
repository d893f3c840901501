import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * No import cycle in lib/ (type-only imports included: a cycle of types is still two modules that each need
 * the other to be understood). Reads the imports as text, resolves "@/..." and relative paths to files, and
 * walks the graph; the generated Prisma client is left out.
 */

const root = path.resolve(__dirname, "../../..");
const extensions = [".ts", ".tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return extensions.some((ext) => name.endsWith(ext)) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, ...extensions.map((ext) => base + ext), ...extensions.map((ext) => path.join(base, `index${ext}`))]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

export function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|(?:^|\n)\s*import\s+"([^"]+)"/g)].map((match) => match[1] ?? match[2]!);
  return specifiers.map((specifier) => resolve(file, specifier)).filter((target): target is string => target !== null);
}

export function findCycles(files: string[]): string[][] {
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (state.get(target) === "open") cycles.push([...stack.slice(stack.indexOf(target)), target].map((f) => path.relative(root, f)));
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

describe("imports in lib/", () => {
  it("form no cycle", () => {
    expect(findCycles(sourceFiles(path.join(root, "lib")))).toEqual([]);
  });

  it("the check finds a cycle when there is one (the registry and its receipts, as they were)", () => {
    const fixture = path.join(root, "tests/unit/boundaries/fixtures/cycle");
    expect(findCycles(sourceFiles(fixture)).length).toBeGreaterThan(0);
  });
});
