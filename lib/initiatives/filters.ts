/**
 * The initiatives list's filters, sort and page, read from and written to the URL so a view can be shared.
 * Pure: unknown or malformed values are dropped rather than trusted.
 */
import { isStorableText } from "@/lib/kernel/validation";
import { isUuid } from "@/lib/security/ids";

export const sortKeys = ["code", "title", "lead", "health", "progress", "lastUpdate"] as const;
export type SortKey = (typeof sortKeys)[number];

export type InitiativeFilters = {
  q?: string;
  pillar?: string; // pillar code
  department?: string; // department id: lead or partner
  health?: "GREEN" | "AMBER" | "RED" | "NONE";
  status?: "PLANNED" | "ACTIVE" | "COMPLETED" | "CANCELLED";
  fiscalYear?: number;
  stale?: boolean;
  sort: SortKey;
  dir: "asc" | "desc";
  page: number;
};

export const PAGE_SIZE = 20;

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const oneOf = <T extends string>(value: string | undefined, options: readonly T[]) => (value && (options as readonly string[]).includes(value) ? (value as T) : undefined);

export function parseInitiativeFilters(params: Params): InitiativeFilters {
  const fiscalYear = Number(first(params.fy));
  const page = Number(first(params.page));
  const department = first(params.department);
  const pillar = first(params.pillar);
  return {
    q: storable(first(params.q)?.slice(0, 200)),
    pillar: pillar && /^[A-Z][A-Z0-9_]{0,39}$/.test(pillar) ? pillar : undefined,
    department: department && isUuid(department) ? department : undefined,
    health: oneOf(first(params.health), ["GREEN", "AMBER", "RED", "NONE"] as const),
    status: oneOf(first(params.status), ["PLANNED", "ACTIVE", "COMPLETED", "CANCELLED"] as const),
    fiscalYear: Number.isInteger(fiscalYear) && fiscalYear >= 1990 && fiscalYear <= 2100 ? fiscalYear : undefined,
    stale: first(params.stale) === "1" || undefined,
    sort: oneOf(first(params.sort), sortKeys) ?? "code",
    dir: first(params.dir) === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The URL query of a filter state (defaults left out), e.g. for pagination, sorting links and the CSV link. */
export function filtersToQuery(filters: InitiativeFilters, overrides: Partial<InitiativeFilters> = {}): Record<string, string> {
  const merged = { ...filters, ...overrides };
  const query: Record<string, string> = {};
  if (merged.q) query.q = merged.q;
  if (merged.pillar) query.pillar = merged.pillar;
  if (merged.department) query.department = merged.department;
  if (merged.health) query.health = merged.health;
  if (merged.status) query.status = merged.status;
  if (merged.fiscalYear) query.fy = String(merged.fiscalYear);
  if (merged.stale) query.stale = "1";
  if (merged.sort !== "code") query.sort = merged.sort;
  if (merged.dir !== "asc") query.dir = merged.dir;
  if (merged.page > 1) query.page = String(merged.page);
  return query;
}

/** A search PostgreSQL could not take (a NUL from `%00` in the address) is no search. */
function storable(text: string | undefined): string | undefined {
  return text !== undefined && isStorableText(text) ? text : undefined;
}
