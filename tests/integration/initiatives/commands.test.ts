import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getFundingRollup } from "@/lib/funding/queries";
import { parseInitiativeFilters } from "@/lib/initiatives/filters";
import {
  addFundingLine,
  archiveInitiative,
  createInitiative,
  postStatusUpdate,
  removeMilestone,
  addMilestone,
  reviewStatusUpdate,
  updateInitiative,
} from "@/lib/initiatives/commands";
import { exportInitiatives, getInitiative, getInitiativeHistory, listInitiatives } from "@/lib/initiatives/queries";
import { sessionUser } from "../../support/database";
import { initiativeInput, makeInitiative } from "./support";

describe("initiative commands", () => {
  it("creates an initiative with a title in one language, a sequential code and an audit event", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const result = await createInitiative(rep, await initiativeInput("JUS", { titleEn: "", titleFr: "Projet sur la traite des personnes à l'essai" }));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.data.code).toMatch(/^IWG-\d{4}$/);
    const audit = await db.auditEvent.findFirst({ where: { entityType: "initiative", entityId: result.data.id, action: "initiative.create" } });
    expect(audit?.actorId).toBe(rep.id);
  });

  it("refuses a representative who names another department as lead, and saves nothing", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const before = await db.initiative.count();
    expect(await createInitiative(rep, await initiativeInput("RCMP"))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.initiative.count()).toBe(before);
  });

  it("answers bad input at the field and saves nothing", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const before = await db.initiative.count();
    const result = await createInitiative(rep, await initiativeInput("JUS", { titleEn: " ", titleFr: "", startDate: "2027-01-01", targetEndDate: "2026-01-01", summaryEn: "x".repeat(4001) }));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (result.ok || result.code !== "invalid") return;
    expect(result.fieldErrors.titleEn?.[0]?.key).toBe("titleInOneLanguage");
    expect(result.fieldErrors.targetEndDate?.[0]?.key).toBe("endBeforeStart");
    expect(result.fieldErrors.summaryEn?.[0]).toEqual({ key: "tooLong", values: { max: 4000 } });
    expect(await db.initiative.count()).toBe(before);
  });

  it("refuses a stale version, naming who saved in between, and keeps the other save", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    const first = await updateInitiative(coordinator, { id: initiative.id, version: initiative.version, ...(await initiativeInput("JUS", { titleEn: "First save" })) });
    expect(first).toMatchObject({ ok: true });
    const second = await updateInitiative(rep, { id: initiative.id, version: initiative.version, ...(await initiativeInput("JUS", { titleEn: "Second save" })) });
    expect(second).toMatchObject({ ok: false, code: "conflict", changedBy: coordinator.displayName });
    if (!second.ok && second.code === "conflict") expect(second.changedAt).toBeInstanceOf(Date);
    const saved = await db.initiative.findUniqueOrThrow({ where: { id: initiative.id } });
    expect(saved.titleEn).toBe("First save");
    expect(saved.version).toBe(initiative.version + 1);
  });

  it("posts a status update that sets health and progress, then a coordinator reviews it", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    expect(await postStatusUpdate(rep, { initiativeId: initiative.id, reportingPeriod: "2026-27 Q2", health: "RED", progress: "101" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await postStatusUpdate(rep, { initiativeId: initiative.id, reportingPeriod: "2026-28 Q2", health: "RED", progress: "5" })).toMatchObject({ ok: false, code: "invalid" });
    const posted = await postStatusUpdate(rep, { initiativeId: initiative.id, reportingPeriod: "2026-27 T2", health: "RED", progress: "35", narrativeFr: "Retard." });
    expect(posted).toMatchObject({ ok: true });
    const detail = await getInitiative(rep, initiative.id);
    expect(detail).toMatchObject({ health: "RED", progress: 35, stale: false });
    expect(detail?.statusUpdates[0]).toMatchObject({ reportingPeriod: "2026-27 Q2", reviewedAt: null });
    if (!posted.ok) return;
    expect(await reviewStatusUpdate(coordinator, { statusUpdateId: posted.data.id })).toMatchObject({ ok: true });
    const reviewed = await db.statusUpdate.findUniqueOrThrow({ where: { id: posted.data.id } });
    expect(reviewed.reviewedById).toBe(coordinator.id);
    expect(reviewed.reviewedAt).toBeInstanceOf(Date);
  });

  it("soft-removes a milestone, keeps it out of the page and in the history", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    const added = await addMilestone(rep, { initiativeId: initiative.id, titleFr: "Jalon", dueDate: "2026-12-01" });
    expect(added).toMatchObject({ ok: true });
    if (!added.ok) return;
    expect(await removeMilestone(rep, { id: added.data.id, version: 1 })).toMatchObject({ ok: true });
    expect(await db.milestone.findUnique({ where: { id: added.data.id } })).toMatchObject({ deletedAt: expect.any(Date) });
    expect((await getInitiative(rep, initiative.id))?.milestones).toEqual([]);
    const history = await getInitiativeHistory(rep, initiative.id);
    expect(history.map((event) => event.action)).toEqual(expect.arrayContaining(["milestone.add", "milestone.remove"]));
  });

  it("reads amounts in the user's conventions, refuses negative or malformed ones, and totals per fiscal year", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    const bad = await addFundingLine(rep, { initiativeId: initiative.id, source: "Fund", fiscalYear: "1989", allocated: "-5", spent: "12,3,4.567", locale: "en" });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    if (!bad.ok && bad.code === "invalid") {
      expect(bad.fieldErrors.allocated?.[0]?.key).toBe("amountNegative");
      expect(bad.fieldErrors.spent?.[0]?.key).toBe("amountFormat");
      expect(bad.fieldErrors.fiscalYear?.[0]?.key).toBe("fiscalYearRange");
    }
    expect(await addFundingLine(rep, { initiativeId: initiative.id, source: "Fonds", fiscalYear: "2026", allocated: "12 300 000,50", spent: "13 000 000", locale: "fr" })).toMatchObject({ ok: true });
    expect(await addFundingLine(rep, { initiativeId: initiative.id, source: "Fund", fiscalYear: "2026", allocated: "1,000", locale: "en" })).toMatchObject({ ok: true });
    expect(await addFundingLine(rep, { initiativeId: initiative.id, source: "fund", fiscalYear: "2026", allocated: "1", locale: "en" })).toMatchObject({ ok: false, code: "invalid" });
    const detail = await getInitiative(rep, initiative.id);
    expect(detail?.fundingTotals).toEqual([{ fiscalYear: 2026, allocatedCents: 1_230_100_050n, spentCents: 1_300_000_000n }]);
  });

  it("archives: hidden from the list and the page, refused to a representative", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    expect(await archiveInitiative(rep, { id: initiative.id, version: 1 })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await archiveInitiative(coordinator, { id: initiative.id, version: 1 })).toMatchObject({ ok: true });
    expect(await getInitiative(rep, initiative.id)).toBeNull();
    expect(await db.initiative.findUnique({ where: { id: initiative.id } })).not.toBeNull();
    expect(await updateInitiative(coordinator, { id: initiative.id, version: 2, ...(await initiativeInput("JUS")) })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("initiative reads", () => {
  it('finds accented French words without the accents: "traite" finds "Traité"', async () => {
    const reader = await sessionUser("executive@iwgtip.example");
    const word = `palerme${randomUUID().replace(/[^a-f]/g, "")}`;
    const made = await makeInitiative("JUS", { titleEn: "Treaty follow-up", titleFr: `Suivi du Traité ${word}` });
    const mine = await listInitiatives(reader, parseInitiativeFilters({ q: `traite ${word}` }), "fr");
    expect(mine.rows.map((row) => row.code)).toEqual([made.code]);
    const seeded = await listInitiatives(reader, parseInitiativeFilters({ q: "traite", sort: "code" }), "fr");
    expect(seeded.rows.map((row) => row.code)).toContain("IWG-0001");
  });

  it("filters by lead or partner department, health and staleness, and pages in the database", async () => {
    const reader = await sessionUser("executive@iwgtip.example");
    const rcmp = await db.department.findUniqueOrThrow({ where: { acronymEn: "RCMP" }, select: { id: true } });
    const { rows } = await listInitiatives(reader, parseInitiativeFilters({ department: rcmp.id }), "en");
    expect(rows.map((row) => row.code)).toEqual(expect.arrayContaining(["IWG-0001", "IWG-0002", "IWG-0003", "IWG-0007"]));
    const green = await listInitiatives(reader, parseInitiativeFilters({ health: "GREEN", pageSize: "x" }), "en");
    expect(green.rows.every((row) => row.health === "GREEN")).toBe(true);
    const stale = await listInitiatives(reader, parseInitiativeFilters({ stale: "1" }), "en");
    expect(stale.rows.every((row) => row.stale)).toBe(true);
    expect(stale.total).toBeGreaterThan(0);
    const page2 = await listInitiatives(reader, parseInitiativeFilters({ page: "2" }), "en");
    expect(page2.rows.length).toBe(Math.max(0, Math.min(page2.pageSize, page2.total - page2.pageSize)));
    const all = await exportInitiatives(reader, parseInitiativeFilters({ sort: "progress", dir: "desc" }), "en");
    expect(all.map((row) => row.progress)).toEqual([...all.map((row) => row.progress)].sort((a, b) => b - a));
  });

  it("rolls funding up by fiscal year, pillar and department in the database", async () => {
    const reader = await sessionUser("executive@iwgtip.example");
    const rows = await getFundingRollup(reader, { fiscalYear: 2007 });
    const year = rows.find((row) => row.level === "year");
    const details = rows.filter((row) => row.level === "detail");
    expect(year).toBeDefined();
    expect(details.reduce((sum, row) => sum + row.allocatedCents, 0n)).toBe(year!.allocatedCents);
    expect(rows.every((row) => row.fiscalYear === 2007)).toBe(true);
  });
});
