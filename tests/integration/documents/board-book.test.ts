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
