/**
 * The status rule of the results framework (issue 18), in ONE place: every page, export, dashboard figure and
 * agenda suggestion asks these functions, so that "met" means the same everywhere. Pure (no database, no clock:
 * today is passed in), so the unit tests cover every target type and direction.
 *
 * - A target is due at the end of its achieve-by month; `today` is the calendar date in America/Toronto.
 * - No actual: NOT_YET_DUE before the due date, NO_DATA after it.
 * - An actual that meets the target: MET (whenever it was measured).
 * - An actual that misses it: NOT_MET, except an interim quarterly figure (Q1–Q3) before the due date, which is
 *   still NOT_YET_DUE (the year is not over).
 * - A narrative target cannot be compared with a figure: an actual for it is REPORTED (shown as such, never
 *   turned into met or not met by someone typing it).
 */

export const resultStatuses = ["MET", "NOT_MET", "NOT_YET_DUE", "NO_DATA", "REPORTED"] as const;
export type ResultStatus = (typeof resultStatuses)[number];

export type TargetType = "EXACT" | "RANGE" | "AT_LEAST" | "AT_MOST" | "NARRATIVE";
export type Direction = "INCREASE" | "DECREASE" | "MAINTAIN";

/** A target as stored: EXACT keeps its value in min and max, AT_LEAST in min, AT_MOST in max, RANGE in both. */
export type TargetRule = {
  targetType: TargetType;
  minValue: number | null;
  maxValue: number | null;
  achieveByYear: number;
  achieveByMonth: number;
};

export type ActualFigure = { value: number | null; quarter: number | null };

/**
 * How a figure compares with a numeric target: MET, MET_BEYOND_MARGIN (met, and better than the target by more
 * than the margin: the variance must be explained), or NOT_MET. `marginPercent` is the setting (e.g. 10 for 10 %),
 * taken relative to the target value (as an absolute amount when the target value is 0).
 */
export type Comparison = "MET" | "MET_BEYOND_MARGIN" | "NOT_MET";

function tolerance(reference: number, marginPercent: number): number {
  const margin = marginPercent / 100;
  return reference === 0 ? margin : Math.abs(reference) * margin;
}

export function compareToTarget(target: Pick<TargetRule, "targetType" | "minValue" | "maxValue">, value: number, direction: Direction, marginPercent: number): Comparison | null {
  const { targetType, minValue: min, maxValue: max } = target;
  const above = (limit: number) => (value > limit + tolerance(limit, marginPercent) ? "MET_BEYOND_MARGIN" : "MET");
  const below = (limit: number) => (value < limit - tolerance(limit, marginPercent) ? "MET_BEYOND_MARGIN" : "MET");
  switch (targetType) {
    case "AT_LEAST":
      if (min === null) return null;
      return value >= min ? above(min) : "NOT_MET";
    case "AT_MOST":
      if (max === null) return null;
      return value <= max ? below(max) : "NOT_MET";
    case "RANGE":
      if (min === null || max === null) return null;
      if (value >= min && value <= max) return "MET";
      if (direction === "INCREASE" && value > max) return above(max);
      if (direction === "DECREASE" && value < min) return below(min);
      return "NOT_MET";
    case "EXACT": {
      const exact = min ?? max;
      if (exact === null) return null;
      if (direction === "INCREASE") return value >= exact ? above(exact) : "NOT_MET";
      if (direction === "DECREASE") return value <= exact ? below(exact) : "NOT_MET";
      // Maintain: within the margin either side of the value is holding it.
      return Math.abs(value - exact) <= tolerance(exact, marginPercent) ? "MET" : "NOT_MET";
    }
    case "NARRATIVE":
      return null;
  }
}

/** Is the actual's explanation required? When a numeric target was missed, or exceeded by more than the margin. */
export function explanationRequired(target: Pick<TargetRule, "targetType" | "minValue" | "maxValue"> | null, value: number | null, direction: Direction, marginPercent: number): boolean {
  if (!target || value === null) return false;
  const comparison = compareToTarget(target, value, direction, marginPercent);
  return comparison === "NOT_MET" || comparison === "MET_BEYOND_MARGIN";
}

/** Has the end of the achieve-by month passed on `today` (YYYY-MM-DD)? */
export function isDue(target: Pick<TargetRule, "achieveByYear" | "achieveByMonth">, today: string): boolean {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return year > target.achieveByYear || (year === target.achieveByYear && month > target.achieveByMonth);
}

/** The status of one target given the current actual of its fiscal year (null when none was entered). */
export function resultStatus({
  target,
  actual,
  direction,
  marginPercent,
  today,
}: {
  target: TargetRule;
  actual: ActualFigure | null;
  direction: Direction;
  marginPercent: number;
  today: string;
}): ResultStatus {
  const due = isDue(target, today);
  if (!actual) return due ? "NO_DATA" : "NOT_YET_DUE";
  if (target.targetType === "NARRATIVE") return "REPORTED";
  if (actual.value === null) return due ? "NO_DATA" : "NOT_YET_DUE";
  const comparison = compareToTarget(target, actual.value, direction, marginPercent);
  if (comparison === null) return due ? "NO_DATA" : "NOT_YET_DUE";
  if (comparison !== "NOT_MET") return "MET";
  const interim = actual.quarter !== null && actual.quarter < 4;
  return interim && !due ? "NOT_YET_DUE" : "NOT_MET";
}

/** Counts per status, every status present (0 when none), for the dashboard tiles and their tables. */
export function countStatuses(statuses: Iterable<ResultStatus>): Record<ResultStatus, number> {
  const counts = Object.fromEntries(resultStatuses.map((status) => [status, 0])) as Record<ResultStatus, number>;
  for (const status of statuses) counts[status] += 1;
  return counts;
}
