import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { fiscalYearLabel } from "@/lib/format/numbers";
import { getFundingRollup } from "@/lib/funding/queries";
import { createInitiative } from "@/lib/initiatives/commands";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { sessionUser } from "../../support/database";
import { initiativeInput } from "../initiatives/support";
import { excelDate, readXlsx, type XlsxCell } from "../../support/ooxml";

// The route handlers read the session through next-auth; here the signed-in user is whoever the test says.
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn.user }));
const funding = await import("@/app/api/funding/export/xlsx/route");
const fundingCsv = await import("@/app/api/funding/export/route");
const initiatives = await import("@/app/api/initiatives/export/xlsx/route");
const audit = await import("@/app/api/admin/audit/export/xlsx/route");
const auditCsv = await import("@/app/api/admin/audit/export/route");
const dashboard = await import("@/app/api/dashboard/[dataset]/xlsx/route");

/*
 * Every Excel download read back with an independent reader (JSZip + fast-xml-parser on the OOXML parts, not
 * exceljs) and compared with the database, in English and in French.
 */

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function workbook(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe(XLSX_TYPE);
  expect(response.headers.get("content-disposition")).toMatch(/\.xlsx"$/);
  const { sheets, title } = await readXlsx(await response.arrayBuffer());
  expect(sheets).toHaveLength(1);
  return { sheet: sheets[0]!, title };
}

const values = (row: XlsxCell[]) => row.map((cell) => cell.value);

describe("the funding roll-up workbook", () => {
  it.each(["en", "fr"] as const)("holds the roll-up's rows with money as CAD numbers and fiscal years as text (%s)", async (locale) => {
    signedIn.user = await sessionUser("executive@iwgtip.example");
    const { sheet, title } = await workbook(await funding.GET(new Request(`http://localhost/api/funding/export/xlsx?locale=${locale}`)));
    expect(sheet.name).toBe(locale === "fr" ? "Financement" : "Funding");
    expect(title).toBe(sheet.name);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.autoFilter).toBe("A1:F1");
    const [header, ...rows] = sheet.rows;
    expect(values(header!)).toEqual(locale === "fr" ? ["Exercice", "Pilier", "Ministère responsable", "Initiatives", "Alloué", "Dépensé"] : ["Fiscal year", "Pillar", "Lead department", "Initiatives", "Allocated", "Spent"]);
    header!.forEach((cell, index) => expect(sheet.widths[index]).toBeGreaterThanOrEqual(String(cell.value).length));

    const expected = await getFundingRollup(signedIn.user);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, index) => {
      const line = expected[index]!;
      expect(row[0]).toMatchObject({ type: "string", value: fiscalYearLabel(line.fiscalYear, locale) });
      expect(row[3]).toMatchObject({ type: "number", value: line.initiatives });
      expect(row[4]).toMatchObject({ type: "number", value: Number(line.allocatedCents) / 100 });
      expect(row[5]).toMatchObject({ type: "number", value: Number(line.spentCents) / 100 });
      expect(row[4]!.numFmt).toContain(locale === "fr" ? "[$$-C0C]" : "[$$-1009]");
    });
    // The year's total is its year's last row, here as on the page and in the CSV.
    const lastOf2007 = rows.filter((row) => row[0]!.value === fiscalYearLabel(2007, locale)).at(-1)!;
    expect(String(lastOf2007[1]!.value)).toBe(`Total ${fiscalYearLabel(2007, locale)}`);
  });

  it("is refused exactly as its CSV twin: no session, no file", async () => {
    signedIn.user = null;
    const [xlsx, csv] = await Promise.all([funding.GET(new Request("http://localhost/api/funding/export/xlsx")), fundingCsv.GET(new Request("http://localhost/api/funding/export"))]);
    expect(xlsx.status).toBe(401);
    expect(csv.status).toBe(401);
  });
});

describe("the initiatives workbook", () => {
  it.each(["en", "fr"] as const)("lists the initiatives of the filter with progress as a number and dates as dates (%s)", async (locale) => {
    signedIn.user = await sessionUser("rep.rcmp@iwgtip.example");
    const { sheet } = await workbook(await initiatives.GET(new Request(`http://localhost/api/initiatives/export/xlsx?locale=${locale}`)));
    expect(sheet.name).toBe("Initiatives");
    const [, ...rows] = sheet.rows;
    const expected = await db.initiative.findMany({
      where: { archivedAt: null },
      select: { code: true, titleEn: true, titleFr: true, progress: true, startDate: true },
    });
    expect(rows.map((row) => row[0]!.value).sort()).toEqual(expected.map((row) => row.code).sort());
    for (const row of rows) {
      const initiative = expected.find((candidate) => candidate.code === row[0]!.value)!;
      expect(row[1]!.value).toBe(locale === "fr" ? initiative.titleFr || initiative.titleEn : initiative.titleEn || initiative.titleFr);
      expect(row[7]).toMatchObject({ type: "number", value: initiative.progress });
      if (initiative.startDate) {
        expect(row[8]!.type).toBe("number");
        expect(row[8]!.numFmt).toBe("yyyy-mm-dd");
        expect(excelDate(row[8]!.value as number).toISOString()).toBe(initiative.startDate.toISOString());
      }
    }
  });
});

describe("the dashboard workbooks", () => {
  it.each(["en", "fr"] as const)("write the funding table's amounts as numbers (%s)", async (locale) => {
    signedIn.user = await sessionUser("executive@iwgtip.example");
    const response = await dashboard.GET(new Request(`http://localhost/api/dashboard/funding/xlsx?locale=${locale}`), { params: Promise.resolve({ dataset: "funding" }) });
    const { sheet } = await workbook(response);
    expect(sheet.name).toBe((locale === "fr" ? fr : en).Dashboard.sections.funding.slice(0, 31));
    const [, ...rows] = sheet.rows;
    const [totals] = await db.$queryRaw<{ allocated: bigint }[]>`
      SELECT COALESCE(SUM(f.allocated_cents), 0)::bigint AS allocated
        FROM funding_lines f JOIN initiatives i ON i.id = f.initiative_id AND i.archived_at IS NULL WHERE f.deleted_at IS NULL`;
    expect(rows.every((row) => row[0]!.type === "string" && row[2]!.type === "number")).toBe(true);
    expect(Math.round(rows.reduce((sum, row) => sum + (row[2]!.value as number), 0) * 100)).toBe(Number(totals!.allocated));
  });

  it("answers 404 for a dataset that does not exist", async () => {
    signedIn.user = await sessionUser("executive@iwgtip.example");
    const response = await dashboard.GET(new Request("http://localhost/api/dashboard/nope/xlsx"), { params: Promise.resolve({ dataset: "nope" }) });
    expect(response.status).toBe(404);
  });
});

describe("the audit log workbook", () => {
  it("is for administrators only, like the CSV", async () => {
    signedIn.user = await sessionUser("coordinator@iwgtip.example");
    expect((await audit.GET(new Request("http://localhost/api/admin/audit/export/xlsx"))).status).toBe(404);
    expect((await auditCsv.GET(new Request("http://localhost/api/admin/audit/export"))).status).toBe(404);
  });

  it.each(["en", "fr"] as const)("writes each event with its moment as a date (%s)", async (locale) => {
    signedIn.user = await sessionUser("admin@iwgtip.example");
    expect(await createInitiative(await sessionUser("coordinator@iwgtip.example"), await initiativeInput("JUS"))).toMatchObject({ ok: true });
    const { sheet } = await workbook(await audit.GET(new Request(`http://localhost/api/admin/audit/export/xlsx?locale=${locale}`)));
    expect(sheet.name).toBe(locale === "fr" ? "Journal d’audit" : "Audit log");
    const [, ...rows] = sheet.rows;
    expect(rows.length).toBeGreaterThan(0);
    const first = rows[0]!;
    const latest = await db.auditEvent.findFirstOrThrow({ orderBy: [{ occurredAt: "desc" }, { id: "asc" }], select: { entityId: true, action: true, occurredAt: true } });
    expect(first[5]!.value).toBe(latest.entityId);
    expect(first[3]!.value).toBe(latest.action);
    // Excel keeps a moment as a fraction of a day: to the millisecond, give or take the float's rounding.
    expect(Math.abs(excelDate(first[0]!.value as number).getTime() - latest.occurredAt.getTime())).toBeLessThanOrEqual(1);
    expect(first[0]!.numFmt).toBe("yyyy-mm-dd hh:mm:ss");
  });
});
