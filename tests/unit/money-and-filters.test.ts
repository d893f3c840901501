import { describe, expect, it } from "vitest";
import { centsToInput, parseMoneyToCents } from "@/lib/funding/money";
import { filtersToQuery, parseInitiativeFilters } from "@/lib/initiatives/filters";

describe("parseMoneyToCents", () => {
  it("reads amounts as typed in English", () => {
    expect(parseMoneyToCents("12,300,000", "en")).toEqual({ ok: true, cents: 1_230_000_000n });
    expect(parseMoneyToCents("$12,300,000.50", "en")).toEqual({ ok: true, cents: 1_230_000_050n });
    expect(parseMoneyToCents("12 300 000", "en")).toEqual({ ok: true, cents: 1_230_000_000n });
    expect(parseMoneyToCents("1.5", "en")).toEqual({ ok: true, cents: 150n });
  });

  it("reads amounts as typed in French, with ordinary or non-breaking spaces", () => {
    expect(parseMoneyToCents("12 300 000", "fr")).toEqual({ ok: true, cents: 1_230_000_000n });
    expect(parseMoneyToCents("12\u00a0300\u00a0000,50 $", "fr")).toEqual({ ok: true, cents: 1_230_000_050n });
    expect(parseMoneyToCents("12,300,000", "fr")).toEqual({ ok: true, cents: 1_230_000_000n });
    expect(parseMoneyToCents("1,5", "fr")).toEqual({ ok: true, cents: 150n });
  });

  it("refuses negative, malformed and absurd amounts", () => {
    expect(parseMoneyToCents("-5", "en")).toEqual({ ok: false, reason: "negative" });
    expect(parseMoneyToCents("12abc", "en")).toEqual({ ok: false, reason: "format" });
    expect(parseMoneyToCents("1.234", "en")).toEqual({ ok: false, reason: "format" });
    expect(parseMoneyToCents("9".repeat(20), "en")).toEqual({ ok: false, reason: "tooBig" });
  });

  it("writes cents back in the language's conventions", () => {
    expect(centsToInput(1_230_000_050n, "en")).toBe("12,300,000.50");
    expect(centsToInput(1_230_000_000n, "fr")).toBe("12 300 000");
  });
});

describe("initiative list filters in the URL", () => {
  it("keeps valid filters and drops malformed ones", () => {
    const filters = parseInitiativeFilters({ q: " traite ", pillar: "PREVENTION", health: "PURPLE", fy: "2007", page: "-3", sort: "progress", dir: "desc", department: "x;drop" });
    expect(filters).toMatchObject({ q: "traite", pillar: "PREVENTION", health: undefined, fiscalYear: 2007, page: 1, sort: "progress", dir: "desc", department: undefined });
  });

  it("round-trips through the query string, leaving defaults out", () => {
    const filters = parseInitiativeFilters({ status: "ACTIVE", stale: "1", fy: "2007" });
    expect(filtersToQuery(filters)).toEqual({ status: "ACTIVE", stale: "1", fy: "2007" });
    expect(filtersToQuery(filters, { page: 3 })).toMatchObject({ page: "3" });
  });
});

describe("reporting periods", () => {
  it("names the fiscal quarter a date falls in and shows it per language", async () => {
    const { reportingPeriodLabel, reportingPeriodOf } = await import("@/lib/initiatives/labels");
    expect(reportingPeriodOf(new Date("2007-10-15T12:00:00Z"))).toBe("2007-08 Q3");
    expect(reportingPeriodOf(new Date("2008-02-01T12:00:00Z"))).toBe("2007-08 Q4");
    expect(reportingPeriodOf(new Date("2007-04-01T12:00:00Z"))).toBe("2007-08 Q1");
    expect(reportingPeriodLabel("2007-08 Q3", "fr")).toBe("2007-2008 T3");
  });
});
