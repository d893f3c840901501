/**
 * The domain rules every part of the portal uses, each defined once for TypeScript here and once for SQL in a
 * migration (named beside each), so that a page, a query, a roll-up trigger and the test oracle cannot disagree.
 * `tests/integration/db/rules.test.ts` checks both definitions of each rule against each other on generated values,
 * in the real database. Pure functions; no imports.
 */

export type HealthLevel = "GREEN" | "AMBER" | "RED";
export type LifecycleStatus = "PLANNED" | "ACTIVE" | "COMPLETED" | "CANCELLED";
export type ActionItemStatus = "OPEN" | "IN_PROGRESS" | "DONE" | "CANCELLED";

// --- Health severity (SQL: dashboard_health_rank / dashboard_health_of_rank, migration dashboard_rollups) ---------

/** Worse is higher; 0 is "not rated yet". The order of "worst health" and of "worse than at the last meeting". */
export const healthSeverity: Readonly<Record<HealthLevel, number>> = { GREEN: 1, AMBER: 2, RED: 3 };

export function healthSeverityOf(health: HealthLevel | null): number {
  return health === null ? 0 : healthSeverity[health];
}

/** The health of a severity, null for 0 (not rated). */
export function healthOfSeverity(severity: number): HealthLevel | null {
  return (Object.keys(healthSeverity) as HealthLevel[]).find((health) => healthSeverity[health] === severity) ?? null;
}

// --- Staleness (SQL: initiative_is_stale, migration domain_rules) -------------------------------------------------

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An ACTIVE initiative with no status update in the last `staleDays` days (the staleDays setting) "needs an update".
 * Days of 24 hours, whatever the time zone.
 */
export function isStale(row: { status: string; lastUpdatedAt: Date | null }, staleDays: number, now: Date = new Date()): boolean {
  return row.status === "ACTIVE" && (row.lastUpdatedAt === null || row.lastUpdatedAt.getTime() < now.getTime() - staleDays * DAY_MS);
}

// --- Open and overdue action items (SQL: action_item_is_open, action_item_is_overdue, migration domain_rules) -----

/** The statuses of an open action item: neither done nor cancelled (for Prisma filters too). */
export const OPEN_ACTION_ITEM_STATUSES = ["OPEN", "IN_PROGRESS"] as const satisfies readonly ActionItemStatus[];

export function isOpenActionItem(status: string): boolean {
  return (OPEN_ACTION_ITEM_STATUSES as readonly string[]).includes(status);
}

/**
 * Overdue: open, and due before today. `dueDate` and `today` are calendar dates: "YYYY-MM-DD" strings or dates at
 * midnight UTC (Prisma's `@db.Date`); today is Toronto's (lib/kernel/time.ts `torontoToday`).
 */
export function isOverdue(status: string, dueDate: Date | string, today: Date | string): boolean {
  return isOpenActionItem(status) && isoDay(dueDate) < isoDay(today);
}

function isoDay(day: Date | string): string {
  return typeof day === "string" ? day.slice(0, 10) : day.toISOString().slice(0, 10);
}

// --- Fiscal years (SQL: fiscal_year_of, fiscal_year_start, fiscal_year_end, migration domain_rules) ----------------

/** Fiscal years run 1 April – 31 March and are named by their starting year: 2007 is 2007-08. */
export function fiscalYearOf(date: Date): number {
  return date.getUTCMonth() >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

/** The first and last calendar days of a fiscal year, as dates at midnight UTC. */
export function fiscalYearBounds(fiscalYear: number): { start: Date; end: Date } {
  return { start: new Date(Date.UTC(fiscalYear, 3, 1)), end: new Date(Date.UTC(fiscalYear + 1, 2, 31)) };
}
