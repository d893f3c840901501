/**
 * Issue 16: each domain rule has one TypeScript definition (lib/kernel/rules.ts) and one SQL definition (a function
 * of the migrations). These properties evaluate both on the same generated values, the SQL side in this PostgreSQL,
 * many values per statement, and require the same answer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { settingValue, staleDaysSql } from "@/lib/settings";
import {
  fiscalYearBounds,
  fiscalYearOf,
  healthOfSeverity,
  healthSeverityOf,
  isOpenActionItem,
  isOverdue,
  isStale,
  type ActionItemStatus,
  type HealthLevel,
  type LifecycleStatus,
} from "@/lib/kernel/rules";

const RUNS = 40;
const BATCH = 25;

const lifecycle = fc.constantFrom<LifecycleStatus>("PLANNED", "ACTIVE", "COMPLETED", "CANCELLED");
const actionStatus = fc.constantFrom<ActionItemStatus>("OPEN", "IN_PROGRESS", "DONE", "CANCELLED");
const health = fc.constantFrom<HealthLevel | null>("GREEN", "AMBER", "RED", null);
// Instants to the millisecond (timestamptz(3) keeps milliseconds), 1990–2100.
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));
const calendarDay = fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 11, 31) / 86_400_000 }).map((day) => new Date(day * 86_400_000));
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe("one definition of each rule, in TypeScript and in SQL", () => {
  it("staleness: initiative_is_stale agrees with isStale, whatever the session's time zone (daylight saving time)", async () => {
    const staleCase = fc.record({
      status: lifecycle,
      now: instant,
      staleDays: fc.integer({ min: 1, max: 365 }),
      // Often near the boundary: `now` minus the stale days, give or take up to two hours (a DST shift is one).
      offsetMs: fc.oneof(fc.integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 }), fc.integer({ min: -400 * 86_400_000, max: 400 * 86_400_000 })),
      neverUpdated: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(staleCase, { minLength: BATCH, maxLength: BATCH }), fc.constantFrom("UTC", "America/Toronto", "Asia/Kolkata"), async (cases, timeZone) => {
        const rows = cases.map((c) => ({
          status: c.status,
          now: c.now.toISOString(),
          staleDays: c.staleDays,
          lastUpdatedAt: c.neverUpdated ? null : new Date(c.now.getTime() - c.staleDays * 86_400_000 + c.offsetMs).toISOString(),
        }));
        const answers = await db.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT set_config('TimeZone', ${timeZone}, true)`;
          return tx.$queryRaw<{ answer: boolean }[]>`
            SELECT initiative_is_stale((c->>'status')::lifecycle_status, (c->>'lastUpdatedAt')::timestamptz, (c->>'staleDays')::int, (c->>'now')::timestamptz) AS answer
              FROM json_array_elements(${JSON.stringify(rows)}::json) WITH ORDINALITY AS t(c, n) ORDER BY n`;
        });
        const expected = rows.map((row) => isStale({ status: row.status, lastUpdatedAt: row.lastUpdatedAt ? new Date(row.lastUpdatedAt) : null }, row.staleDays, new Date(row.now)));
        expect(answers.map((row) => row.answer)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("the staleDays setting: the SQL reading (staleDaysSql) agrees with the TypeScript one (settingValue) on any stored value", async () => {
    const stored = fc.oneof(
      fc.integer({ min: -5, max: 400 }),
      fc.double({ min: -10, max: 500, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -5, max: 400 }).map(String),
      fc.constantFrom<unknown>(true, false, null, "ninety", "30.0", " 30", [], { days: 30 }, 1e20, 365, 366, 1, 0),
    );
    const rollback = new Error("rollback");
    await fc.assert(
      fc.asyncProperty(stored, async (value) => {
        await db
          .$transaction(async (tx) => {
            // JSON null is a value too: stored as the JSON literal, as Prisma stores Prisma.JsonNull.
            await tx.$executeRaw`INSERT INTO settings (key, value) VALUES ('staleDays', ${JSON.stringify(value)}::jsonb)
                                 ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;
            const [row] = await tx.$queryRaw<{ days: number }[]>`SELECT ${staleDaysSql} AS days`;
            expect(row?.days, JSON.stringify(value)).toBe(settingValue("staleDays", value));
            throw rollback;
          })
          .catch((error: unknown) => {
            if (error !== rollback) throw error;
          });
      }),
      { numRuns: 120 },
    );
  });

  it("open and overdue action items: action_item_is_open and action_item_is_overdue agree with isOpenActionItem and isOverdue", async () => {
    const overdueCase = fc.record({ status: actionStatus, due: calendarDay, today: calendarDay, near: fc.boolean(), shift: fc.integer({ min: -1, max: 1 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(overdueCase, { minLength: BATCH, maxLength: BATCH }), async (cases) => {
        // Half the cases a day either side of today or on it, where the boundary is.
        const rows = cases.map((c) => ({ status: c.status, due: iso(c.near ? new Date(c.today.getTime() + c.shift * 86_400_000) : c.due), today: iso(c.today) }));
        const answers = await db.$queryRaw<{ open: boolean; overdue: boolean }[]>`
          SELECT action_item_is_open((c->>'status')::action_item_status) AS open,
                 action_item_is_overdue((c->>'status')::action_item_status, (c->>'due')::date, (c->>'today')::date) AS overdue
            FROM json_array_elements(${JSON.stringify(rows)}::json) WITH ORDINALITY AS t(c, n) ORDER BY n`;
        expect(answers).toEqual(rows.map((row) => ({ open: isOpenActionItem(row.status), overdue: isOverdue(row.status, row.due, row.today) })));
        // Dates at midnight UTC (Prisma's @db.Date) give the same answers as the strings.
        expect(rows.map((row) => isOverdue(row.status, new Date(`${row.due}T00:00:00Z`), new Date(`${row.today}T00:00:00Z`)))).toEqual(answers.map((row) => row.overdue));
      }),
      { numRuns: RUNS },
    );
  });

  it("fiscal years: fiscal_year_of, fiscal_year_start and fiscal_year_end agree with fiscalYearOf and fiscalYearBounds", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(calendarDay, { minLength: BATCH, maxLength: BATCH }), async (days) => {
        const rows = days.map(iso);
        const answers = await db.$queryRaw<{ year: number; start: string; end: string }[]>`
          SELECT fiscal_year_of(d::date) AS year, fiscal_year_start(fiscal_year_of(d::date))::text AS start, fiscal_year_end(fiscal_year_of(d::date))::text AS end
            FROM json_array_elements_text(${JSON.stringify(rows)}::json) WITH ORDINALITY AS t(d, n) ORDER BY n`;
        expect(answers).toEqual(
          days.map((day) => {
            const year = fiscalYearOf(day);
            const bounds = fiscalYearBounds(year);
            // The year's bounds hold the day, and follow each other without a gap.
            expect(bounds.start.getTime()).toBeLessThanOrEqual(day.getTime());
            expect(bounds.end.getTime()).toBeGreaterThanOrEqual(day.getTime());
            expect(fiscalYearBounds(year + 1).start.getTime() - bounds.end.getTime()).toBe(86_400_000);
            return { year, start: iso(bounds.start), end: iso(bounds.end) };
          }),
        );
      }),
      { numRuns: RUNS },
    );
    // The boundary itself, both ways.
    const [edge] = await db.$queryRaw<{ march: number; april: number }[]>`SELECT fiscal_year_of('2008-03-31') AS march, fiscal_year_of('2008-04-01') AS april`;
    expect(edge).toEqual({ march: fiscalYearOf(new Date("2008-03-31T00:00:00Z")), april: fiscalYearOf(new Date("2008-04-01T00:00:00Z")) });
    expect(edge).toEqual({ march: 2007, april: 2008 });
  });

  it("health severity: dashboard_health_rank and dashboard_health_of_rank agree with healthSeverityOf and healthOfSeverity", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(health, { minLength: BATCH, maxLength: BATCH }), async (healths) => {
        const answers = await db.$queryRaw<{ severity: number; back: string | null }[]>`
          SELECT dashboard_health_rank(h::health)::int AS severity, dashboard_health_of_rank(NULLIF(dashboard_health_rank(h::health), 0))::text AS back
            FROM json_array_elements_text(${JSON.stringify(healths)}::json) WITH ORDINALITY AS t(h, n) ORDER BY n`;
        expect(answers).toEqual(healths.map((h) => ({ severity: healthSeverityOf(h), back: healthOfSeverity(healthSeverityOf(h)) })));
        expect(answers.map((row) => row.back)).toEqual(healths);
      }),
      { numRuns: 10 },
    );
  });
});
