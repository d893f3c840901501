import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { openUpdateCall } from "@/lib/update-calls/commands";
import { getPillarResults, getResultsBriefing, getResultsOverview } from "@/lib/results/queries";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { sessionUser } from "../../support/database";
import { parseCsv } from "../../support/csv";
import { readDocx, readXlsx } from "../../support/ooxml";
import { daysFromToday } from "../meetings/support";
import { makeIndicator, makeTarget } from "../results/support";
import { Prisma } from "@/lib/generated/prisma/client";

// The route handlers read the session through next-auth; here the signed-in user is whoever the test says.
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn.user }));
const resultsCsv = await import("@/app/api/results/export/route");
const resultsXlsx = await import("@/app/api/results/export/xlsx/route");
const callCsv = await import("@/app/api/update-calls/[id]/results/export/route");
const callXlsx = await import("@/app/api/update-calls/[id]/results/export/xlsx/route");
const briefingDocx = await import("@/app/api/dashboard/briefing/docx/route");

/*
 * The results framework's downloads (issue 19, point 2) read back with independent readers (JSZip + fast-xml-parser
 * for .xlsx and .docx, a small RFC 4180 reader for CSV), their rows against SQL of the test's own, in both
 * languages; and the results in the briefing view (issue 18, point 6).
 */

const messages = { en: en.Results, fr: fr.Results };

/** Every indicator the results pages show, straight from the tables: active pillar, result and indicator not archived. */
async function shownIndicators(pillar?: string) {
  return db.$queryRaw<{ code: string; acronym_en: string; acronym_fr: string; pillar_code: string }[]>`
    SELECT i.code, d.acronym_en::text, d.acronym_fr::text, p.code AS pillar_code
      FROM indicators i JOIN expected_results r ON r.id = i.result_id JOIN pillars p ON p.id = r.pillar_id
      JOIN departments d ON d.id = i.responsible_department_id
     WHERE i.archived_at IS NULL AND r.archived_at IS NULL AND p.active AND (${pillar ?? null}::text IS NULL OR p.code = ${pillar ?? null})`;
}

describe("the results table, CSV and Excel", () => {
  it.each(["en", "fr"] as const)("holds every indicator shown, with figures as numbers and words in the language (%s)", async (locale) => {
    signedIn.user = await sessionUser("executive@iwgtip.example");
    const t = messages[locale];
    const response = await resultsXlsx.GET(new Request(`http://localhost/api/results/export/xlsx?locale=${locale}`));
    expect(response.status).toBe(200);
    const { sheets } = await readXlsx(await response.arrayBuffer());
    const sheet = sheets[0]!;
    expect(sheet.name).toBe(t.exportResultsTitle);
    expect(sheet.frozenRows).toBe(1);
    const [header, ...rows] = sheet.rows;
    expect(header!.map((cell) => cell.value)).toEqual([
      t.colPillar, t.colResultCode, t.colResult, t.colLevel, t.colIndicatorCode, t.colIndicator, t.colDepartment, t.colUnit, t.colFiscalYear,
      t.colTargetType, t.colTarget, t.colTargetMin, t.colTargetMax, t.colAchieveBy, t.colActual, t.colActualNarrative, t.colMeasuredOn, t.colStatus, t.colExplanation,
    ]);
    const expected = await shownIndicators();
    expect(rows.map((row) => row[4]!.value).sort()).toEqual(expected.map((row) => row.code).sort());
    for (const row of rows) {
      const indicator = expected.find((candidate) => candidate.code === row[4]!.value)!;
      expect(row[6]!.value).toBe(locale === "fr" ? indicator.acronym_fr : indicator.acronym_en);
      // Fiscal years are text; figures are numbers (or empty).
      expect(row[8]!.type).toBe("string");
      for (const index of [11, 12, 14]) if (row[index]?.value !== null && row[index]?.value !== undefined && row[index]?.value !== "") expect(row[index]!.type).toBe("number");
    }
    // The seeded convictions indicator: at least 10 by March 2011, 7 reached, not met, with its explanation.
    const convictions = rows.find((row) => row[4]!.value === "IND-0003")!;
    const actual = await db.indicatorActual.findFirstOrThrow({ where: { indicator: { code: "IND-0003" }, correctedBy: null }, orderBy: { fiscalYear: "desc" } });
    expect(convictions[8]!.value).toBe(locale === "fr" ? "2010-2011" : "2010-11");
    expect(convictions[9]!.value).toBe(t.targetTypes.AT_LEAST);
    expect(convictions[11]).toMatchObject({ type: "number", value: 10 });
    expect(convictions[13]!.value).toBe("2011-03");
    expect(convictions[14]).toMatchObject({ type: "number", value: Number(actual.value) });
    expect(convictions[17]!.value).toBe(t.status.NOT_MET);
    expect(convictions[18]!.value).toBe(locale === "fr" ? actual.explanationFr : actual.explanationEn);

    // The CSV: the same rows, the figures written plainly.
    const csv = parseCsv(await (await resultsCsv.GET(new Request(`http://localhost/api/results/export?locale=${locale}`))).text());
    expect(csv[0]).toEqual(header!.map((cell) => String(cell.value)));
    expect(csv.slice(1).map((row) => row[4]).sort()).toEqual(rows.map((row) => String(row[4]!.value)).sort());
    const csvConvictions = csv.find((row) => row[4] === "IND-0003")!;
    expect([csvConvictions[11], csvConvictions[14], csvConvictions[17]]).toEqual(["10", String(Number(actual.value)), t.status.NOT_MET]);
  });

  it("keeps one pillar when asked; answers 404 for an unknown one and 401 signed out", async () => {
    signedIn.user = await sessionUser("rep.rcmp@iwgtip.example");
    const { sheets } = await readXlsx(await (await resultsXlsx.GET(new Request("http://localhost/api/results/export/xlsx?pillar=prosecution"))).arrayBuffer());
    const codes = sheets[0]!.rows.slice(1).map((row) => row[4]!.value);
    expect(codes.sort()).toEqual((await shownIndicators("PROSECUTION")).map((row) => row.code).sort());
    // One department (as the department page's links): the indicators it is responsible for.
    const ppsc = await readXlsx(await (await resultsXlsx.GET(new Request("http://localhost/api/results/export/xlsx?department=ppsc&locale=fr"))).arrayBuffer());
    const ppscRows = ppsc.sheets[0]!.rows.slice(1);
    expect(ppscRows.map((row) => row[4]!.value).sort()).toEqual((await shownIndicators()).filter((row) => row.acronym_en === "PPSC").map((row) => row.code).sort());
    expect(new Set(ppscRows.map((row) => row[6]!.value))).toEqual(new Set(["SPPC"]));
    expect((await resultsCsv.GET(new Request("http://localhost/api/results/export?pillar=NOWHERE"))).status).toBe(404);
    expect((await resultsCsv.GET(new Request("http://localhost/api/results/export?pillar=%27%3B--"))).status).toBe(404);
    signedIn.user = null;
    expect((await resultsXlsx.GET(new Request("http://localhost/api/results/export/xlsx"))).status).toBe(401);
  });
});

describe("an update call's actuals matrix, CSV and Excel", () => {
  it.each(["en", "fr"] as const)("lists each indicator with its actual entered or missing and the year's status (%s)", async (locale) => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const year = 2070 + Math.floor(Math.random() * 15);
    const missed = await makeIndicator("JUS");
    await makeTarget(missed, year, 100);
    await db.indicatorActual.create({ data: { indicatorId: missed.id, unit: "NUMBER", fiscalYear: year, value: new Prisma.Decimal(80), measuredOn: new Date(`${year + 1}-03-31T00:00:00Z`), explanationEn: "Fewer sessions.", explanationFr: "Moins de séances." } });
    const waiting = await makeIndicator("RCMP");
    const opened = await openUpdateCall(coordinator, { reportingPeriod: `${year}-${String((year + 1) % 100).padStart(2, "0")} Q4`, dueDate: daysFromToday(7), initiativeIds: [], resultsFiscalYear: String(year) });
    expect(opened).toMatchObject({ ok: true });
    if (!opened.ok) return;
    signedIn.user = coordinator;
    const t = messages[locale];
    const context = { params: Promise.resolve({ id: opened.data.id }) };
    const { sheets } = await readXlsx(await (await callXlsx.GET(new Request(`http://localhost/x?locale=${locale}`), context)).arrayBuffer());
    const [header, ...rows] = sheets[0]!.rows;
    expect(header!.map((cell) => cell.value)).toEqual([t.colDepartment, t.colIndicatorCode, t.colIndicator, t.colUnit, t.colFiscalYear, t.colEntered, t.colTarget, t.colActual, t.colStatus, t.colExplanation]);
    const active = await db.indicator.count({ where: { archivedAt: null, result: { archivedAt: null } } });
    expect(rows).toHaveLength(active);
    const [missedCode, waitingCode] = await Promise.all([missed, waiting].map(async (i) => (await db.indicator.findUniqueOrThrow({ where: { id: i.id } })).code));
    const row = rows.find((candidate) => candidate[1]!.value === missedCode)!;
    expect(row.map((cell) => cell.value)).toEqual(["JUS", missedCode, locale === "fr" ? "Personnes jointes" : "People reached", t.units.NUMBER, expect.any(String), t.actualEntered, locale === "fr" ? "Au moins 100" : "At least 100", 80, t.status.NOT_MET, locale === "fr" ? "Moins de séances." : "Fewer sessions."]);
    expect(row[7]!.type).toBe("number");
    const other = rows.find((candidate) => candidate[1]!.value === waitingCode)!;
    expect([other[0]!.value, other[5]!.value, other[8]!.value]).toEqual([locale === "fr" ? "GRC" : "RCMP", t.actualMissing, t.noTargetForYear]);
    const csv = parseCsv(await (await callCsv.GET(new Request(`http://localhost/x?locale=${locale}`), { params: Promise.resolve({ id: opened.data.id }) })).text());
    expect(csv.find((line) => line[1] === missedCode)?.slice(5, 9)).toEqual([t.actualEntered, locale === "fr" ? "Au moins 100" : "At least 100", "80", t.status.NOT_MET]);
  });

  it("answers 404 to those who do not run the cycle, for an unknown call and for a call that asks for no actuals", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const withoutYear = await openUpdateCall(coordinator, { reportingPeriod: "2099-00 Q2", dueDate: daysFromToday(7), initiativeIds: [] });
    expect(withoutYear).toMatchObject({ ok: true });
    const withYear = await openUpdateCall(coordinator, { reportingPeriod: "2099-00 Q3", dueDate: daysFromToday(7), initiativeIds: [], resultsFiscalYear: "2099" });
    if (!withoutYear.ok || !withYear.ok) return;
    const get = (id: string) => callCsv.GET(new Request("http://localhost/x"), { params: Promise.resolve({ id }) });
    signedIn.user = coordinator;
    expect((await get(withoutYear.data.id)).status).toBe(404);
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
    expect((await get(withYear.data.id)).status).toBe(200);
    signedIn.user = await sessionUser("rep.jus@iwgtip.example");
    expect((await get(withYear.data.id)).status).toBe(404);
    signedIn.user = await sessionUser("executive@iwgtip.example");
    expect((await get(withYear.data.id)).status).toBe(404);
  });
});

describe("results in the briefing view", () => {
  it("counts per pillar as the results overview does, and lists the indicators not met with their explanation", async () => {
    const user = await sessionUser("executive@iwgtip.example");
    const [briefing, overview] = await Promise.all([getResultsBriefing(user), getResultsOverview(user)]);
    for (const pillar of overview) expect(briefing.get(pillar.code)?.counts).toEqual(pillar.counts);
    // The overview and the briefing count from flat rows; each pillar's page from its nested rows: the same figures.
    for (const pillar of overview) expect((await getPillarResults(user, pillar.code))?.counts, pillar.code).toEqual(pillar.counts);
    const prosecution = briefing.get("PROSECUTION")!;
    expect(prosecution.notMet.map((indicator) => indicator.code)).toContain("IND-0003");
    // Filtered by department: only the indicators it is responsible for.
    const ppsc = await getResultsBriefing(user, { department: "ppsc" });
    const ppscTotal = [...ppsc.values()].reduce((sum, pillar) => sum + pillar.total, 0);
    expect(ppscTotal).toBe(await db.indicator.count({ where: { archivedAt: null, result: { archivedAt: null, pillar: { active: true } }, responsibleDepartment: { acronymEn: "PPSC" } } }));
  });

  it.each(["en", "fr"] as const)("and in its Word document (%s)", async (lang) => {
    signedIn.user = await sessionUser("executive@iwgtip.example");
    const response = await briefingDocx.GET(new Request(`http://localhost/api/dashboard/briefing/docx?lang=${lang}`));
    expect(response.status).toBe(200);
    const file = await readDocx(await response.arrayBuffer());
    const edit = lang === "fr" ? fr.ResultsEdit : en.ResultsEdit;
    const pillars = await db.pillar.count({ where: { active: true } });
    expect(file.paragraphs.filter((paragraph) => paragraph.style === "Heading2" && paragraph.text === edit.briefingResults)).toHaveLength(pillars);
    const actual = await db.indicatorActual.findFirstOrThrow({ where: { indicator: { code: "IND-0003" }, correctedBy: null }, orderBy: { fiscalYear: "desc" } });
    const notMet = file.tables.find((table) => table.rows.some((row) => row.cells[0]?.startsWith("IND-0003")));
    expect(notMet?.rows[0]?.header).toBe(true);
    expect(notMet?.rows.find((row) => row.cells[0]?.startsWith("IND-0003"))?.cells.at(-1)).toBe(lang === "fr" ? actual.explanationFr : actual.explanationEn);
  });
});
