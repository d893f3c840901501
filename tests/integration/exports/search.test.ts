import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PER_KIND, searchEverything, searchKinds } from "@/lib/search/queries";
import { countStatements } from "../../support/statements";
import { sessionUser } from "../../support/database";

/* One search for everything (issue 19, point 7): kinds, accents, ranking, what is hidden, hostile input, bounds. */

describe("the search for everything", () => {
  it("finds a decision of a past year in French without accents, grouped by kind", async () => {
    const user = await sessionUser("rep.rcmp@iwgtip.example");
    const results = await searchEverything(user, "brochure d'education publique");
    expect(results.groups.map((group) => group.kind)).toEqual([...searchKinds]);
    const decisions = results.groups.find((group) => group.kind === "decision")!;
    expect(decisions.hits.map((hit) => hit.detail)).toEqual(["2007-09-D3"]);
    expect(decisions.hits[0]!.href).toBe("/decisions?q=2007-09-D3#decision-2007-09-D3");
  });

  it("finds initiatives, meetings and agenda items in either language, titles first", async () => {
    const user = await sessionUser("executive@iwgtip.example");
    const initiative = await db.initiative.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { code: "asc" }, select: { id: true, code: true } });
    const byCode = await searchEverything(user, initiative.code.toLowerCase(), "initiative");
    expect(byCode.groups[0]!.hits[0]).toMatchObject({ id: initiative.id, href: `/initiatives/${initiative.id}` });
    const meeting = await db.meeting.findFirstOrThrow({ where: { sequenceNumber: 1 }, select: { id: true, titleFr: true } });
    const meetings = await searchEverything(user, meeting.titleFr.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toUpperCase(), "meeting");
    expect(meetings.groups[0]!.hits.map((hit) => hit.id)).toContain(meeting.id);
    const hits = (await searchEverything(user, "ordre du jour")).groups.find((group) => group.kind === "agendaItem")!.hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(PER_KIND);
    const ranks = hits.map((hit) => hit.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it("never shows an archived initiative", async () => {
    const user = await sessionUser("executive@iwgtip.example");
    const lead = await db.department.findFirstOrThrow({ select: { id: true } });
    const pillar = await db.pillar.findFirstOrThrow({ select: { id: true } });
    await db.initiative.create({ data: { code: `ARCH-${randomUUID().slice(0, 8).toUpperCase()}`, titleEn: "Zyzzyva archived pilot", titleFr: "Projet pilote zyzzyva archivé", leadDepartmentId: lead.id, primaryPillarId: pillar.id, status: "CANCELLED", archivedAt: new Date() } });
    const results = await searchEverything(user, "zyzzyva");
    expect(results.groups.flatMap((group) => group.hits)).toEqual([]);
  });

  it("gives results or none, never an error, for hostile text, with one statement per kind", async () => {
    const user = await sessionUser("executive@iwgtip.example");
    for (const q of ["x".repeat(2000), "\u0000\u0001\u001b[31m tableau", "'; DROP TABLE decisions; --", "<img src=x onerror=alert(1)>", "%_\\", "   ", "é".repeat(2000), ["a", "b"]]) {
      const results = await searchEverything(user, q);
      expect(results.query.length).toBeLessThanOrEqual(200);
      expect(results.query).not.toMatch(/[\u0000-\u001f]/);
    }
    expect((await searchEverything(user, "%")).groups.every((group) => group.hits.length === 0)).toBe(true);
    const { result, statements } = await countStatements(() => searchEverything(user, "tableau de suivi des engagements"));
    expect(result.groups.find((group) => group.kind === "decision")!.hits.map((hit) => hit.detail)).toEqual(["2007-09-D4"]);
    expect(statements.length).toBeLessThanOrEqual(searchKinds.length);
  });
});
