import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { getAgendaPackage } from "@/lib/meetings/package";
import { packageLabels } from "@/lib/meetings/package-labels";
import { renderAgendaPackagePdf } from "@/lib/meetings/pdf";
import { db } from "@/lib/db";
import { sessionUser } from "../../support/database";

/*
 * The agenda package as a tagged PDF (PDF/UA), read back with pdfjs-dist: the structure tree (headings, tables with
 * header cells, lists), the document's language, the title shown, and the marking kept out of the structure.
 */

type StructNode = { role?: string; children?: (StructNode | { type: string; id: string })[]; lang?: string };

function roles(node: StructNode, into: string[] = []): string[] {
  if (node.role) into.push(node.role);
  for (const child of node.children ?? []) if ("role" in child || "children" in child) roles(child as StructNode, into);
  return into;
}

describe("the agenda package's tagged PDF", () => {
  it.each(["en", "fr"] as const)("has a structure tree with headings, tables and lists, its language and title (%s)", async (locale) => {
    const user = await sessionUser("executive@iwgtip.example");
    const meeting = await db.meeting.findFirstOrThrow({ where: { sequenceNumber: 3 }, select: { id: true } });
    const data = (await getAgendaPackage(user, meeting.id))!;
    const labels = await packageLabels(data, locale);
    const pdf = await renderAgendaPackagePdf(data, locale, labels);
    expect(pdf.subarray(0, 8).toString()).toBe("%PDF-1.7");
    const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true }).promise;
    const { info } = (await document.getMetadata()) as { info: { Title?: string; Language?: string } };
    expect(info.Title).toBe(labels.title);
    expect(info.Language).toBe(locale === "fr" ? "fr-CA" : "en-CA");
    // pdfjs-dist 6 answers the catalogue's MarkInfo dictionary as a Map.
    const markInfo = (await document.getMarkInfo()) as Map<string, boolean> | null;
    expect(markInfo?.get("Marked")).toBe(true);
    const all: string[] = [];
    for (let number = 1; number <= document.numPages; number++) roles((await (await document.getPage(number)).getStructTree()) as StructNode, all);
    for (const role of ["Document", "H1", "H2", "P", "Table", "TR", "TH", "TD"]) expect(all, role).toContain(role);
    if (data.openActionItems.length > 0) for (const role of ["L", "LI", "LBody"]) expect(all, role).toContain(role);
    // The agenda table: a header cell per column, a data row per item.
    expect(all.filter((role) => role === "TH").length).toBeGreaterThanOrEqual(5);
    // The raw file says the title is to be shown and carries the PDF/UA identifier.
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/DisplayDocTitle true");
    expect(raw).toMatch(/pdfuaid:part>1</);
  });
});
