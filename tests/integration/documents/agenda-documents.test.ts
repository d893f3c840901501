import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listAgendaItemDocuments, listDocuments } from "@/lib/documents/queries";
import { sessionUser } from "../../support/database";
import { countStatements } from "../../support/statements";
import { meetingWithJusItem, newDocument, sampleDocx, samplePdf, upload } from "./support";

/*
 * The meeting page lists the documents of every agenda item: one batched read gives each item exactly what the
 * single-record read gives it, in a fixed number of statements however many items the agenda has.
 */
describe("the documents of a meeting's agenda items", () => {
  it("are, item by item, what listDocuments answers, in four statements for the whole agenda", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const repJus = await sessionUser("rep.jus@iwgtip.example");
    const { item, other } = await meetingWithJusItem();
    expect((await upload(coordinator, newDocument("agendaItem", item.id), samplePdf())).body.ok).toBe(true);
    expect((await upload(coordinator, newDocument("agendaItem", item.id, { fileName: "framework.docx" }), await sampleDocx())).body.ok).toBe(true);
    expect((await upload(coordinator, newDocument("agendaItem", other.id, { titleEn: "Round-table notes", titleFr: "Notes du tour de table" }), samplePdf("Notes"))).body.ok).toBe(true);
    // An id that names no agenda item (as a removed one does not): null, as for the single read.
    const removed = { id: randomUUID() };

    for (const user of [coordinator, repJus]) {
      const ids = [item.id, other.id, removed.id];
      const { result: batched, statements } = await countStatements(() => listAgendaItemDocuments(user, ids));
      expect(statements.length).toBeLessThanOrEqual(4);
      for (const id of ids) expect(batched.get(id)).toEqual(await listDocuments(user, "agendaItem", id));
    }
    const forRep = await listAgendaItemDocuments(repJus, [item.id, other.id]);
    // JUS presents the first item (its representative may add papers there), nobody the second.
    expect(forRep.get(item.id)?.mayUpload).toBe(true);
    expect(forRep.get(other.id)?.mayUpload).toBe(false);
    expect(forRep.get(item.id)?.documents).toHaveLength(2);
    expect(await listAgendaItemDocuments(repJus, [])).toEqual(new Map());
  });
});
