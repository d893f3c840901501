import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { formatMoney } from "@/lib/format/numbers";
import { sessionUser } from "../../support/database";
import { readDocx, readXlsx, type XlsxCell } from "../../support/ooxml";

// The route handlers read the session through next-auth; here the signed-in user is whoever the test says.
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn.user }));
const xlsxRoute = await import("@/app/api/reports/treasury-board/[fiscalYear]/xlsx/route");
const docxRoute = await import("@/app/api/reports/treasury-board/[fiscalYear]/docx/route");

/*
 * The Treasury Board horizontal-initiative table (issue 19.5) read back with JSZip + fast-xml-parser (not exceljs or
 * docx): two sheets named in the user's language, frozen header rows, widths, money as CAD numbers, the fiscal year as
 * text, the figures against SQL of the test's own; the Word table with the same figures; unknown years answer 404.
 */

async function get(kind: "xlsx" | "docx", slug: string, query: string): Promise<Response> {
  const route = kind === "xlsx" ? xlsxRoute : docxRoute;
  return route.GET(new Request(`http://localhost/api/reports/treasury-board/${slug}/${kind}?${query}`), { params: Promise.resolve({ fiscalYear: slug }) });
}

/** A row's cells by column (A = 0): empty cells are not written, so positions are read from each cell's reference. */
function columns(row: XlsxCell[]): (XlsxCell | undefined)[] {
  const out: (XlsxCell | undefined)[] = [];
  for (const cell of row) out[cell.ref.charCodeAt(0) - 65] = cell;
  return out;
}

async function spending(fiscalYear: number) {
  const [row] = await db.$queryRaw<{ planned: bigint; spent: bigint }[]>`
    SELECT coalesce(SUM(f.allocated_cents), 0)::bigint AS planned, coalesce(SUM(f.spent_cents), 0)::bigint AS spent
      FROM funding_lines f JOIN initiatives i ON i.id = f.initiative_id WHERE f.fiscal_year = ${fiscalYear} AND f.deleted_at IS NULL AND i.archived_at IS NULL`;
  return row!;
}

describe("the Treasury Board horizontal-initiative table", () => {
  it.each(["en", "fr"] as const)("is an Excel workbook with general information, then spending and results by pillar and department (%s)", async (locale) => {
    signedIn.user = await sessionUser("coordinator@iwgtip.example");
    const response = await get("xlsx", "2010-11", `locale=${locale}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(locale === "fr" ? "tableau-conseil-tresor-2010-11.xlsx" : "treasury-board-table-2010-11.xlsx");
    const { sheets, title } = await readXlsx(await response.arrayBuffer());
    expect(title).toBe(locale === "fr" ? "Initiative horizontale : traite des personnes — Tableau du Conseil du Trésor 2010-2011" : "Horizontal initiative: trafficking in persons — Treasury Board table 2010-11");
    expect(sheets.map((sheet) => sheet.name)).toEqual(locale === "fr" ? ["Renseignements généraux", "Dépenses et résultats"] : ["General information", "Spending and results"]);
    for (const sheet of sheets) {
      expect(sheet.frozenRows).toBe(1);
      expect(sheet.widths.every((width) => width >= 8)).toBe(true);
    }
    const [general, results] = sheets;
    const value = (label: string) => general!.rows.map(columns).find((row) => row[0]?.value === label);
    // The fiscal year is text, never a number or a date.
    expect(value(locale === "fr" ? "Exercice" : "Fiscal year")?.[1]).toMatchObject({ type: "string", value: locale === "fr" ? "2010-2011" : "2010-11" });
    const chair = await db.department.findFirstOrThrow({ where: { isChair: true }, select: { nameEn: true, nameFr: true, acronymEn: true, acronymFr: true } });
    expect(value(locale === "fr" ? "Ministère responsable" : "Lead department")?.[1]?.value).toBe(locale === "fr" ? `${chair.nameFr} (${chair.acronymFr})` : `${chair.nameEn} (${chair.acronymEn})`);
    // Money: numbers in dollars with the CAD format of the language.
    const [total] = await db.$queryRaw<{ cents: bigint }[]>`SELECT coalesce(SUM(f.allocated_cents), 0)::bigint AS cents FROM funding_lines f JOIN initiatives i ON i.id = f.initiative_id WHERE f.deleted_at IS NULL AND i.archived_at IS NULL`;
    const allocation = value(locale === "fr" ? "Financement fédéral total (tous les exercices)" : "Total federal allocation (all years)")!;
    expect(allocation[2]).toMatchObject({ type: "number", value: Number(total!.cents) / 100 });
    expect(allocation[2]!.numFmt).toContain(locale === "fr" ? "[$$-C0C]" : "[$$-1009]");

    expect(results!.rows[0]!.map((cell) => cell.value)).toEqual(
      locale === "fr"
        ? ["Pilier", "Ministère", "Dépenses prévues", "Dépenses réelles", "Résultat attendu", "Indicateur de rendement", "Cible", "Date d’atteinte de la cible", "Résultat obtenu"]
        : ["Pillar", "Department", "Planned spending", "Actual spending", "Expected result", "Performance indicator", "Target", "Date to achieve target", "Actual result"],
    );
    const body = results!.rows.slice(1).map(columns);
    // Every indicator with a target or an actual in 2010-11, once, with its achieve-by month.
    const indicators = await db.indicator.findMany({
      where: { archivedAt: null, OR: [{ targets: { some: { fiscalYear: 2010, archivedAt: null } } }, { actuals: { some: { fiscalYear: 2010 } } }] },
      select: { code: true, nameEn: true, nameFr: true, targets: { where: { fiscalYear: 2010, archivedAt: null }, select: { achieveByYear: true, achieveByMonth: true } } },
    });
    expect(indicators.length).toBeGreaterThan(0);
    for (const indicator of indicators) {
      const rows = body.filter((row) => row[5]?.value === `${indicator.code} — ${locale === "fr" ? indicator.nameFr : indicator.nameEn}`);
      expect(rows, indicator.code).toHaveLength(1);
      const target = indicator.targets[0];
      if (target) expect(rows[0]![7]).toMatchObject({ type: "string", value: `${target.achieveByYear}-${String(target.achieveByMonth).padStart(2, "0")}` });
    }
    // Money cells sum to the year's spending (spending is given once per pillar and department).
    const { planned, spent } = await spending(2010);
    const sum = (column: number) => body.reduce((total, row) => total + (typeof row[column]?.value === "number" ? Math.round((row[column]!.value as number) * 100) : 0), 0);
    expect(sum(2)).toBe(Number(planned));
    expect(sum(3)).toBe(Number(spent));
    for (const row of body) if (row[2]?.type === "number") expect(row[2].numFmt).toContain("[$$-");
  });

  it("sums the planned and actual spending of a funded year against the database", async () => {
    signedIn.user = await sessionUser("executive@iwgtip.example");
    const { sheets } = await readXlsx(await (await get("xlsx", "2007-08", "locale=en")).arrayBuffer());
    const body = sheets[1]!.rows.slice(1).map(columns);
    const { planned, spent } = await spending(2007);
    expect(Number(planned)).toBeGreaterThan(0);
    const sum = (column: number) => body.reduce((total, row) => total + (row[column]?.type === "number" ? Math.round((row[column]!.value as number) * 100) : 0), 0);
    expect(sum(2)).toBe(Number(planned));
    expect(sum(3)).toBe(Number(spent));
  });

  it.each(["en", "fr"] as const)("is a Word document with the same figures (%s)", async (lang) => {
    signedIn.user = await sessionUser("coordinator@iwgtip.example");
    const response = await get("docx", "2007-08", `lang=${lang}`);
    expect(response.status).toBe(200);
    const file = await readDocx(await response.arrayBuffer());
    expect(file.language).toBe(lang === "fr" ? "fr-CA" : "en-CA");
    expect(file.paragraphs[0]!.style).toBe("Title");
    expect(file.paragraphs.filter((paragraph) => paragraph.style?.startsWith("Heading")).map((paragraph) => paragraph.text)).toEqual(
      lang === "fr" ? ["Renseignements généraux", "Dépenses et résultats par pilier et ministère"] : ["General information", "Spending and results by pillar and department"],
    );
    for (const table of file.tables) expect(table.rows[0]!.header).toBe(true);
    const { planned } = await spending(2007);
    const general = file.tables[0]!;
    expect(general.rows.find((row) => row.cells[0] === (lang === "fr" ? "Dépenses prévues 2007-2008" : "Planned spending 2007-08"))?.cells[1]).toBe(formatMoney(planned, lang));
    const lines = await db.$queryRaw<{ acronym_en: string; acronym_fr: string; planned: bigint }[]>`
      SELECT d.acronym_en::text, d.acronym_fr::text, SUM(f.allocated_cents)::bigint AS planned FROM funding_lines f JOIN initiatives i ON i.id = f.initiative_id JOIN departments d ON d.id = i.lead_department_id
       WHERE f.fiscal_year = 2007 AND f.deleted_at IS NULL AND i.archived_at IS NULL GROUP BY i.primary_pillar_id, d.acronym_en, d.acronym_fr`;
    const table = file.tables[1]!;
    for (const line of lines) expect(table.rows.some((row) => row.cells[1] === (lang === "fr" ? line.acronym_fr : line.acronym_en) && row.cells[2] === formatMoney(line.planned, lang))).toBe(true);
  });

  it("says so for a year without data, and answers 404 for an unknown year or a signed-out visitor", async () => {
    signedIn.user = await sessionUser("rep.rcmp@iwgtip.example");
    const empty = await readXlsx(await (await get("xlsx", "1995-96", "locale=fr")).arrayBuffer());
    expect(empty.sheets[1]!.rows).toHaveLength(1);
    expect((await readDocx(await (await get("docx", "1995-96", "lang=en")).arrayBuffer())).all).toContain("No spending or results were recorded for this fiscal year.");
    for (const slug of ["2999-00", "2010-12", "x"]) expect((await get("xlsx", slug, "")).status).toBe(404);
    signedIn.user = null;
    expect((await get("docx", "2010-11", "")).status).toBe(401);
  });
});
