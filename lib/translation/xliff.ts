import { SaxesParser, type SaxesTagNS } from "saxes";

/**
 * XLIFF 1.2 (OASIS), the version the common CAT tools read: the export of texts to translate and the reading of
 * a translated file back. Pure functions, no database.
 *
 * One <file> per direction (en-CA → fr-CA, fr-CA → en-CA), one <trans-unit> per text, its id "kind:id:field", its
 * <source>, and the fingerprint (sha256 of the source) both as an attribute in the portal's namespace and in a
 * <note>, so a tool that drops foreign attributes still carries it.
 *
 * The reader is saxes, a strict, non-validating SAX parser that never reads a DTD: a file with a DOCTYPE (where
 * entity tricks live: billion laughs, external entities) is refused before and while parsing, and an entity that
 * is not one of XML's five is an error, never expanded.
 */
export const XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2";
export const PORTAL_NS = "urn:iwgtip:translation:1";
export const MAX_XLIFF_BYTES = 10 * 1024 * 1024;

const languageTags = { en: "en-CA", fr: "fr-CA" } as const;

export type ExportUnit = { key: string; sourceLanguage: "en" | "fr"; source: string; fingerprint: string; note?: string };

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** The XLIFF 1.2 document of `units`, grouped by the direction of translation. */
export function buildXliff(units: ExportUnit[], exportedAt: Date = new Date()): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<xliff version="1.2" xmlns="${XLIFF_NS}" xmlns:iwg="${PORTAL_NS}">`];
  for (const source of ["en", "fr"] as const) {
    const mine = units.filter((unit) => unit.sourceLanguage === source);
    if (mine.length === 0) continue;
    const target = source === "en" ? "fr" : "en";
    lines.push(`  <file original="iwgtip-portal" datatype="plaintext" source-language="${languageTags[source]}" target-language="${languageTags[target]}" date="${exportedAt.toISOString().replace(/\.\d{3}Z$/, "Z")}">`);
    lines.push("    <body>");
    for (const unit of mine) {
      lines.push(`      <trans-unit id="${escapeXml(unit.key)}" resname="${escapeXml(unit.key)}" xml:space="preserve" iwg:source-sha256="${unit.fingerprint}">`);
      lines.push(`        <source xml:lang="${languageTags[source]}">${escapeXml(unit.source)}</source>`);
      lines.push(`        <note from="iwgtip" annotates="source">source-sha256:${unit.fingerprint}</note>`);
      if (unit.note) lines.push(`        <note from="iwgtip" annotates="general">${escapeXml(unit.note)}</note>`);
      lines.push("      </trans-unit>");
    }
    lines.push("    </body>");
    lines.push("  </file>");
  }
  lines.push("</xliff>");
  return lines.join("\n") + "\n";
}

/** A unit read back from a translated file. */
export type ImportedUnit = { key: string; sourceLanguage: "en" | "fr" | null; targetLanguage: "en" | "fr" | null; source: string; target: string | null; fingerprint: string | null };

export type XliffReadError = "tooLarge" | "doctype" | "notXml" | "notXliff";

export class XliffError extends Error {
  constructor(readonly reason: XliffReadError, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = "XliffError";
  }
}

function languageOf(tag: string | undefined): "en" | "fr" | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === "en" || primary === "fr" ? primary : null;
}

/**
 * Reads a translated XLIFF 1.2 file: every <trans-unit> with its source, target and fingerprint. Throws XliffError
 * for a file over 10 MB, with a DOCTYPE, that is not well-formed XML, or that is not XLIFF 1.2.
 */
export function readXliff(text: string): ImportedUnit[] {
  if (Buffer.byteLength(text, "utf8") > MAX_XLIFF_BYTES) throw new XliffError("tooLarge");
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new XliffError("doctype");
  const parser = new SaxesParser({ xmlns: true });
  const units: ImportedUnit[] = [];
  let failure: XliffError | null = null;
  let rootSeen = false;
  const stack: string[] = [];
  let file: { source: "en" | "fr" | null; target: "en" | "fr" | null } | null = null;
  let unit: { key: string; fingerprint: string | null; source: string; target: string | null; note: string | null } | null = null;
  let collecting: "source" | "target" | "note" | null = null;
  let collectDepth = 0;

  const fail = (error: XliffError) => {
    failure ??= error;
    throw error;
  };
  parser.on("doctype", () => fail(new XliffError("doctype")));
  parser.on("error", (error) => fail(new XliffError("notXml", error.message)));
  parser.on("opentag", (tag: SaxesTagNS) => {
    stack.push(tag.local);
    if (!rootSeen) {
      rootSeen = true;
      if (tag.local !== "xliff" || tag.uri !== XLIFF_NS || tag.attributes.version?.value !== "1.2") fail(new XliffError("notXliff"));
      return;
    }
    if (tag.uri !== XLIFF_NS) return;
    if (collecting) return; // inline markup (<g>, <x/>, <mrk>) inside a source or target: its text is kept
    if (tag.local === "file") {
      file = { source: languageOf(tag.attributes["source-language"]?.value), target: languageOf(tag.attributes["target-language"]?.value) };
      if (!file.source) fail(new XliffError("notXliff"));
    } else if (tag.local === "trans-unit") {
      const id = tag.attributes.id?.value;
      if (!file || !id) fail(new XliffError("notXliff"));
      const fingerprint = Object.values(tag.attributes).find((attribute) => attribute.uri === PORTAL_NS && attribute.local === "source-sha256")?.value ?? null;
      unit = { key: id!, fingerprint, source: "", target: null, note: null };
    } else if (unit && (tag.local === "source" || tag.local === "target" || tag.local === "note")) {
      collecting = tag.local;
      collectDepth = stack.length;
      if (tag.local === "target") unit.target = "";
      if (tag.local === "note") unit.note = "";
    }
  });
  parser.on("text", (chunk) => {
    if (!unit || !collecting) return;
    if (collecting === "source") unit.source += chunk;
    else if (collecting === "target") unit.target = (unit.target ?? "") + chunk;
    else unit.note = (unit.note ?? "") + chunk;
  });
  parser.on("cdata", (chunk) => {
    if (!unit || !collecting) return;
    if (collecting === "source") unit.source += chunk;
    else if (collecting === "target") unit.target = (unit.target ?? "") + chunk;
  });
  parser.on("closetag", (tag: SaxesTagNS) => {
    if (collecting && stack.length === collectDepth) {
      if (collecting === "note" && unit && !unit.fingerprint) {
        const match = /^source-sha256:([0-9a-f]{64})$/.exec(unit.note?.trim() ?? "");
        if (match) unit.fingerprint = match[1]!;
      }
      collecting = null;
    } else if (!collecting && tag.uri === XLIFF_NS && tag.local === "trans-unit" && unit && file) {
      units.push({ key: unit.key, sourceLanguage: file.source, targetLanguage: file.target, source: unit.source, target: unit.target, fingerprint: unit.fingerprint });
      unit = null;
    } else if (!collecting && tag.uri === XLIFF_NS && tag.local === "file") {
      file = null;
    }
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (failure) throw failure;
    throw error instanceof XliffError ? error : new XliffError("notXml", error instanceof Error ? error.message : String(error));
  }
  if (failure) throw failure;
  if (!rootSeen) throw new XliffError("notXml");
  return units;
}
