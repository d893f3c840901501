import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getFundingRollup, type FundingRollupRow } from "@/lib/funding/queries";
import { sessionUser } from "../../support/database";

// The route handler reads the session through next-auth; here the signed-in user is whoever the test says.
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn.user }));
const { GET } = await import("@/app/api/funding/export/route");

/*
 * Issue 19, point 8: a fiscal year's total row came right after the first pillar's subtotal, between the pillars of
 * that year. In the roll-up every row of a year comes before the year's total, and each pillar's subtotal after its
 * departments; the page, the CSV and the Excel file all read this one ordered list.
 */

/** The order's rules, checked on any list of rows. */
function expectYearTotalsLast(rows: Pick<FundingRollupRow, "fiscalYear" | "level" | "pillarCode">[]) {
  rows.forEach((row, index) => {
    const rest = rows.slice(index + 1);
    if (row.level === "year") expect(rest.filter((later) => later.fiscalYear === row.fiscalYear)).toEqual([]);
    if (row.level === "pillar") expect(rest.filter((later) => later.fiscalYear === row.fiscalYear && later.pillarCode === row.pillarCode)).toEqual([]);
  });
  const years = rows.map((row) => row.fiscalYear);
  expect(years).toEqual([...years].sort((a, b) => a - b));
}

describe("the funding roll-up's order", () => {
  it("puts each fiscal year's total after all the pillars of that year", async () => {
    const user = await sessionUser("executive@iwgtip.example");
    const rows = await getFundingRollup(user);
    // The seed funds several pillars in 2007: the case the bug showed in.
    const pillarsOf2007 = new Set(rows.filter((row) => row.fiscalYear === 2007 && row.level === "pillar").map((row) => row.pillarCode));
    expect(pillarsOf2007.size).toBeGreaterThan(1);
    expectYearTotalsLast(rows);
    const of2007 = rows.filter((row) => row.fiscalYear === 2007);
    expect(of2007.at(-1)?.level).toBe("year");
    expectYearTotalsLast(await getFundingRollup(user, { fiscalYear: 2007 }));
  });

  it("writes the CSV in the same order: the year's total is the year's last line", async () => {
    signedIn.user = await sessionUser("executive@iwgtip.example");
    for (const locale of ["en", "fr"] as const) {
      const response = await GET(new Request(`http://localhost/api/funding/export?locale=${locale}&fy=2007`));
      expect(response.status).toBe(200);
      const lines = (await response.text()).trim().split("\r\n").slice(1);
      const totalLabel = locale === "fr" ? "Total 2007-2008" : "Total 2007-08";
      expect(lines.length).toBeGreaterThan(3);
      expect(lines.at(-1)).toContain(totalLabel);
      expect(lines.slice(0, -1).some((line) => line.includes(totalLabel))).toBe(false);
    }
  });
});
