import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { renderBoardBook } from "@/lib/documents/board-book";
import { boardBookStream } from "@/lib/documents/board-book-cache";
import { sessionUser } from "../../support/database";
import { meetingWithJusItem, newDocument, sampleDocx, samplePdf, upload } from "./support";

/** The book read back with pdfjs-dist: its pages' text, its bookmarks (title and page number) and its links. */
async function readBook(pdf: Buffer) {
  const document = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true }).promise;
  const pages: string[] = [];
  const links: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    pages.push((await page.getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(" "));
    for (const annotation of await page.getAnnotations()) if (annotation.url) links.push(annotation.url as string);
  }
  const outline = (await document.getOutline()) ?? [];
  const bookmarks = await Promise.all(
    outline.map(async (entry) => {
      const destination = Array.isArray(entry.dest) ? entry.dest : await document.getDestination(entry.dest as string);
      return { title: entry.title, page: (await document.getPageIndex(destination![0])) + 1 };
    }),
  );
  return { pages, bookmarks, links };
}

describe("the board book", () => {
  it("binds the PDF papers after the agenda package in agenda order, bookmarked and numbered through, and lists the others", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const repJus = await sessionUser("rep.jus@iwgtip.example");
    const { meeting, item, other } = await meetingWithJusItem();
    // Uploaded in the reverse of the agenda's order: the book follows the agenda.
    expect(await upload(coordinator, newDocument("agendaItem", other.id, { titleEn: "Round table notes", titleFr: "Notes du tour de table", fileName: "round.pdf" }), samplePdf("Round table notes text"))).toMatchObject({ status: 200 });
    expect(await upload(repJus, newDocument("agendaItem", item.id, { titleEn: "Draft framework", titleFr: "Cadre provisoire", fileName: "framework.pdf" }), samplePdf("Framework paper text"))).toMatchObject({ status: 200 });
    expect(await upload(repJus, newDocument("agendaItem", item.id, { titleEn: "Costing table", titleFr: "Tableau des coûts", fileName: "costs.docx" }), await sampleDocx())).toMatchObject({ status: 200 });

    const pdf = await renderBoardBook(coordinator, meeting.id, "en", "https://portal.example");
    const book = await readBook(pdf!);
    const total = book.pages.length;
    const packagePages = total - 3;
    expect(packagePages).toBeGreaterThan(0);
    expect(book.pages[packagePages]).toContain("Framework paper text");
    expect(book.pages[packagePages + 1]).toContain("Round table notes text");
    expect(book.pages[total - 1]).toContain("Costing table");
    // One numbering through the book: the package's first page and the last page count every page.
    expect(book.pages[0]).toContain(`Page 1 of ${total}`);
    expect(book.pages[total - 1]).toContain(`Page ${total} of ${total}`);
    expect(book.bookmarks).toEqual([
      { title: expect.any(String), page: 1 },
      { title: "1. Draft framework", page: packagePages + 1 },
      { title: "2. Round table notes", page: packagePages + 2 },
      { title: expect.stringContaining("not bound"), page: total },
    ]);
    expect(book.links).toEqual([expect.stringMatching(/^https:\/\/portal\.example\/api\/documents\/versions\/[0-9a-f-]{36}$/)]);

    const french = await readBook((await renderBoardBook(coordinator, meeting.id, "fr", "https://portal.example"))!);
    expect(french.bookmarks[1]).toEqual({ title: "1. Cadre provisoire", page: packagePages + 1 });
  });
});

type StructNode = { role?: string; alt?: string; lang?: string; children?: (StructNode | { type: string; id: string })[] };

/** The element nodes of a page's structure tree, depth first, each with its role and its direct content's kinds. */
function elements(node: StructNode, into: { role: string; lang?: string; content: string[] }[] = []) {
  const children = node.children ?? [];
  if (node.role && node.role !== "Root") into.push({ role: node.role, lang: node.lang, content: children.filter((child) => "type" in child).map((child) => (child as { type: string }).type) });
  for (const child of children) if (!("type" in child)) elements(child as StructNode, into);
  return into;
}

describe("the board book's structure (PDF/UA)", () => {
  it("puts each bound paper under a Sect of the package's Document, the list of other papers as a heading and links, the stamps as artifacts", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const repJus = await sessionUser("rep.jus@iwgtip.example");
    const { meeting, item } = await meetingWithJusItem();
    expect(await upload(repJus, newDocument("agendaItem", item.id, { titleEn: "Draft framework", fileName: "framework.pdf", language: "fr" }), samplePdf("Framework paper text"))).toMatchObject({ status: 200 });
    expect(await upload(repJus, newDocument("agendaItem", item.id, { titleEn: "Costing table", fileName: "costs.docx" }), await sampleDocx())).toMatchObject({ status: 200 });
    const pdf = (await renderBoardBook(coordinator, meeting.id, "en", "https://portal.example"))!;
    const document = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true }).promise;
    const total = document.numPages;
    const markInfo = (await document.getMarkInfo()) as Map<string, boolean> | null;
    expect(markInfo?.get("Marked")).toBe(true);

    // The package's own pages keep their tree.
    expect(elements((await (await document.getPage(1)).getStructTree()) as StructNode).map((node) => node.role)).toEqual(expect.arrayContaining(["Document", "H1"]));

    // The paper's page: Document > Sect (the paper's language), whose content is the page's.
    const paperPage = await document.getPage(total - 1);
    const paperTree = elements((await paperPage.getStructTree()) as StructNode);
    expect(paperTree.map((node) => node.role)).toEqual(["Document", "Sect"]);
    expect(paperTree[1]).toMatchObject({ lang: "fr", content: ["content"] });
    // In the content stream: the paper's text inside the Sect's marked content, the page number and marking as artifacts.
    const marked = await markedText(paperPage);
    expect(marked.find((run) => run.text.includes("Framework paper text"))?.tags).toEqual(["Sect"]);
    expect(marked.find((run) => run.text.includes(`Page ${total - 1} of ${total}`))?.tags).toEqual(["Artifact"]);
    expect(marked.find((run) => run.text.includes("Unclassified") || run.text.includes("UNCLASSIFIED"))?.tags).toEqual(["Artifact"]);

    // The last page: Sect > H2 and a Link holding its text and its annotation.
    const listPage = await document.getPage(total);
    const listTree = elements((await listPage.getStructTree()) as StructNode);
    expect(listTree.map((node) => node.role)).toEqual(["Document", "Sect", "H2", "Link"]);
    expect(listTree[2]!.content).toEqual(["content"]);
    expect(listTree[3]!.content.sort()).toEqual(["annotation", "content"]);
    const listMarked = await markedText(listPage);
    expect(listMarked.find((run) => run.text.includes("Costing table"))?.tags).toEqual(["Link"]);
    expect(listMarked.find((run) => run.text.includes("not bound"))?.tags).toEqual(["H2"]);

    // Every page has its parent-tree key, none used twice, and the next key is past them all; each paper's bookmark
    // names its Sect.
    // (Read with pdf-lib's parser: the file keeps its objects in compressed object streams.)
    const parsed = await PDFDocument.load(pdf);
    const keys = parsed.getPages().map((page) => page.node.lookupMaybe(PDFName.of("StructParents"), PDFNumber)?.asNumber());
    expect(keys.every((key) => key !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(total);
    const root = parsed.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
    expect(root.lookup(PDFName.of("ParentTreeNextKey"), PDFNumber).asNumber()).toBeGreaterThan(Math.max(...(keys as number[])));
    const outline = parsed.catalog.lookup(PDFName.of("Outlines"), PDFDict);
    const sections: string[] = [];
    for (let entry = outline.lookupMaybe(PDFName.of("First"), PDFDict); entry; entry = entry.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      const element = entry.lookupMaybe(PDFName.of("SE"), PDFDict);
      if (element) sections.push(`${element.lookup(PDFName.of("S"), PDFName).decodeText()}: ${element.lookup(PDFName.of("T"), PDFHexString).decodeText()}`);
    }
    expect(sections).toEqual(["Sect: 1. Draft framework", expect.stringMatching(/^Sect: Papers not bound/)]);
  });
});

/** The text runs of a page with the marked-content tags they are inside (pdfjs's text content with its marks). */
async function markedText(page: Awaited<ReturnType<Awaited<ReturnType<typeof getDocument>["promise"]>["getPage"]>>) {
  const content = await page.getTextContent({ includeMarkedContent: true });
  const open: string[] = [];
  const runs: { text: string; tags: string[] }[] = [];
  for (const item of content.items as { type?: string; tag?: string; str?: string }[]) {
    if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") open.push(item.tag ?? "");
    else if (item.type === "endMarkedContent") open.pop();
    else if (item.str) runs.push({ text: item.str, tags: [...open] });
  }
  return runs;
}

describe("the board book's cache", () => {
  it("is made once and served again until a paper or the agenda changes", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const { meeting, item } = await meetingWithJusItem();
    const bytesOf = async () => Buffer.from(await new Response(await boardBookStream(coordinator, meeting.id, "en", "https://portal.example")).arrayBuffer());
    const cachedBlob = async () => (await db.boardBook.findUniqueOrThrow({ where: { meetingId_locale: { meetingId: meeting.id, locale: "en" } } })).blobId;

    const first = await bytesOf();
    const blob = await cachedBlob();
    const second = await bytesOf();
    expect(second.equals(first)).toBe(true);
    expect(await cachedBlob()).toBe(blob);

    // A paper comes in: a new book, with its page, and the old file is gone.
    expect(await upload(coordinator, newDocument("agendaItem", item.id, { titleEn: "Late paper", fileName: "late.pdf" }), samplePdf("Late paper text"))).toMatchObject({ status: 200 });
    const third = await readBook(await bytesOf());
    expect(third.pages.join(" ")).toContain("Late paper text");
    expect(await cachedBlob()).not.toBe(blob);
    expect(await db.documentBlob.count({ where: { id: blob } })).toBe(0);

    // The agenda changes: a new book again.
    const before = await cachedBlob();
    await db.agendaItem.update({ where: { id: item.id }, data: { titleEn: "Renamed item" } });
    await bytesOf();
    expect(await cachedBlob()).not.toBe(before);
    expect(await boardBookStream(coordinator, "6b1f0c55-0000-4000-8000-000000000000", "en", "https://portal.example")).toBeNull();
  });

  it("two first requests at once make one stored book, and both get it", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const { meeting, item } = await meetingWithJusItem();
    expect(await upload(coordinator, newDocument("agendaItem", item.id, { titleEn: "Paper", fileName: "paper.pdf" }), samplePdf("Paper text"))).toMatchObject({ status: 200 });
    const blobsBefore = await db.documentBlob.count();
    const both = await Promise.all([0, 1].map(async () => Buffer.from(await new Response(await boardBookStream(coordinator, meeting.id, "en", "https://portal.example")).arrayBuffer())));
    expect(both[1]!.equals(both[0]!)).toBe(true);
    expect(await db.boardBook.count({ where: { meetingId: meeting.id } })).toBe(1);
    // Exactly one new file, and it is the book's: none left unreferenced.
    expect(await db.documentBlob.count()).toBe(blobsBefore + 1);
    const unreferenced = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM document_blobs b
      WHERE NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.blob_id = b.id) AND NOT EXISTS (SELECT 1 FROM board_books k WHERE k.blob_id = b.id)`;
    expect(unreferenced[0]!.count).toBe(0);
  });
});
