import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { addAgendaItem } from "@/lib/agenda/commands";
import { listAgendaSuggestions, listAgendaSuggestionsWithResults } from "@/lib/agenda/suggestions";
import { listMissedIndicators } from "@/lib/results/queries";
import { countStatements } from "../../support/statements";
import { sessionUser } from "../../support/database";
import { makeMeeting } from "../meetings/support";
import { makeIndicator, makeTarget } from "./support";

/**
 * The agenda builder suggests the indicators whose latest actual missed its target (issue 18, point 6): SQL picks
 * candidates, the one status rule decides, so an interim quarterly figure below target before the due date (not yet
 * due) and a met target are not suggested; one already on the agenda (by its code) is left out.
 */
const made: string[] = [];
afterAll(async () => {
  // Out of the way of other files' suggestions.
  await db.indicator.updateMany({ where: { id: { in: made } }, data: { archivedAt: new Date() } });
});

async function actual(indicator: { id: string; unit: "NUMBER" | "PERCENT" | "DOLLARS" | "NARRATIVE" }, fiscalYear: number, value: number, quarter: number | null = null, explanationEn: string | null = "Explained.") {
  return db.indicatorActual.create({ data: { indicatorId: indicator.id, unit: indicator.unit, fiscalYear, quarter, value: new Prisma.Decimal(value), measuredOn: new Date(`${fiscalYear + 1}-03-31T00:00:00Z`), explanationEn } });
}

describe("agenda suggestions of indicators that missed their target", () => {
  it("suggest the missed ones, by the status rule, and leave out those on the agenda", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const missed = await makeIndicator("JUS");
    await makeTarget(missed, 2020, 100);
    await actual(missed, 2020, 80);
    // The latest actual counts: missed in 2019, met in 2020.
    const recovered = await makeIndicator("JUS");
    await makeTarget(recovered, 2019, 100);
    await makeTarget(recovered, 2020, 100);
    await actual(recovered, 2019, 50);
    await actual(recovered, 2020, 105, null, null);
    // A quarterly indicator below its target in Q2, before the target is due: not yet due, not suggested.
    const interim = await makeIndicator("RCMP", { frequency: "QUARTERLY" });
    await makeTarget(interim, 2090, 100);
    await actual(interim, 2090, 10, 2);
    made.push(missed.id, recovered.id, interim.id);
    const codes = Object.fromEntries((await db.indicator.findMany({ where: { id: { in: made } }, select: { id: true, code: true } })).map((row) => [row.id, row.code]));

    const meeting = await makeMeeting();
    const { result: all, statements } = await countStatements(() => listMissedIndicators(coordinator, { meetingId: meeting.id, limit: 500 }));
    expect(statements.length).toBeLessThanOrEqual(3);
    const ids = all.indicators.map((indicator) => indicator.id);
    expect(ids).toContain(missed.id);
    expect(ids).not.toContain(recovered.id);
    expect(ids).not.toContain(interim.id);
    // The seed's convictions (7 against at least 10) is one of them.
    expect(all.indicators.map((indicator) => indicator.code)).toContain("IND-0003");
    for (const indicator of all.indicators) expect(indicator.missed?.status).toBe("NOT_MET");

    const withResults = await listAgendaSuggestionsWithResults(coordinator, meeting.id);
    const base = await listAgendaSuggestions(coordinator, meeting.id);
    // The others come first, unchanged; then the indicators, each with its reason, code and department.
    expect(withResults.rows.slice(0, base.rows.length)).toEqual(base.rows);
    const suggestion = withResults.rows.find((row) => row.key === `indicator:${missed.id}`);
    expect(suggestion).toMatchObject({ reasons: ["missedTarget"], titleEn: `${codes[missed.id]} — People reached`, titleFr: `${codes[missed.id]} — Personnes jointes`, initiativeId: null, actionItemId: null, kind: "DISCUSSION" });
    expect(suggestion?.presentingDepartmentId).toBe((await db.indicator.findUniqueOrThrow({ where: { id: missed.id } })).responsibleDepartmentId);

    // Added to the agenda as the builder adds it: no longer suggested for this meeting.
    const added = await addAgendaItem(coordinator, { meetingId: meeting.id, titleEn: suggestion!.titleEn, titleFr: suggestion!.titleFr, kind: "DISCUSSION", minutes: "10", presentingDepartmentId: suggestion!.presentingDepartmentId! });
    expect(added).toMatchObject({ ok: true });
    const after = await listAgendaSuggestionsWithResults(coordinator, meeting.id);
    expect(after.rows.map((row) => row.key)).not.toContain(`indicator:${missed.id}`);
    // Another meeting still gets it.
    const other = await makeMeeting();
    const otherIds = (await listMissedIndicators(coordinator, { meetingId: other.id, limit: 500 })).indicators.map((indicator) => indicator.id);
    expect(otherIds).toContain(missed.id);
    // Unknown meetings: nothing, as before.
    expect(await listAgendaSuggestionsWithResults(coordinator, "not-a-meeting")).toEqual({ rows: [], total: 0, more: false });
  });
});
