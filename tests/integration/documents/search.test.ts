import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { extractPendingTexts } from "@/lib/documents";
import { officeText } from "@/lib/documents/extract";
import { searchEverything } from "@/lib/search/queries";
import { sessionUser } from "../../support/database";
import { jusInitiative, meetingWithJusItem, newDocument, sampleDocx, samplePdf, upload } from "./support";

async function office(entries: Record<string, string>) {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  for (const [name, xml] of Object.entries(entries)) zip.file(name, xml);
  return new Uint8Array(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

describe("text of papers", () => {
  it("reads the text runs of Word, Excel and PowerPoint files", async () => {
    expect(officeText("docx", await office({ "word/document.xml": "<w:document><w:body><w:p><w:r><w:t>Cadre</w:t></w:r><w:r><w:t xml:space=\"preserve\"> d&apos;action &amp; plan</w:t></w:r></w:p><w:p><w:r><w:t>Second</w:t></w:r></w:p></w:body></w:document>" }))).toBe("Cadre d'action & plan\nSecond\n");
    expect(officeText("xlsx", await office({ "xl/workbook.xml": "<workbook/>", "xl/sharedStrings.xml": "<sst><si><t>Budget</t></si><si><t>Coûts 2027</t></si></sst>" }))).toBe("Budget\nCoûts 2027\n");
    expect(officeText("pptx", await office({ "ppt/presentation.xml": "<p/>", "ppt/slides/slide10.xml": "<p:sld><a:p><a:r><a:t>Ten</a:t></a:r></a:p></p:sld>", "ppt/slides/slide2.xml": "<p:sld><a:p><a:r><a:t>Two</a:t></a:r></a:p></p:sld>" }))).toBe("Two\n\nTen\n");
  });

  it("is extracted by the worker after upload and found by the portal's search, with the passage, in both languages", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const executive = await sessionUser("executive@iwgtip.example");
    const { item } = await meetingWithJusItem();
    const initiative = await jusInitiative();
    const pdf = await upload(coordinator, newDocument("agendaItem", item.id, { titleEn: "Briefing", titleFr: "Breffage", fileName: "b.pdf" }), samplePdf("Zanzibarique protocol overview"));
    const docx = await upload(coordinator, newDocument("initiative", initiative.id, { titleEn: "Framework", titleFr: "Cadre", fileName: "f.docx" }), await sampleDocx("Stratégie québécoise de prévention xylophonique"));
    if (!pdf.body.ok || !docx.body.ok) throw new Error("refused");
    // Not in the request: nothing is extracted until the worker runs.
    expect((await db.documentVersion.findUniqueOrThrow({ where: { id: pdf.body.data.versionId } })).textExtractedAt).toBeNull();
    while ((await extractPendingTexts()) > 0);
    expect((await db.documentVersion.findUniqueOrThrow({ where: { id: pdf.body.data.versionId } })).text).toContain("Zanzibarique protocol");

    const found = await searchEverything(executive, "zanzibarique", "document");
    expect(found.groups[0]?.hits).toEqual([expect.objectContaining({ id: pdf.body.data.documentId, href: expect.stringMatching(/^\/meetings\//), titleEn: "Briefing", titleFr: "Breffage", detail: expect.stringContaining("Zanzibarique protocol") })]);
    // Accent-insensitive, in French text: "quebecoise" finds "québécoise".
    const french = await searchEverything(executive, "quebecoise xylophonique");
    const documents = french.groups.find((group) => group.kind === "document");
    expect(documents?.hits.map((hit) => hit.href)).toEqual([`/initiatives/${initiative.id}`]);

    // A withdrawn paper is no longer found.
    const document = await db.document.findUniqueOrThrow({ where: { id: pdf.body.data.documentId } });
    await db.document.update({ where: { id: document.id }, data: { withdrawnAt: new Date(), withdrawReason: "Wrong", withdrawnById: coordinator.id } });
    expect((await searchEverything(executive, "zanzibarique", "document")).groups[0]?.hits).toEqual([]);
  });
});
