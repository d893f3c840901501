import { describe, expect, it } from "vitest";
import { fiscalYearSlug, isKnownFiscalYear, parseFiscalYearSlug } from "@/lib/reports/schemas";

describe("the fiscal years of the reports (issue 19.4)", () => {
  it("reads the URL's year label back, and nothing else", () => {
    expect(parseFiscalYearSlug("2007-08", 2026)).toBe(2007);
    expect(parseFiscalYearSlug("1999-00", 2026)).toBe(1999);
    expect(parseFiscalYearSlug("2027-28", 2026)).toBe(2027);
    for (const slug of ["2028-29", "1989-90", "2007-09", "2007", "2007-2008", "07-08", "abc", "", "2007-08 ", "٢٠٠٧-٠٨"]) expect(parseFiscalYearSlug(slug, 2026), slug).toBeNull();
  });

  it("writes the label every URL uses", () => {
    expect(fiscalYearSlug(2007)).toBe("2007-08");
    expect(fiscalYearSlug(1999)).toBe("1999-00");
    expect(parseFiscalYearSlug(fiscalYearSlug(2010), 2026)).toBe(2010);
  });

  it("knows the years from the first the data accepts to the next one", () => {
    expect(isKnownFiscalYear(1990, 2026)).toBe(true);
    expect(isKnownFiscalYear(1989, 2026)).toBe(false);
    expect(isKnownFiscalYear(2027, 2026)).toBe(true);
    expect(isKnownFiscalYear(2028, 2026)).toBe(false);
    expect(isKnownFiscalYear(2007.5, 2026)).toBe(false);
  });
});
