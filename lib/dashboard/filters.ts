/**
 * The dashboard's filters, read from the URL so a filtered view can be bookmarked and shared. Pure functions: no
 * database here, so they are unit-tested on their own. A value that does not parse is ignored (treated as "all").
 */
export type DashboardFilters = {
  /** Starting calendar year of a fiscal year; null means the latest fiscal year with funding data. */
  fiscalYear: number | null;
  /** English acronym of the lead department, as the initiatives list reads it; null means every department. */
  department: string | null;
};

/** What the queries are scoped to: the filters, and optionally one pillar (by code). */
export type DashboardScope = DashboardFilters & { pillar: string | null };

type SearchParams = Record<string, string | string[] | undefined>;

const acronymPattern = /^[A-Za-z][A-Za-z0-9&.-]{0,31}$/;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseDashboardFilters(params: SearchParams): DashboardFilters {
  const year = first(params.fiscalYear)?.trim();
  const fiscalYear = year && /^\d{4}$/.test(year) && Number(year) >= 1900 && Number(year) <= 2200 ? Number(year) : null;
  const acronym = first(params.department)?.trim();
  const department = acronym && acronymPattern.test(acronym) ? acronym : null;
  return { fiscalYear, department };
}

/** The query string of a filtered view, without empty values, e.g. `?fiscalYear=2007&department=RCMP`. */
export function filterQuery(filters: Partial<DashboardFilters>): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.fiscalYear != null) query.fiscalYear = String(filters.fiscalYear);
  if (filters.department) query.department = filters.department;
  return query;
}

export const healthLevels = ["GREEN", "AMBER", "RED"] as const;
export type HealthLevel = (typeof healthLevels)[number];

/** Worse is higher: the order used for "worst health" and "worsened since". */
export { healthSeverity } from "@/lib/kernel/rules";

/** A pillar code from a URL (`/dashboard/pillars/prevention` works too); null when it cannot be one. */
export function parsePillarCode(value: string): string | null {
  const code = decodeURIComponent(value).trim().toUpperCase();
  return /^[A-Z][A-Z0-9_]{0,39}$/.test(code) ? code : null;
}
