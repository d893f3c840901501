import { describe, expect, it } from "vitest";
import { BYTE_ORDER_MARK, csvField, toCsv } from "@/lib/format/csv";
import { filterQuery, parseDashboardFilters, parsePillarCode } from "@/lib/dashboard/filters";
import { reportingPeriodLabel } from "@/lib/dashboard/periods";
import { attentionReason, fundingTable, matrixCellText, matrixTable, type Translate } from "@/lib/dashboard/tables";
import type { MatrixCell } from "@/lib/dashboard/queries";

const t: Translate = (key, values) => (values ? `${key}(${Object.values(values).join(",")})` : key);
const health: Translate = (key) => ({ GREEN: "On track", AMBER: "At risk", RED: "Off track", NONE: "Not yet rated" })[key] ?? key;

describe("dashboard filters", () => {
  it("reads a fiscal year and a department acronym from the URL", () => {
    expect(parseDashboardFilters({ fiscalYear: "2007", department: "RCMP" })).toEqual({ fiscalYear: 2007, department: "RCMP" });
  });

  it("ignores values that cannot be filters", () => {
    expect(parseDashboardFilters({ fiscalYear: "20x7", department: "<script>" })).toEqual({ fiscalYear: null, department: null });
    expect(parseDashboardFilters({ fiscalYear: "1800" })).toEqual({ fiscalYear: null, department: null });
    expect(parseDashboardFilters({ fiscalYear: ["2008", "2007"], department: ["CIC"] })).toEqual({ fiscalYear: 2008, department: "CIC" });
  });

  it("writes only the filters that are set", () => {
    expect(filterQuery({ fiscalYear: null, department: "JUS" })).toEqual({ department: "JUS" });
  });

  it("accepts a pillar code in any case and refuses anything else", () => {
    expect(parsePillarCode("prevention")).toBe("PREVENTION");
    expect(parsePillarCode("no such thing")).toBeNull();
  });
});

describe("reporting periods", () => {
  it("shows the fiscal year of a period in each language's format", () => {
    expect(reportingPeriodLabel("2007-08 Q2", "en")).toBe("2007-08 Q2");
    expect(reportingPeriodLabel("2007-08 Q2", "fr")).toBe("2007-2008 T2");
    expect(reportingPeriodLabel("odd", "fr")).toBe("odd");
  });
});

describe("CSV", () => {
  it("starts with a byte-order mark and ends lines with CRLF", () => {
    expect(toCsv(["a", "b"], [["1", "2"]])).toBe(`${BYTE_ORDER_MARK}a,b\r\n1,2\r\n`);
  });

  it("quotes separators and quotes, and defuses formulas", () => {
    expect(csvField('Fonds "A", volet 2')).toBe('"Fonds ""A"", volet 2"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-12")).toBe("-12");
  });
});

describe("dashboard tables", () => {
  it("formats funding in the language's conventions", () => {
    const table = fundingTable(
      [{ fiscalYear: 2007, pillarCode: "PREVENTION", nameEn: "Prevention", nameFr: "Prévention", colour: "#000000", allocatedCents: 1_230_000_000n, spentCents: 0n }],
      t,
      "fr",
    );
    expect(table.rows[0]!.map((cell) => cell.replace(/[\u00a0\u202f]/g, " "))).toEqual(["2007-2008", "Prévention", "12 300 000 $", "0 $"]);
  });

  it("says each matrix cell's health in words", () => {
    expect(matrixCellText({ count: 2, worstHealth: "RED" }, health)).toBe("2 — Off track");
    expect(matrixCellText({ count: 0, worstHealth: null }, health)).toBe("0");
  });

  it("lays the matrix out by department and pillar, filtered to one department when asked", () => {
    const cell = (acronym: string, code: string, count: number): MatrixCell => ({
      departmentId: acronym,
      acronymEn: acronym,
      acronymFr: acronym,
      nameEn: acronym,
      nameFr: acronym,
      pillarCode: code,
      pillarNameEn: code,
      pillarNameFr: code,
      count,
      worstHealth: count > 0 ? "GREEN" : null,
    });
    const cells = [cell("CIC", "A", 1), cell("CIC", "B", 0), cell("JUS", "A", 0), cell("JUS", "B", 3)];
    expect(matrixTable(cells, null, t, health, "en")).toEqual({
      headers: ["columns.department", "A", "B"],
      rows: [
        ["CIC", "1 — On track", "0"],
        ["JUS", "0", "3 — On track"],
      ],
    });
    expect(matrixTable(cells, "jus", t, health, "en").rows).toEqual([["JUS", "0", "3 — On track"]]);
  });

  it("explains why an initiative needs attention", () => {
    expect(attentionReason({ red: true, worsened: true, healthAtMeeting: "GREEN" }, t, health)).toBe("reasons.red; reasons.worsened(On track)");
  });
});
