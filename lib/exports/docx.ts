import "server-only";
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { intlLocale } from "@/lib/format/intl";
import type { Locale } from "@/lib/i18n/routing";

/**
 * The one Word writer every .docx download uses (server side only). A document is a list of plain blocks whose texts
 * are given in both languages; it is written in one language, or bilingual: the headings carry both texts, and the
 * body sits in a two-column table, English | Français, as GC documents are often laid out.
 *
 * What Word's accessibility checker looks for, built in: the title in the core properties, the language of the
 * document (default run language, w:lang) and of every run in the other language, real heading styles (Title,
 * Heading 1–3), tables with a header row that repeats on every page, no empty cells used for layout; plus the
 * security marking in the header and footer of every page, and a draft notice in the header when there is one.
 */

/** A text in both languages; a plain string is the same in both (codes, numbers, names). */
export type Bilingual = { en: string; fr: string } | string;
export type DocxMode = Locale | "bilingual";

export type DocxBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: Bilingual }
  | { kind: "paragraph"; text: Bilingual; bold?: boolean }
  | { kind: "list"; items: Bilingual[] }
  | { kind: "table"; header: Bilingual[]; rows: Bilingual[][] };

export type DocxSpec = {
  title: Bilingual;
  /** The security marking, printed as it is set (it is bilingual already). */
  marking: string;
  /** Shown in the header of every page, e.g. "DRAFT — not approved". */
  notice?: Bilingual;
  blocks: DocxBlock[];
};

const LANGUAGE: Record<Locale, string> = { en: intlLocale("en"), fr: intlLocale("fr") };
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const LIST = "bullets";

const inLocale = (text: Bilingual, locale: Locale) => (typeof text === "string" ? text : text[locale]);
const bothSame = (text: Bilingual) => typeof text === "string" || text.en === text.fr;

/** A run in one language: w:lang on the run, so a screen reader switches voice where the language changes. */
function run(text: string, locale: Locale, bold = false) {
  return new TextRun({ text, bold, language: { value: LANGUAGE[locale] } });
}

/** Line breaks kept: each line its own run after a break. */
function runs(text: string, locale: Locale, bold = false) {
  return text.split("\n").map((line, index) => new TextRun({ text: line, bold, break: index > 0 ? 1 : undefined, language: { value: LANGUAGE[locale] } }));
}

/** The runs of a text in a mode: one language, or "English / Français" with each part in its own language. */
function textRuns(text: Bilingual, mode: DocxMode, bold = false): TextRun[] {
  if (mode !== "bilingual") return runs(inLocale(text, mode), mode, bold);
  if (bothSame(text)) return runs(inLocale(text, "en"), "en", bold);
  return [...runs(inLocale(text, "en"), "en", bold), run(" / ", "en", bold), ...runs(inLocale(text, "fr"), "fr", bold)];
}

function headerRow(cells: Paragraph[][]) {
  return new TableRow({ tableHeader: true, cantSplit: true, children: cells.map((children) => new TableCell({ children })) });
}

function bodyRow(cells: Paragraph[][]) {
  return new TableRow({ cantSplit: true, children: cells.map((children) => new TableCell({ children })) });
}

/** A data table: header row that repeats; in bilingual mode a cell holds its English then its French text. */
function dataTable(block: Extract<DocxBlock, { kind: "table" }>, mode: DocxMode): Table {
  const cell = (text: Bilingual, bold = false): Paragraph[] =>
    mode === "bilingual" && !bothSame(text)
      ? [new Paragraph({ children: runs(inLocale(text, "en"), "en", bold) }), new Paragraph({ children: runs(inLocale(text, "fr"), "fr", bold) })]
      : [new Paragraph({ children: runs(inLocale(text, mode === "bilingual" ? "en" : mode), mode === "bilingual" ? "en" : mode, bold) })];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [headerRow(block.header.map((text) => cell(text, true))), ...block.rows.map((row) => bodyRow(row.map((text) => cell(text))))],
  });
}

/** One block's paragraphs in one language (a list's items as bulleted paragraphs). */
function bodyParagraphs(block: Extract<DocxBlock, { kind: "paragraph" | "list" }>, locale: Locale): Paragraph[] {
  if (block.kind === "paragraph") return [new Paragraph({ children: runs(inLocale(block.text, locale), locale, block.bold) })];
  return block.items.map((item) => new Paragraph({ children: runs(inLocale(item, locale), locale), numbering: { reference: LIST, level: 0 } }));
}

function body(spec: DocxSpec, mode: DocxMode): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(spec.title, mode) })];
  // Bilingual: consecutive paragraphs and lists go into one two-column table, a row per block.
  let pending: Extract<DocxBlock, { kind: "paragraph" | "list" }>[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    out.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: [4680, 4680],
        rows: [
          headerRow([[new Paragraph({ children: [run("English", "en", true)] })], [new Paragraph({ children: [run("Français", "fr", true)] })]]),
          ...pending.map((block) => bodyRow([bodyParagraphs(block, "en"), bodyParagraphs(block, "fr")])),
        ],
      }),
    );
    pending = [];
  };
  for (const block of spec.blocks) {
    if (mode === "bilingual" && (block.kind === "paragraph" || block.kind === "list")) {
      pending.push(block);
      continue;
    }
    flush();
    if (block.kind === "heading") out.push(new Paragraph({ heading: HEADINGS[block.level], children: textRuns(block.text, mode) }));
    else if (block.kind === "table") out.push(dataTable(block, mode), new Paragraph({ children: [] }));
    else out.push(...bodyParagraphs(block, mode as Locale));
  }
  flush();
  return out;
}

function marginParagraphs(spec: DocxSpec, mode: DocxMode, notice: boolean): Paragraph[] {
  const lines = [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: spec.marking, bold: true })] })];
  if (notice && spec.notice) lines.push(new Paragraph({ alignment: AlignmentType.CENTER, children: textRuns(spec.notice, mode, true) }));
  return lines;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The core properties with the title and language (the library writes no dc:language, so the part is ours). */
function coreProperties(title: string, language: string, now: Date): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>IWGTIP</dc:creator><dc:language>${language}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

export function docxTitle(spec: Pick<DocxSpec, "title">, mode: DocxMode): string {
  return mode === "bilingual" ? (bothSame(spec.title) ? inLocale(spec.title, "en") : `${inLocale(spec.title, "en")} / ${inLocale(spec.title, "fr")}`) : inLocale(spec.title, mode);
}

export async function renderDocx(spec: DocxSpec, mode: DocxMode): Promise<Buffer> {
  // A bilingual document is English first; its French runs carry their own language.
  const language = LANGUAGE[mode === "bilingual" ? "en" : mode];
  const title = docxTitle(spec, mode);
  const pageLabel: Bilingual = { en: "Page ", fr: "Page " };
  const document = new Document({
    title,
    creator: "IWGTIP",
    styles: { default: { document: { run: { language: { value: language }, font: "Calibri", size: 22 } } } },
    numbering: { config: [{ reference: LIST, levels: [{ level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }] },
    sections: [
      {
        headers: { default: new Header({ children: marginParagraphs(spec, mode, true) }) },
        footers: {
          default: new Footer({
            children: [
              ...marginParagraphs(spec, mode, false),
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: [inLocale(pageLabel, mode === "bilingual" ? "en" : mode), PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES] })] }),
            ],
          }),
        },
        children: body(spec, mode),
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: "docProps/core.xml", data: coreProperties(title, language, new Date()) }]);
}

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The response of a Word download (never cached: it holds signed-in data). */
export function docxResponse(body: Buffer, filename: string): Response {
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": DOCX_CONTENT_TYPE, "Content-Disposition": `attachment; filename="${filename}.docx"`, "Cache-Control": "no-store" },
  });
}

/** `?lang=en|fr|bilingual`, else the given default (the user's language). */
export function docxMode(value: string | null, fallback: Locale): DocxMode {
  return value === "en" || value === "fr" || value === "bilingual" ? value : fallback;
}
