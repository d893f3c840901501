import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { registeredCommands } from "@/lib/commands";

/**
 * Every text a command accepts has a length limit in its schema (issue 8, point 6); the database has its own
 * (tests/integration/db/constraints.test.ts). A string is bounded by a maximum length, or by being a UUID or a
 * fully anchored pattern without open-ended repetition.
 */
type Def = { type: string; [key: string]: unknown };

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function isBoundedString(schema: unknown): boolean {
  const def = defOf(schema) as Def & { format?: string; checks?: { _zod: { def: { check: string; format?: string; pattern?: RegExp } } }[] };
  if (def.format === "uuid" || def.format === "guid") return true;
  return (def.checks ?? []).some(({ _zod: { def: check } }) => {
    if (check.check === "max_length" || check.check === "length_equals") return true;
    const source = check.pattern?.source ?? "";
    return check.format === "regex" && source.startsWith("^") && source.endsWith("$") && !/[*+]|\{\d+,\}/.test(source);
  });
}

/** The paths of the unbounded strings in a schema. */
function unboundedStrings(schema: unknown, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (key: string, suffix = "") => unboundedStrings(def[key], path + suffix, seen);
  switch (def.type) {
    case "string":
      return isBoundedString(schema) ? [] : [path || "(input)"];
    case "object":
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, value]) => unboundedStrings(value, path ? `${path}.${key}` : key, seen));
    case "array":
      return inner("element", "[]");
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "nonoptional":
    case "readonly":
      return inner("innerType");
    case "pipe":
      // What comes out of a string schema is bounded by it (e.g. trimmed text piped into z.email()).
      return defOf(def.in).type === "string" ? inner("in") : [...inner("in"), ...inner("out")];
    case "union":
      return (def.options as unknown[]).flatMap((option) => unboundedStrings(option, path, seen));
    case "intersection":
      return [...inner("left"), ...inner("right")];
    case "record":
      return [...inner("keyType", "{key}"), ...inner("valueType", "{value}")];
    case "tuple":
      return (def.items as unknown[]).flatMap((item, index) => unboundedStrings(item, `${path}[${index}]`, seen));
    case "lazy":
      return unboundedStrings((def.getter as () => unknown)(), path, seen);
    case "any":
    case "unknown":
      return [`${path || "(input)"} (${def.type})`];
    default:
      // enums, literals, numbers, booleans, dates, transforms (their input is checked by the schema before them)
      return [];
  }
}

describe("command input schemas", () => {
  const commands = registeredCommands();

  it("exist for every command", () => {
    expect(commands.length).toBeGreaterThan(40);
  });

  for (const command of commands) {
    it(`${command.name}: every text field has a length limit`, () => {
      expect(unboundedStrings(command.schema as z.ZodType, "")).toEqual([]);
    });
  }
});
