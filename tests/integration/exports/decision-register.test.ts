import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { listDecisionRegister, parseDecisionFilters } from "@/lib/decisions/queries";
import { sessionUser } from "../../support/database";
import { readDocx, readXlsx } from "../../support/ooxml";

// The route handlers read the session through next-auth; here the signed-in user is whoever the test says.
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn.user }));
const csv = await import("@/app/api/decisions/export/route");
const xlsx = await import("@/app/api/decisions/export/xlsx/route");
const docx = await import("@/app/api/decisions/export/docx/route");

/* The decision register (issue 19, point 6): filters, accent-insensitive search, hostile input, its three files. */

const register = async (params: Record<string, string>) => (await listDecisionRegister(await sessionUser("rep.rcmp@iwgtip.example"), parseDecisionFilters(params))).rows;

describe("the decision register", () => {
  it("lists every decision of every meeting, newest meeting first", async () => {
    const rows = await register({});
    expect(rows.map((row) => row.number).sort()).toEqual((await db.decision.findMany({ select: { number: true } })).map((row) => row.number).sort());
    const starts = rows.map((row) => row.meetingStartsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it("finds a decision in French without its accents, and in English whatever the case", async () => {
    expect((await register({ q: "brochure d'education publique" })).map((row) => row.number)).toEqual(["2007-09-D3"]);
    expect((await register({ q: "TABLEAU DE SUIVI des engagements" })).map((row) => row.number)).toEqual(["2007-09-D4"]);
    expect((await register({ q: "education booklet PUBLIC" })).map((row) => row.number)).toEqual(["2007-09-D3"]);
  });

  it("filters by fiscal year, meeting, pillar and linked initiative", async () => {
    const all = await register({});
    expect((await register({ fy: "2007" })).length).toBe(all.filter((row) => row.fiscalYear === 2007).length);
    expect(await register({ fy: "2031" })).toEqual([]);
    const meeting = await db.meeting.findFirstOrThrow({ where: { sequenceNumber: 1 }, select: { id: true } });
    expect((await register({ meeting: meeting.id })).map((row) => row.number).sort()).toEqual(["2007-06-D1", "2007-06-D2", "2007-06-D3"]);
    expect((await register({ initiative: "IWG-0012" })).map((row) => row.number)).toContain("2007-09-D4");
    const iwg12 = await db.initiative.findUniqueOrThrow({ where: { code: "IWG-0012" }, select: { primaryPillar: { select: { code: true } } } });
    expect((await register({ pillar: iwg12.primaryPillar.code })).map((row) => row.number)).toContain("2007-09-D4");
  });

  it("gives results or none, never an error, for hostile searches", async () => {
    for (const q of ["x".repeat(2000), "\u0000\u0001\u001f tableau", "'; DROP TABLE decisions; --", "<script>alert(1)</script>", "%", "_", "\\", "é".repeat(300)]) {
      const rows = await register({ q });
      expect(Array.isArray(rows)).toBe(true);
    }
    expect((await register({ q: "\u0000tableau\u0007 de suivi" })).map((row) => row.number)).toEqual(["2007-09-D4"]);
    expect(await register({ q: "%" })).toEqual([]);
    expect(await register({ fy: "nope", meeting: "not-a-uuid", pillar: "'; --", initiative: "<b>" })).toHaveLength((await register({})).length);
  });
});

describe("the decision register's files", () => {
  it.each(["en", "fr"] as const)("CSV, Excel and Word hold the same decisions (%s)", async (locale) => {
    signedIn.user = await sessionUser("executive@iwgtip.example");
    const expected = await register({ fy: "2007" });
    const csvText = await (await csv.GET(new Request(`http://localhost/api/decisions/export?fy=2007&locale=${locale}`))).text();
    const lines = csvText.trim().split("\r\n");
    expect(lines).toHaveLength(expected.length + 1);
    const { sheets } = await readXlsx(await (await xlsx.GET(new Request(`http://localhost/api/decisions/export/xlsx?fy=2007&locale=${locale}`))).arrayBuffer());
    const sheet = sheets[0]!;
    expect(sheet.name).toBe(locale === "fr" ? "Registre des décisions" : "Decision register");
    expect(sheet.rows.slice(1).map((row) => row[0]!.value)).toEqual(expected.map((row) => row.number));
    expect(sheet.rows.slice(1).map((row) => row[1]!.value)).toEqual(expected.map((row) => (locale === "fr" ? row.textFr : row.textEn)));
    expect(sheet.rows.slice(1).every((row) => row[2]!.value === (locale === "fr" ? "2007-2008" : "2007-08") && row[2]!.type === "string")).toBe(true);
    const word = await readDocx(await (await docx.GET(new Request(`http://localhost/api/decisions/export/docx?fy=2007&lang=${locale}`))).arrayBuffer());
    expect(word.title).toBe(locale === "fr" ? "Registre des décisions" : "Decision register");
    expect(word.tables.flatMap((table) => table.rows.slice(1).map((row) => row.cells[0]))).toEqual(expected.map((row) => row.number));
    expect(word.tables.every((table) => table.rows[0]!.header)).toBe(true);
  });

  it("is refused without a session, like every export", async () => {
    signedIn.user = null;
    for (const route of [csv, xlsx, docx]) expect((await route.GET(new Request("http://localhost/api/decisions/export"))).status).toBe(401);
  });
});
