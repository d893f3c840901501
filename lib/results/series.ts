import { resultStatus, type Direction, type ResultStatus, type TargetRule } from "./status";

/**
 * From an indicator's rows (its current targets and its current actuals, corrections applied) to what the pages
 * show: the status of each fiscal year and the headline one. Pure, so the pages, the CSV, the dashboard and the
 * tests all derive figures the same way from the same rows.
 */

export type TargetRow = TargetRule & { id: string; fiscalYear: number; version: number; narrativeEn: string | null; narrativeFr: string | null };
export type ActualRow = {
  id: string;
  fiscalYear: number;
  quarter: number | null;
  value: number | null;
  narrativeEn: string | null;
  narrativeFr: string | null;
  measuredOn: Date;
  explanationEn: string | null;
  explanationFr: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
  correctsId: string | null;
  correctionReason: string | null;
};

export type YearPoint = { fiscalYear: number; target: TargetRow | null; actual: ActualRow | null; status: ResultStatus | null };

/** The figure that counts for a year: the latest quarter's (or the year's) current actual. */
export function actualOfYear(actuals: ActualRow[], fiscalYear: number): ActualRow | null {
  let best: ActualRow | null = null;
  for (const actual of actuals) {
    if (actual.fiscalYear !== fiscalYear) continue;
    if (!best || (actual.quarter ?? 5) > (best.quarter ?? 5) || ((actual.quarter ?? 5) === (best.quarter ?? 5) && actual.createdAt > best.createdAt)) best = actual;
  }
  return best;
}

/** Every fiscal year with a target or an actual, oldest first, with its status (null: an actual without target). */
export function yearSeries(indicator: { direction: Direction }, targets: TargetRow[], actuals: ActualRow[], marginPercent: number, today: string): YearPoint[] {
  const years = [...new Set([...targets.map((t) => t.fiscalYear), ...actuals.map((a) => a.fiscalYear)])].sort((a, b) => a - b);
  return years.map((fiscalYear) => {
    const target = targets.find((t) => t.fiscalYear === fiscalYear) ?? null;
    const actual = actualOfYear(actuals, fiscalYear);
    const status = target ? resultStatus({ target, actual, direction: indicator.direction, marginPercent, today }) : null;
    return { fiscalYear, target, actual, status };
  });
}

/**
 * The year an indicator is reported on now: the latest year with a target up to the current fiscal year, or the
 * first target to come when all are in the future. Its status is the indicator's; without any target, NO_DATA.
 */
export function headline(series: YearPoint[], currentFiscalYear: number): YearPoint & { status: ResultStatus } {
  const withTarget = series.filter((point) => point.target);
  const past = withTarget.filter((point) => point.fiscalYear <= currentFiscalYear);
  const chosen = past.at(-1) ?? withTarget[0];
  if (!chosen) {
    const lastActual = series.filter((point) => point.actual).at(-1);
    return { fiscalYear: lastActual?.fiscalYear ?? currentFiscalYear, target: null, actual: lastActual?.actual ?? null, status: "NO_DATA" };
  }
  return { ...chosen, status: chosen.status ?? "NO_DATA" };
}
