import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ONE_KIND, searchEverything, searchKinds } from "@/lib/search/queries";
import { sessionUser } from "../../support/database";
import { makeIndicator } from "./support";

/* Indicators in the one search (issue 19, point 7): both languages, accent-insensitive, their own kind, only what the pages show. */

describe("indicators in the search for everything", () => {
  it("are a kind of their own, found by code and name in either language, with or without accents", async () => {
    const user = await sessionUser("rep.rcmp@iwgtip.example");
    expect(searchKinds).toContain("indicator");
    const indicator = await db.indicator.findFirstOrThrow({ where: { code: "IND-0003" }, select: { id: true } });
    for (const q of ["convictions criminal code", "CONDAMNATIONS traite", "condamnations article 279.01", "ind-0003"]) {
      const results = await searchEverything(user, q);
      const group = results.groups.find((candidate) => candidate.kind === "indicator")!;
      expect(group.hits.map((hit) => hit.id), q).toContain(indicator.id);
      expect(group.hits.find((hit) => hit.id === indicator.id)).toMatchObject({ href: `/indicators/${indicator.id}`, detail: "IND-0003" });
    }
    // The data source is searched too, accents left out ("Sécurité publique").
    const bySource = await searchEverything(user, "securite publique condamnations", "indicator");
    expect(bySource.groups.map((group) => group.kind)).toEqual(["indicator"]);
    expect(bySource.groups[0]!.hits.map((hit) => hit.detail)).toContain("IND-0003");
    // Titles weigh more: a word in the name ranks above one found only in the data source.
    const ranks = bySource.groups[0]!.hits.map((hit) => hit.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it("leaves out archived indicators and those of an archived result", async () => {
    const user = await sessionUser("executive@iwgtip.example");
    const word = `Quokka${Date.now()}`;
    const archived = await makeIndicator("JUS");
    const underArchived = await makeIndicator("JUS");
    const shown = await makeIndicator("JUS");
    await db.indicator.updateMany({ where: { id: { in: [archived.id, underArchived.id, shown.id] } }, data: { nameEn: `${word} sessions`, nameFr: `Séances ${word.toLowerCase()} été` } });
    await db.indicator.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    await db.expectedResult.update({ where: { id: underArchived.resultId }, data: { archivedAt: new Date() } });
    const found = (await searchEverything(user, `${word} ete`, "indicator")).groups[0]!;
    expect(found.hits.map((hit) => hit.id)).toEqual([shown.id]);
    expect(found.more).toBe(false);
    expect(ONE_KIND).toBeGreaterThan(1);
  });
});
