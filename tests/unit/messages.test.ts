import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

function keysOf(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

/** The arguments an ICU message takes, e.g. `{count, plural, ...}` gives `count`. */
function placeholdersOf(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type !== TYPE.literal && element.type !== TYPE.pound && "value" in element) names.add(String(element.value));
      if ("options" in element) for (const option of Object.values(element.options)) visit(option.value);
      if ("children" in element) visit(element.children);
    }
  };
  visit(parse(message));
  return [...names].sort();
}

describe("message catalogues", () => {
  it("have the same keys in English and French", () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
  });

  it("have no empty message in either language", () => {
    for (const catalogue of [en, fr]) {
      for (const key of keysOf(catalogue)) {
        const message = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        expect(typeof message === "string" && message.trim().length > 0, key).toBe(true);
      }
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const key of keysOf(en)) {
      const read = (catalogue: unknown) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string;
      expect(placeholdersOf(read(fr)), key).toEqual(placeholdersOf(read(en)));
    }
  });
});
