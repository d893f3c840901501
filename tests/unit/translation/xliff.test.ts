import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { columnField, parseTextKey, textKey, wordCount } from "@/lib/translation/kinds";
import { buildXliff, readXliff, XliffError, XLIFF_NS } from "@/lib/translation/xliff";

const id = "6f1c2b8e-1d2a-4c3b-9e4f-5a6b7c8d9e0f";
const sha = "a".repeat(64);

describe("XLIFF 1.2", () => {
  it("writes one <file> per direction that an independent parser reads, and reads its own output back", () => {
    const xliff = buildXliff([
      { key: `agenda_item:${id}:title`, sourceLanguage: "en", source: "Budget & \"timing\" <now>", fingerprint: sha },
      { key: `decision:${id}:text`, sourceLanguage: "fr", source: "Le groupe approuve.\nDeuxième ligne.", fingerprint: "b".repeat(64) },
    ]);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "file" || name === "trans-unit" }).parse(xliff);
    expect(doc.xliff.file.map((file: Record<string, string>) => [file["@source-language"], file["@target-language"]])).toEqual([["en-CA", "fr-CA"], ["fr-CA", "en-CA"]]);
    const units = readXliff(xliff);
    expect(units).toEqual([
      { key: `agenda_item:${id}:title`, sourceLanguage: "en", targetLanguage: "fr", source: "Budget & \"timing\" <now>", target: null, fingerprint: sha },
      { key: `decision:${id}:text`, sourceLanguage: "fr", targetLanguage: "en", source: "Le groupe approuve.\nDeuxième ligne.", target: null, fingerprint: "b".repeat(64) },
    ]);
  });

  it("reads a target with inline markup and CDATA, and the fingerprint from the note when a tool dropped the attribute", () => {
    const file = `<?xml version="1.0"?><xliff version="1.2" xmlns="${XLIFF_NS}"><file original="x" datatype="plaintext" source-language="en-CA" target-language="fr-CA"><body>
      <trans-unit id="agenda_item:${id}:title"><source>Hello</source><target>Bon<g id="1">jour</g> <![CDATA[& cie]]></target><note>source-sha256:${sha}</note></trans-unit>
    </body></file></xliff>`;
    expect(readXliff(file)).toEqual([{ key: `agenda_item:${id}:title`, sourceLanguage: "en", targetLanguage: "fr", source: "Hello", target: "Bonjour & cie", fingerprint: sha }]);
  });

  it.each([
    ["not XML", "plain text", "notXml"],
    ["XML of another vocabulary", "<html/>", "notXliff"],
    ["a DOCTYPE", `<!DOCTYPE xliff><xliff version="1.2" xmlns="${XLIFF_NS}"/>`, "doctype"],
    ["an entity declaration in lower case", `<!doctype x [<!entity a "b">]><x/>`, "doctype"],
    ["an undeclared entity", `<xliff version="1.2" xmlns="${XLIFF_NS}">&ext;</xliff>`, "notXml"],
    ["a unit without an id", `<xliff version="1.2" xmlns="${XLIFF_NS}"><file source-language="en" target-language="fr" datatype="plaintext" original="x"><body><trans-unit><source>a</source></trans-unit></body></file></xliff>`, "notXliff"],
  ])("refuses %s", (_name, text, reason) => {
    expect(() => readXliff(text)).toThrow(XliffError);
    try {
      readXliff(text);
    } catch (error) {
      expect((error as XliffError).reason).toBe(reason);
    }
  });

  it("names texts by kind:id:field and counts words", () => {
    expect(parseTextKey(textKey({ kind: "indicator", id, field: "data_source" }))).toEqual({ kind: "indicator", id, field: "data_source" });
    expect(parseTextKey(`indicator:${id}:password`)).toBeNull();
    expect(parseTextKey(`users:${id}:title`)).toBeNull();
    expect(parseTextKey("agenda_item:not-a-uuid:title")).toBeNull();
    expect(columnField("data_source", "fr")).toBe("dataSourceFr");
    expect(wordCount("  Three  word\ttitle ")).toBe(3);
    expect(wordCount("")).toBe(0);
  });
});
