/*
 * What a file is, from its bytes, never its name (issue 20, point 5). Pure: unit-tested on its own.
 *
 * ZIP-based formats (DOCX, XLSX, PPTX, ODT, ODS) are told apart by the names in the ZIP's central directory, read from
 * the end of the file (the end-of-central-directory record points at it), so no archive is unpacked.
 */

export const documentKinds = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt", "png", "jpeg"] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const contentTypes: Record<DocumentKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  csv: "text/csv; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  png: "image/png",
  jpeg: "image/jpeg",
};

/** The extensions each kind may be named with. */
const extensions: Record<string, DocumentKind> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  pptx: "pptx",
  odt: "odt",
  ods: "ods",
  csv: "csv",
  txt: "txt",
  png: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
};

export const HEAD_BYTES = 4096;
/** How much of the end of a file is read for the ZIP central directory. */
export const TAIL_BYTES = 512 * 1024;

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);
const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

/** The names in a ZIP's central directory, when `tail` (the last bytes of a file of `size` bytes) holds all of it. */
export function zipEntryNames(tail: Uint8Array, size: number): string[] | null {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535.
  for (let at = tail.length - 22; at >= Math.max(0, tail.length - 22 - 65535); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    const directorySize = view.getUint32(at + 12, true);
    const directoryOffset = view.getUint32(at + 16, true);
    const tailStart = size - tail.length;
    let cursor = directoryOffset - tailStart;
    if (cursor < 0 || directoryOffset + directorySize > size) return null;
    const names: string[] = [];
    const decoder = new TextDecoder();
    for (let index = 0; index < entries; index++) {
      if (cursor + 46 > tail.length || view.getUint32(cursor, true) !== 0x02014b50) return null;
      const nameLength = view.getUint16(cursor + 28, true);
      const extraLength = view.getUint16(cursor + 30, true);
      const commentLength = view.getUint16(cursor + 32, true);
      if (cursor + 46 + nameLength > tail.length) return null;
      names.push(decoder.decode(tail.subarray(cursor + 46, cursor + 46 + nameLength)));
      cursor += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

/** The OpenDocument type: the first entry is an uncompressed `mimetype` whose content follows its local header. */
function openDocumentKind(head: Uint8Array): DocumentKind | null {
  const text = new TextDecoder("latin1").decode(head.subarray(30, 30 + 8 + 60));
  if (!text.startsWith("mimetype")) return null;
  if (text.startsWith("mimetypeapplication/vnd.oasis.opendocument.text")) return "odt";
  if (text.startsWith("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")) return "ods";
  return null;
}

/**
 * The kind of a file from its first bytes (`head`), its last (`tail`), its size and whether the whole of it is UTF-8
 * text without control characters (`isText`, found while it streamed). Null: not a type the portal accepts.
 * A text file is a CSV when named so, else plain text.
 */
export function sniffKind({ head, tail, size, isText, fileName }: { head: Uint8Array; tail: Uint8Array; size: number; isText: boolean; fileName: string }): DocumentKind | null {
  if (size === 0) return null;
  if (startsWith(head, ascii("%PDF-"))) return "pdf";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const open = openDocumentKind(head);
    if (open) return open;
    const names = zipEntryNames(tail, size);
    if (!names || !names.includes("[Content_Types].xml")) return null;
    if (names.includes("word/document.xml")) return "docx";
    if (names.includes("xl/workbook.xml")) return "xlsx";
    if (names.includes("ppt/presentation.xml")) return "pptx";
    return null;
  }
  if (isText) return extensionOf(fileName) === "csv" ? "csv" : "txt";
  return null;
}

export function extensionOf(fileName: string): string | null {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return match?.[1]?.toLowerCase() ?? null;
}

/** Does the name's extension say something else than the content? A name without a known extension never does. */
export function extensionMismatch(fileName: string, kind: DocumentKind): boolean {
  const extension = extensionOf(fileName);
  if (!extension) return false;
  const named = extensions[extension];
  if (!named) return true;
  if (named === kind) return false;
  // A CSV is text: a .txt named CSV content, or the reverse, is the same kind of file.
  return !((named === "txt" || named === "csv") && (kind === "txt" || kind === "csv"));
}

export const MAX_FILE_NAME = 200;

/**
 * The name as stored and served: the last path segment only (no `../`, no folders of either slash), no control or
 * bidirectional-override characters, trimmed of dots and spaces at the ends. Null when nothing usable is left or it
 * is longer than MAX_FILE_NAME.
 */
export function cleanFileName(raw: string): string | null {
  const lastSegment = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = lastSegment.normalize("NFC").replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").replace(/^[\s.]+|[\s.]+$/g, "");
  if (!cleaned || cleaned.length > MAX_FILE_NAME) return null;
  return cleaned;
}

/** The name with the kind's extension, when it has none. */
export function servedFileName(fileName: string, kind: DocumentKind): string {
  return extensionOf(fileName) ? fileName : `${fileName}.${kind === "jpeg" ? "jpg" : kind}`;
}

/** Content-Disposition: attachment, an ASCII fallback and the exact name in RFC 5987 encoding. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\;%]/g, "_").trim() || "document";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Is this chunk of text free of control characters other than tab, line feed, carriage return and form feed? */
export function isPlainTextChunk(text: string): boolean {
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}
