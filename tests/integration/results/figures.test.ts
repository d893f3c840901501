import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getIndicatorDetail, getPillarResults, getResultsOverview, statusContext } from "@/lib/results/queries";
import { countStatuses, resultStatus, type ResultStatus } from "@/lib/results/status";
import { sessionUser } from "../../support/database";

/**
 * Every figure on the results pages equals one computed directly from the tables (issue 18): the target of the
 * year reported on, the current actual of that year and the counts per status are read here by SQL of their own
 * (corrections applied, archived rows left out), and only the status rule itself is shared.
 */
type Row = {
  pillar_code: string;
  indicator_id: string;
  direction: "INCREASE" | "DECREASE" | "MAINTAIN";
  fiscal_year: number | null;
  target_type: "EXACT" | "RANGE" | "AT_LEAST" | "AT_MOST" | "NARRATIVE" | null;
  min_value: string | null;
  max_value: string | null;
  achieve_by_year: number | null;
  achieve_by_month: number | null;
  actual_value: string | null;
  actual_quarter: number | null;
  actual_id: string | null;
};

async function statusesFromTables(): Promise<Map<string, { pillar: string; status: ResultStatus; actualId: string | null }>> {
  const context = await statusContext();
  const rows = await db.$queryRaw<Row[]>`
    SELECT p.code AS pillar_code, i.id::text AS indicator_id, i.direction::text AS direction, t.fiscal_year, t.target_type::text AS target_type,
           t.min_value::text, t.max_value::text, t.achieve_by_year, t.achieve_by_month,
           a.value::text AS actual_value, a.quarter AS actual_quarter, a.id::text AS actual_id
      FROM indicators i
      JOIN expected_results r ON r.id = i.result_id AND r.archived_at IS NULL
      JOIN pillars p ON p.id = r.pillar_id AND p.active
      LEFT JOIN LATERAL (
        SELECT * FROM indicator_targets t
         WHERE t.indicator_id = i.id AND t.archived_at IS NULL
         ORDER BY (t.fiscal_year <= ${context.currentFiscalYear}) DESC,
                  CASE WHEN t.fiscal_year <= ${context.currentFiscalYear} THEN -t.fiscal_year ELSE t.fiscal_year END
         LIMIT 1) t ON true
      LEFT JOIN LATERAL (
        SELECT * FROM indicator_actuals a
         WHERE a.indicator_id = i.id
           -- Without a target, the page shows the latest year's actual.
           AND a.fiscal_year = coalesce(t.fiscal_year, (SELECT max(fiscal_year) FROM indicator_actuals WHERE indicator_id = i.id))
           AND NOT EXISTS (SELECT 1 FROM indicator_actuals later WHERE later.corrects_id = a.id)
         ORDER BY coalesce(a.quarter, 5) DESC, a.created_at DESC
         LIMIT 1) a ON true
     WHERE i.archived_at IS NULL`;
  const statuses = new Map<string, { pillar: string; status: ResultStatus; actualId: string | null }>();
  for (const row of rows) {
    const status: ResultStatus = row.target_type
      ? resultStatus({
          target: {
            targetType: row.target_type,
            minValue: row.min_value === null ? null : Number(row.min_value),
            maxValue: row.max_value === null ? null : Number(row.max_value),
            achieveByYear: row.achieve_by_year!,
            achieveByMonth: row.achieve_by_month!,
          },
          actual: row.actual_id ? { value: row.actual_value === null ? null : Number(row.actual_value), quarter: row.actual_quarter } : null,
          direction: row.direction,
          marginPercent: context.marginPercent,
          today: context.today,
        })
      : "NO_DATA";
    statuses.set(row.indicator_id, { pillar: row.pillar_code, status, actualId: row.actual_id });
  }
  return statuses;
}

describe("figures of the results pages", () => {
  it("the seed shows every status: met, not met (with its explanation), not yet due, no data", async () => {
    const executive = await sessionUser("executive@iwgtip.example");
    const seeded = await db.indicator.findMany({ where: { code: { in: ["IND-0001", "IND-0002", "IND-0003", "IND-0004", "IND-0005"] } }, select: { id: true, code: true } });
    const byCode = Object.fromEntries(await Promise.all(seeded.map(async (row) => [row.code, (await getIndicatorDetail(executive, row.id))!.indicator.headline] as const)));
    expect(byCode["IND-0001"]?.status).toBe("MET");
    expect(byCode["IND-0003"]?.status).toBe("NOT_MET");
    expect(byCode["IND-0003"]?.actual?.explanationEn).toBeTruthy();
    expect(byCode["IND-0004"]?.status).toBe("NOT_YET_DUE");
    expect(byCode["IND-0005"]?.status).toBe("NO_DATA");
  });

  it("the overview's counts per pillar equal the counts computed from the tables", async () => {
    const executive = await sessionUser("executive@iwgtip.example");
    const fromTables = await statusesFromTables();
    const overview = await getResultsOverview(executive);
    for (const pillar of overview) {
      const expected = countStatuses([...fromTables.values()].filter((entry) => entry.pillar === pillar.code).map((entry) => entry.status));
      expect(pillar.counts, pillar.code).toEqual(expected);
      expect(pillar.indicators).toBe([...fromTables.values()].filter((entry) => entry.pillar === pillar.code).length);
    }
  });

  it("each indicator row of a pillar page shows the status and the actual computed from the tables", async () => {
    const executive = await sessionUser("executive@iwgtip.example");
    const fromTables = await statusesFromTables();
    for (const code of ["PREVENTION", "PROTECTION", "PROSECUTION", "PARTNERSHIPS"]) {
      const page = await getPillarResults(executive, code);
      expect(page).not.toBeNull();
      for (const indicator of page!.results.flatMap((result) => result.indicators)) {
        const expected = fromTables.get(indicator.id);
        expect(indicator.headline.status, indicator.code).toBe(expected?.status);
        expect(indicator.headline.actual?.id ?? null, indicator.code).toBe(expected?.actualId ?? null);
      }
    }
  });
});
