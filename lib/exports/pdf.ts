import "server-only";
import type { Locale } from "@/lib/i18n/routing";
import { openTaggedPdf, PDF_MARGIN } from "./tagged-pdf";
import { docxTitle, type Bilingual, type DocxBlock, type DocxSpec } from "./docx";

/**
 * A document spec (the blocks of lib/exports/docx.ts) as a tagged PDF (PDF/UA), in one language: the title as H1,
 * the spec's headings as H2–H4, paragraphs as P, lists as L/LI/LBody, tables as Table/TR/TH/TD with a header row
 * repeated at the top of every page a table runs onto; the document's language, the title shown in the title bar,
 * the pdfuaid identifier; the security marking, a draft notice and page numbers as pagination artifacts (outside
 * the structure tree). The agenda package's own layout is lib/meetings/pdf.ts; this is the general one (the annual
 * report, issue 19.4).
 */

const MARGIN = PDF_MARGIN;
const SIZES = { title: 18, 1: 15, 2: 13, 3: 11.5, body: 10 } as const;

const inLocale = (text: Bilingual, locale: Locale) => (typeof text === "string" ? text : text[locale]);

export function renderTaggedPdf(spec: DocxSpec, locale: Locale, pageLabel: (page: number, count: number) => string): Promise<Buffer> {
  const title = docxTitle(spec, locale);
  const { doc, done } = openTaggedPdf(title, locale, 14);
  const root = doc.struct("Document");
  doc.addStructure(root);
  const width = doc.page.width - 2 * MARGIN;
  const add = (type: string, draw: () => unknown) => root.add(doc.struct(type, {}, [draw]));

  const table = (block: Extract<DocxBlock, { kind: "table" }>) => {
    const element = doc.struct("Table");
    root.add(element);
    const columns = block.header.length;
    const widths = Array.from({ length: columns }, () => width / columns);
    const left = MARGIN;
    const header = block.header.map((text) => inLocale(text, locale));
    const rowHeight = (cells: string[], font: string) => Math.max(...cells.map((text, index) => doc.font(font).fontSize(SIZES.body).heightOfString(text || " ", { width: widths[index]! - 6 }))) + 6;
    const drawRow = (cells: string[], type: "TH" | "TD", parent: PDFKit.PDFStructureElement) => {
      const row = doc.struct("TR");
      parent.add(row);
      const font = type === "TH" ? "bold" : "regular";
      const top = doc.y;
      const height = rowHeight(cells, font);
      cells.forEach((text, index) => {
        const x = left + widths.slice(0, index).reduce((total, w) => total + w, 0);
        row.add(doc.struct(type, {}, [() => void doc.font(font).fontSize(SIZES.body).text(text, x + 3, top + 3, { width: widths[index]! - 6 })]));
      });
      row.end();
      doc.x = left;
      doc.y = top + height;
    };
    // The header row again at the top of each page the table continues on (as an artifact: read once).
    const repeatHeader = () => {
      const top = doc.y;
      doc.markContent("Artifact", { type: "Pagination" });
      header.forEach((text, index) => {
        const x = left + widths.slice(0, index).reduce((total, w) => total + w, 0);
        doc.font("bold").fontSize(SIZES.body).text(text, x + 3, top + 3, { width: widths[index]! - 6 });
      });
      doc.endMarkedContent();
      doc.x = left;
      doc.y = top + rowHeight(header, "bold");
    };
    const bottom = () => doc.page.height - doc.page.margins.bottom;
    if (doc.y + rowHeight(header, "bold") * 2 > bottom()) doc.addPage();
    const head = doc.struct("THead");
    element.add(head);
    drawRow(header, "TH", head);
    head.end();
    const body = doc.struct("TBody");
    element.add(body);
    for (const cells of block.rows.map((row) => row.map((text) => inLocale(text, locale)))) {
      if (doc.y + rowHeight(cells, "regular") > bottom()) {
        doc.addPage();
        repeatHeader();
      }
      drawRow(cells, "TD", body);
    }
    body.end();
    element.end();
    doc.moveDown(0.6);
  };

  add("H1", () => doc.font("bold").fontSize(SIZES.title).text(title, MARGIN, doc.y, { width }).moveDown(0.5));
  for (const block of spec.blocks) {
    if (block.kind === "heading") {
      const size = SIZES[block.level];
      if (doc.y + size * 4 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      add(`H${block.level + 1}`, () => doc.font("bold").fontSize(size).text(inLocale(block.text, locale), MARGIN, doc.y, { width }).moveDown(0.3));
    } else if (block.kind === "paragraph") {
      add("P", () => doc.font(block.bold ? "bold" : "regular").fontSize(SIZES.body).text(inLocale(block.text, locale), MARGIN, doc.y, { width }).moveDown(0.4));
    } else if (block.kind === "list") {
      const list = doc.struct("L");
      root.add(list);
      for (const item of block.items) {
        const entry = doc.struct("LI");
        list.add(entry);
        entry.add(doc.struct("LBody", {}, [() => void doc.font("regular").fontSize(SIZES.body).text(`• ${inLocale(item, locale)}`, MARGIN + 12, doc.y, { width: width - 12 }).moveDown(0.2)]));
        entry.end();
      }
      list.end();
      doc.x = MARGIN;
      doc.moveDown(0.3);
    } else {
      table(block);
    }
  }
  root.end();

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { top, bottom: lower } = doc.page.margins;
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font("bold").fontSize(9).text(spec.marking, MARGIN, 22, { width, align: "center" });
    if (spec.notice) doc.font("bold").fontSize(9).text(inLocale(spec.notice, locale), MARGIN, 34, { width, align: "center" });
    doc.font("bold").fontSize(9).text(spec.marking, MARGIN, doc.page.height - 40, { width, align: "center" });
    doc.font("regular").fontSize(9).text(pageLabel(index + 1, range.count), MARGIN, doc.page.height - 28, { width, align: "right" });
    doc.endMarkedContent();
    doc.page.margins.top = top;
    doc.page.margins.bottom = lower;
  }
  doc.end();
  return done;
}

export const PDF_CONTENT_TYPE = "application/pdf";

/** The response of a PDF download (never cached: it holds signed-in data). */
export function pdfResponse(body: Buffer, filename: string): Response {
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": PDF_CONTENT_TYPE, "Content-Disposition": `attachment; filename="${filename}.pdf"`, "Cache-Control": "no-store" },
  });
}
