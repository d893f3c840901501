import { describe, expect, it } from "vitest";
import { fiscalYearLabel, fiscalYearOf, formatIsoDate, formatMoney } from "@/lib/format/numbers";
import { pickLocalized } from "@/lib/i18n/localized";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

// Intl uses narrow no-break spaces in French; compare with ordinary spaces.
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("money", () => {
  it("formats cents as dollars in each language's conventions", () => {
    expect(formatMoney(1_230_000_000n, "en")).toBe("$12,300,000");
    expect(spaces(formatMoney(1_230_000_000n, "fr"))).toBe("12 300 000 $");
  });

  it("shows cents when asked", () => {
    expect(formatMoney(20_050, "en", { showCents: true })).toBe("$200.50");
  });
});

describe("fiscal years", () => {
  it("labels a fiscal year by its starting year", () => {
    expect(fiscalYearLabel(2007, "en")).toBe("2007-08");
    expect(fiscalYearLabel(2007, "fr")).toBe("2007-2008");
    expect(fiscalYearLabel(2099, "en")).toBe("2099-00");
  });

  it("starts a fiscal year on 1 April", () => {
    expect(fiscalYearOf(new Date("2008-03-31T12:00:00Z"))).toBe(2007);
    expect(fiscalYearOf(new Date("2008-04-01T12:00:00Z"))).toBe(2008);
  });

  it("writes table dates as YYYY-MM-DD", () => {
    expect(formatIsoDate(new Date("2007-06-19T00:00:00Z"))).toBe("2007-06-19");
  });
});

describe("bilingual content", () => {
  it("prefers the page's language", () => {
    expect(pickLocalized("fr", "Tool kit", "Trousse")).toEqual({ text: "Trousse", lang: "fr", fallback: false });
  });

  it("falls back to the other language and says so", () => {
    expect(pickLocalized("fr", "Tool kit", "  ")).toEqual({ text: "Tool kit", lang: "en", fallback: true });
    expect(pickLocalized("en", null, "Trousse")).toEqual({ text: "Trousse", lang: "fr", fallback: true });
    expect(pickLocalized("en", null, null)).toBeNull();
  });
});

describe("the page to return to after signing in", () => {
  it("keeps a path on this site", () => {
    expect(safeCallbackUrl("/fr/departments?x=1", "fr")).toBe("/fr/departments?x=1");
  });

  it("refuses other origins and the sign-in page itself", () => {
    for (const hostile of ["https://evil.example/", "//evil.example", "/\\evil.example", "/en/sign-in", 42, undefined]) {
      expect(safeCallbackUrl(hostile, "en")).toBe("/en");
    }
  });
});
