import { inflateRawSync } from "node:zlib";

/*
 * The text of a paper, for the search (issue 20, point 6). Office files are ZIPs of XML: the entries that hold the
 * text are read through the central directory and inflated one by one (each bounded), and the text runs taken out
 * of the XML; a PDF's text comes from pdfjs-dist. Run by the worker after upload, never in the request.
 */

/** At most this much text is kept per version (the search reads it; a paper's first pages say what it is about). */
export const MAX_TEXT = 1_000_000;
/** An entry that inflates to more than this is not read (a ZIP bomb must not fill the memory). */
const MAX_ENTRY = 20 * 1024 * 1024;

type Entry = { name: string; method: number; compressedSize: number; localOffset: number };

function zipEntries(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const count = view.getUint16(at + 10, true);
    let cursor = view.getUint32(at + 16, true);
    const entries: Entry[] = [];
    const decoder = new TextDecoder();
    for (let index = 0; index < count && cursor + 46 <= bytes.length; index++) {
      if (view.getUint32(cursor, true) !== 0x02014b50) break;
      const nameLength = view.getUint16(cursor + 28, true);
      const extraLength = view.getUint16(cursor + 30, true);
      const commentLength = view.getUint16(cursor + 32, true);
      entries.push({
        name: decoder.decode(bytes.subarray(cursor + 46, cursor + 46 + nameLength)),
        method: view.getUint16(cursor + 10, true),
        compressedSize: view.getUint32(cursor + 20, true),
        localOffset: view.getUint32(cursor + 42, true),
      });
      cursor += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }
  return [];
}

function entryText(bytes: Uint8Array, entry: Entry): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return "";
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  const raw = entry.method === 0 ? data : entry.method === 8 ? inflateRawSync(data, { maxOutputLength: MAX_ENTRY }) : null;
  return raw ? new TextDecoder().decode(raw) : "";
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, code: string) =>
    code.startsWith("#x") || code.startsWith("#X") ? String.fromCodePoint(parseInt(code.slice(2), 16)) : code.startsWith("#") ? String.fromCodePoint(Number(code.slice(1))) : (entities[code.toLowerCase()] ?? ""),
  );

/** The text runs of the XML elements named `tag` (w:t, a:t, t), paragraphs (`paragraph`) as line breaks. */
function runsOf(xml: string, tag: string, paragraph: string): string {
  const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>|</${paragraph}>`, "g");
  let text = "";
  for (const match of xml.matchAll(pattern)) text += match[1] !== undefined ? decodeXml(match[1]) : "\n";
  return text;
}

const natural = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

export function officeText(kind: "docx" | "xlsx" | "pptx", bytes: Uint8Array): string {
  const entries = zipEntries(bytes);
  const pick = (test: (name: string) => boolean) => entries.filter((entry) => test(entry.name)).sort((a, b) => natural(a.name, b.name));
  switch (kind) {
    case "docx":
      return pick((name) => name === "word/document.xml").map((entry) => runsOf(entryText(bytes, entry), "w:t", "w:p")).join("\n");
    case "xlsx":
      return pick((name) => name === "xl/sharedStrings.xml").map((entry) => runsOf(entryText(bytes, entry), "t", "si")).join("\n");
    case "pptx":
      return pick((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).map((entry) => runsOf(entryText(bytes, entry), "a:t", "a:p")).join("\n");
  }
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({ data: bytes, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const document = await task.promise;
  try {
    let text = "";
    for (let number = 1; number <= document.numPages && text.length < MAX_TEXT; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      text += content.items.map((item) => ("str" in item ? item.str : "")).join(" ") + "\n";
    }
    return text;
  } finally {
    await task.destroy();
  }
}

/** The searchable text of a file of this kind, bounded and with its whitespace tidied; null for kinds without text. */
export async function extractText(kind: string, bytes: Uint8Array): Promise<string | null> {
  let text: string;
  if (kind === "pdf") text = await pdfText(bytes);
  else if (kind === "docx" || kind === "xlsx" || kind === "pptx") text = officeText(kind, bytes);
  else if (kind === "txt" || kind === "csv") text = new TextDecoder().decode(bytes);
  else return null;
  return text.replace(/\u0000/g, "").replace(/[ \t]+/g, " ").replace(/\s*\n\s*/g, "\n").trim().slice(0, MAX_TEXT);
}
