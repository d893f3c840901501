import "server-only";
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts, rgb, type PDFFont, type PDFPage, type PDFRef } from "pdf-lib";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { getAgendaPackage, packageLabels, renderAgendaPackagePdf } from "@/lib/meetings";
import { catalogues } from "@/lib/i18n/catalogues";
import { createTranslator } from "next-intl";
import { bookTags, type BookTags } from "./book-tags";
import { documentStore } from "./storage";

/*
 * The board book (issue 20, point 3): the agenda package PDF, then the PDF papers of the agenda items in agenda order,
 * with a bookmark for the package and for each paper, and one page numbering through the whole book; papers that are
 * not PDFs (Word, Excel, …) are listed on a last page with a link to download them. Made on request.
 */

/** Reads a stored file whole: pdf-lib needs the bytes of a paper to copy its pages (each at most the size limit). */
async function bytesOf(blobId: string): Promise<Uint8Array | null> {
  const stream = await documentStore().get(blobId);
  if (!stream) return null;
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

type Paper = { title: string; position: number; fileName: string; versionId: string; kind: string; blobId: string; language: string };

async function papersOf(itemIds: string[], locale: Locale): Promise<Paper[]> {
  const items = await db.agendaItem.findMany({ where: { id: { in: itemIds } }, select: { id: true, position: true } });
  const position = new Map(items.map((item) => [item.id, item.position]));
  const documents = await db.document.findMany({
    where: { agendaItemId: { in: itemIds }, withdrawnAt: null },
    orderBy: { createdAt: "asc" },
    select: { titleEn: true, titleFr: true, language: true, agendaItemId: true, currentVersion: true, versions: { select: { id: true, number: true, fileName: true, kind: true, blobId: true } } },
  });
  return documents
    .flatMap((document) => {
      const current = document.versions.find((version) => version.number === document.currentVersion);
      if (!current || !document.agendaItemId) return [];
      return [{ title: locale === "fr" ? document.titleFr : document.titleEn, position: position.get(document.agendaItemId) ?? 0, fileName: current.fileName, versionId: current.id, kind: current.kind, blobId: current.blobId, language: document.language }];
    })
    .sort((a, b) => a.position - b.position);
}

/** The book as PDF bytes, or null when the meeting does not exist. `baseUrl` makes the links of the papers listed. */
export async function renderBoardBook(user: SessionUser, meetingId: string, locale: Locale, baseUrl: string): Promise<Buffer | null> {
  const data = await getAgendaPackage(user, meetingId);
  if (!data) return null;
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "Documents" });
  const papers = await papersOf(data.agenda.map((item) => item.id), locale);

  // The PDF papers first, to know how many pages the book has before the package prints "Page n of N".
  const loaded: { paper: Paper; pdf: PDFDocument }[] = [];
  const listed: Paper[] = [];
  for (const paper of papers) {
    if (paper.kind !== "pdf") {
      listed.push(paper);
      continue;
    }
    const bytes = await bytesOf(paper.blobId);
    try {
      if (!bytes) throw new Error("missing");
      loaded.push({ paper, pdf: await PDFDocument.load(bytes, { updateMetadata: false }) });
    } catch {
      // An encrypted or damaged PDF is listed with its link rather than bound.
      listed.push(paper);
    }
  }
  const paperPages = loaded.reduce((sum, { pdf }) => sum + pdf.getPageCount(), 0);
  const listPages = listed.length > 0 ? 1 : 0;
  const labels = await packageLabels(data, locale);
  const packagePdf = await renderAgendaPackagePdf(data, locale, labels);
  const packageCount = (await PDFDocument.load(packagePdf)).getPageCount();
  const total = packageCount + paperPages + listPages;
  // Re-rendered with the book's page count, so that the package's own numbering runs through the whole book.
  const book = await PDFDocument.load(await renderAgendaPackagePdf(data, locale, { ...labels, page: (page) => labels.page(page, total) }), { updateMetadata: false });
  const font = await book.embedFont(StandardFonts.Helvetica);
  // The appended pages join the package's structure tree (book-tags.ts): the book stays one tagged PDF.
  const tags = bookTags(book);

  const bookmarks: { title: string; page: PDFPage; element?: PDFRef | null }[] = [{ title: labels.title, page: book.getPage(0) }];
  for (const { paper, pdf } of loaded) {
    const pages = await book.copyPages(pdf, pdf.getPageIndices());
    const title = `${paper.position}. ${paper.title}`;
    const section = tags.section(title, paper.language === "bilingual" ? null : paper.language);
    pages.forEach((page, index) => {
      book.addPage(page);
      tags.markWholePage(page, section);
      if (index === 0) bookmarks.push({ title, page, element: section });
      stamp(tags, page, font, labels.page(book.getPageCount(), total), data.securityMarking);
    });
  }
  if (listed.length > 0) {
    const page = book.addPage([612, 792]);
    const section = tags.section(t("bookNotBound"), null);
    bookmarks.push({ title: t("bookNotBound"), page, element: section });
    let y = 720;
    tags.markDrawn(page, section, "H2", () => page.drawText(winAnsi(t("bookNotBound")), { x: 56, y, size: 16, font }));
    y -= 28;
    for (const paper of listed) {
      const url = `${baseUrl.replace(/\/$/, "")}/api/documents/versions/${paper.versionId}`;
      const line = winAnsi(`${paper.position}. ${paper.title} (${paper.fileName})`);
      const element = tags.markDrawn(page, section, "Link", () => page.drawText(line, { x: 56, y, size: 11, font, color: rgb(0.1, 0.2, 0.6) }));
      const annotation = link(book, page, { x: 56, y: y - 2, width: font.widthOfTextAtSize(line, 11), height: 14 }, url, `${paper.title} (${paper.fileName})`);
      tags.markAnnotation(page, element, annotation);
      y -= 20;
    }
    stamp(tags, page, font, labels.page(book.getPageCount(), total), data.securityMarking);
  }
  tags.finish();
  addOutline(book, bookmarks);
  return Buffer.from(await book.save());
}

/** The standard font speaks WinAnsi: French letters are in it; anything else is replaced. */
function winAnsi(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/[“”«»]/g, '"').replace(/[–—]/g, "-").replace(/[^\x20-\x7e\u00a0-\u00ff]/g, "?");
}

/** The page number and the marking, as pagination artifacts (outside the structure tree). */
function stamp(tags: BookTags, page: PDFPage, font: PDFFont, number: string, marking: string) {
  const { width, height } = page.getSize();
  tags.artifact(page, () => {
    page.drawText(winAnsi(number), { x: width - 56 - font.widthOfTextAtSize(winAnsi(number), 9), y: 18, size: 9, font });
    page.drawText(winAnsi(marking), { x: 56, y: height - 24, size: 9, font });
  });
}

function link(book: PDFDocument, page: PDFPage, box: { x: number; y: number; width: number; height: number }, url: string, contents: string): PDFRef {
  const annotation = book.context.register(
    book.context.obj({
      Type: "Annot",
      Subtype: "Link",
      Rect: [box.x, box.y, box.x + box.width, box.y + box.height],
      Border: [0, 0, 0],
      A: { Type: "Action", S: "URI", URI: PDFString.of(url) },
      // PDF/UA: a link annotation says what it is.
      Contents: PDFHexString.fromText(contents),
    }),
  );
  page.node.addAnnot(annotation);
  return annotation;
}

/** Bookmarks (the document outline), one level: each opens its first page. */
function addOutline(book: PDFDocument, entries: { title: string; page: PDFPage; element?: PDFRef | null }[]) {
  if (entries.length === 0) return;
  const root = book.context.nextRef();
  const refs: PDFRef[] = entries.map(() => book.context.nextRef());
  entries.forEach((entry, index) => {
    book.context.assign(
      refs[index]!,
      book.context.obj({
        Title: PDFHexString.fromText(entry.title),
        Parent: root,
        Dest: [entry.page.ref, PDFName.of("Fit")],
        // The structure element the bookmark stands for (a paper's Sect).
        ...(entry.element ? { SE: entry.element } : {}),
        ...(index > 0 ? { Prev: refs[index - 1]! } : {}),
        ...(index < entries.length - 1 ? { Next: refs[index + 1]! } : {}),
      }),
    );
  });
  book.context.assign(root, book.context.obj({ Type: "Outlines", First: refs[0]!, Last: refs[refs.length - 1]!, Count: entries.length }));
  book.catalog.set(PDFName.of("Outlines"), root);
  book.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}
