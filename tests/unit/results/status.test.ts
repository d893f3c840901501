import { describe, expect, it } from "vitest";
import { compareToTarget, countStatuses, explanationRequired, isDue, resultStatus, type Direction, type TargetRule } from "@/lib/results/status";

/** The status rule (issue 18), exhaustively: every target type, every direction, the margin, the due date. */
const margin = 10;
const target = (targetType: TargetRule["targetType"], minValue: number | null, maxValue: number | null): TargetRule => ({
  targetType,
  minValue,
  maxValue,
  achieveByYear: 2008,
  achieveByMonth: 3,
});
const directions: Direction[] = ["INCREASE", "DECREASE", "MAINTAIN"];

describe("compareToTarget", () => {
  describe("AT_LEAST 100 (any direction: the type says which side is good)", () => {
    for (const direction of directions) {
      it(`${direction}: below misses, at or above meets, beyond the margin asks for an explanation`, () => {
        const atLeast = target("AT_LEAST", 100, null);
        expect(compareToTarget(atLeast, 99.99, direction, margin)).toBe("NOT_MET");
        expect(compareToTarget(atLeast, 100, direction, margin)).toBe("MET");
        expect(compareToTarget(atLeast, 110, direction, margin)).toBe("MET");
        expect(compareToTarget(atLeast, 110.01, direction, margin)).toBe("MET_BEYOND_MARGIN");
      });
    }
  });

  describe("AT_MOST 50", () => {
    for (const direction of directions) {
      it(`${direction}: above misses, at or below meets, far below is beyond the margin`, () => {
        const atMost = target("AT_MOST", null, 50);
        expect(compareToTarget(atMost, 50.01, direction, margin)).toBe("NOT_MET");
        expect(compareToTarget(atMost, 50, direction, margin)).toBe("MET");
        expect(compareToTarget(atMost, 45, direction, margin)).toBe("MET");
        expect(compareToTarget(atMost, 44.99, direction, margin)).toBe("MET_BEYOND_MARGIN");
      });
    }
  });

  describe("RANGE 40–60", () => {
    const range = target("RANGE", 40, 60);
    it("inside the range meets in every direction, bounds included", () => {
      for (const direction of directions) {
        for (const value of [40, 50, 60]) expect(compareToTarget(range, value, direction, margin)).toBe("MET");
      }
    });
    it("INCREASE: above the range meets (beyond the margin past max + 10 %); below misses", () => {
      expect(compareToTarget(range, 66, "INCREASE", margin)).toBe("MET");
      expect(compareToTarget(range, 66.01, "INCREASE", margin)).toBe("MET_BEYOND_MARGIN");
      expect(compareToTarget(range, 39.99, "INCREASE", margin)).toBe("NOT_MET");
    });
    it("DECREASE: below the range meets (beyond the margin under min − 10 %); above misses", () => {
      expect(compareToTarget(range, 36, "DECREASE", margin)).toBe("MET");
      expect(compareToTarget(range, 35.99, "DECREASE", margin)).toBe("MET_BEYOND_MARGIN");
      expect(compareToTarget(range, 60.01, "DECREASE", margin)).toBe("NOT_MET");
    });
    it("MAINTAIN: outside the range on either side misses", () => {
      expect(compareToTarget(range, 39.99, "MAINTAIN", margin)).toBe("NOT_MET");
      expect(compareToTarget(range, 60.01, "MAINTAIN", margin)).toBe("NOT_MET");
    });
  });

  describe("EXACT 200", () => {
    const exact = target("EXACT", 200, 200);
    it("INCREASE: at or above meets, beyond 220 asks for an explanation, below misses", () => {
      expect(compareToTarget(exact, 199, "INCREASE", margin)).toBe("NOT_MET");
      expect(compareToTarget(exact, 200, "INCREASE", margin)).toBe("MET");
      expect(compareToTarget(exact, 220, "INCREASE", margin)).toBe("MET");
      expect(compareToTarget(exact, 221, "INCREASE", margin)).toBe("MET_BEYOND_MARGIN");
    });
    it("DECREASE: at or below meets, under 180 asks for an explanation, above misses", () => {
      expect(compareToTarget(exact, 201, "DECREASE", margin)).toBe("NOT_MET");
      expect(compareToTarget(exact, 200, "DECREASE", margin)).toBe("MET");
      expect(compareToTarget(exact, 180, "DECREASE", margin)).toBe("MET");
      expect(compareToTarget(exact, 179, "DECREASE", margin)).toBe("MET_BEYOND_MARGIN");
    });
    it("MAINTAIN: within the margin either side meets, beyond it misses", () => {
      expect(compareToTarget(exact, 180, "MAINTAIN", margin)).toBe("MET");
      expect(compareToTarget(exact, 220, "MAINTAIN", margin)).toBe("MET");
      expect(compareToTarget(exact, 179.99, "MAINTAIN", margin)).toBe("NOT_MET");
      expect(compareToTarget(exact, 220.01, "MAINTAIN", margin)).toBe("NOT_MET");
    });
  });

  it("a target of 0 takes the margin as an absolute amount", () => {
    expect(compareToTarget(target("AT_MOST", null, 0), 0, "DECREASE", margin)).toBe("MET");
    expect(compareToTarget(target("AT_LEAST", 0, null), 0.1, "INCREASE", margin)).toBe("MET");
    expect(compareToTarget(target("AT_LEAST", 0, null), 0.11, "INCREASE", margin)).toBe("MET_BEYOND_MARGIN");
  });

  it("a margin of 0 asks for an explanation of any excess", () => {
    expect(compareToTarget(target("AT_LEAST", 100, null), 100.01, "INCREASE", 0)).toBe("MET_BEYOND_MARGIN");
  });

  it("a narrative target, or a numeric one without its values, has no comparison", () => {
    expect(compareToTarget(target("NARRATIVE", null, null), 5, "INCREASE", margin)).toBeNull();
    expect(compareToTarget(target("AT_LEAST", null, null), 5, "INCREASE", margin)).toBeNull();
    expect(compareToTarget(target("RANGE", 1, null), 5, "INCREASE", margin)).toBeNull();
  });
});

describe("explanationRequired", () => {
  it("when the target was missed or exceeded beyond the margin, not otherwise", () => {
    const atLeast = target("AT_LEAST", 100, null);
    expect(explanationRequired(atLeast, 90, "INCREASE", margin)).toBe(true);
    expect(explanationRequired(atLeast, 105, "INCREASE", margin)).toBe(false);
    expect(explanationRequired(atLeast, 150, "INCREASE", margin)).toBe(true);
  });
  it("never without a target, a value, or for a narrative", () => {
    expect(explanationRequired(null, 90, "INCREASE", margin)).toBe(false);
    expect(explanationRequired(target("AT_LEAST", 100, null), null, "INCREASE", margin)).toBe(false);
    expect(explanationRequired(target("NARRATIVE", null, null), 3, "INCREASE", margin)).toBe(false);
  });
});

describe("isDue", () => {
  it("after the end of the achieve-by month, not during it", () => {
    const due = { achieveByYear: 2008, achieveByMonth: 3 };
    expect(isDue(due, "2008-03-31")).toBe(false);
    expect(isDue(due, "2008-04-01")).toBe(true);
    expect(isDue(due, "2007-12-01")).toBe(false);
    expect(isDue(due, "2009-01-01")).toBe(true);
  });
});

describe("resultStatus", () => {
  const atLeast = target("AT_LEAST", 100, null);
  const base = { target: atLeast, direction: "INCREASE" as const, marginPercent: margin };

  it("no actual: not yet due before the due date, no data after it", () => {
    expect(resultStatus({ ...base, actual: null, today: "2008-03-31" })).toBe("NOT_YET_DUE");
    expect(resultStatus({ ...base, actual: null, today: "2008-04-01" })).toBe("NO_DATA");
  });

  it("an actual that meets is met, before or after the due date, beyond the margin too", () => {
    expect(resultStatus({ ...base, actual: { value: 100, quarter: null }, today: "2007-10-01" })).toBe("MET");
    expect(resultStatus({ ...base, actual: { value: 500, quarter: null }, today: "2010-01-01" })).toBe("MET");
  });

  it("a yearly actual that misses is not met at once; an interim quarter that misses is not yet due until the due date", () => {
    expect(resultStatus({ ...base, actual: { value: 50, quarter: null }, today: "2007-10-01" })).toBe("NOT_MET");
    expect(resultStatus({ ...base, actual: { value: 50, quarter: 4 }, today: "2007-10-01" })).toBe("NOT_MET");
    expect(resultStatus({ ...base, actual: { value: 50, quarter: 2 }, today: "2007-10-01" })).toBe("NOT_YET_DUE");
    expect(resultStatus({ ...base, actual: { value: 50, quarter: 2 }, today: "2008-04-01" })).toBe("NOT_MET");
  });

  it("a narrative target with an actual is reported; without one it follows the due date", () => {
    const narrative = { ...base, target: target("NARRATIVE", null, null) };
    expect(resultStatus({ ...narrative, actual: { value: null, quarter: null }, today: "2007-10-01" })).toBe("REPORTED");
    expect(resultStatus({ ...narrative, actual: null, today: "2007-10-01" })).toBe("NOT_YET_DUE");
    expect(resultStatus({ ...narrative, actual: null, today: "2009-10-01" })).toBe("NO_DATA");
  });

  it("every type and direction: a missing yearly figure after the due date is not met, a meeting one met", () => {
    const cases: [TargetRule, Direction, number, number][] = [
      [target("EXACT", 10, 10), "INCREASE", 9, 10],
      [target("EXACT", 10, 10), "DECREASE", 11, 10],
      [target("EXACT", 10, 10), "MAINTAIN", 12, 10.5],
      [target("RANGE", 10, 20), "INCREASE", 9, 25],
      [target("RANGE", 10, 20), "DECREASE", 21, 5],
      [target("RANGE", 10, 20), "MAINTAIN", 21, 15],
      [target("AT_LEAST", 10, null), "MAINTAIN", 9, 10],
      [target("AT_MOST", null, 10), "MAINTAIN", 11, 10],
    ];
    for (const [rule, direction, missing, meeting] of cases) {
      const input = { target: rule, direction, marginPercent: margin, today: "2009-01-01" };
      expect(resultStatus({ ...input, actual: { value: missing, quarter: null } }), `${rule.targetType} ${direction} ${missing}`).toBe("NOT_MET");
      expect(resultStatus({ ...input, actual: { value: meeting, quarter: null } }), `${rule.targetType} ${direction} ${meeting}`).toBe("MET");
    }
  });
});

describe("countStatuses", () => {
  it("counts every status, zero where none", () => {
    expect(countStatuses(["MET", "MET", "NO_DATA"])).toEqual({ MET: 2, NOT_MET: 0, NOT_YET_DUE: 0, NO_DATA: 1, REPORTED: 0 });
  });
});
