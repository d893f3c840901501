import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";
import { intlLocale } from "@/lib/format/intl";
import type { Locale } from "@/lib/i18n/routing";

// Noto Sans from the GC Design System's font package: it has every accented letter of French.
const fontFolder = path.join(process.cwd(), "node_modules", "@gcds-core", "fonts", "fonts", "noto-sans");

/** The page margin of the portal's PDFs, in points. */
export const PDF_MARGIN = 56;

/**
 * A new letter-size tagged PDF (PDF/UA) in `locale`, as every PDF of the portal starts: the document's language,
 * its title shown in the title bar, the pdfuaid identifier, the fonts "regular" and "bold" registered, pages
 * buffered (so page numbers can be stamped at the end), and `done`, the finished file once `doc.end()` is called.
 * `headerRoom`: the extra top margin the page's marking takes.
 */
export function openTaggedPdf(title: string, locale: Locale, headerRoom: number) {
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: PDF_MARGIN + headerRoom, bottom: PDF_MARGIN + 10, left: PDF_MARGIN, right: PDF_MARGIN },
    bufferPages: true,
    lang: intlLocale(locale),
    info: { Title: title },
    pdfVersion: "1.7",
    // pdfkit supports "PDF/UA" (the pdfuaid metadata); @types/pdfkit lists only the PDF/A subsets.
    subset: "PDF/UA" as unknown as PDFKit.Mixins.PDFSubsets,
    tagged: true,
    displayTitle: true,
  });
  doc.registerFont("regular", path.join(fontFolder, "gcds-noto-sans-regular.woff"));
  doc.registerFont("bold", path.join(fontFolder, "gcds-noto-sans-bold.woff"));
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done };
}
