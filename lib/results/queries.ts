import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import { fiscalYearOf } from "@/lib/format/numbers";
import { Prisma } from "@/lib/generated/prisma/client";
import { calendarDate, torontoToday } from "@/lib/kernel/time";
import { isUuid } from "@/lib/security/ids";
import { achieveByText, formatFigure, targetText } from "./format";
import { readResultsMargin } from "./margin";
import { headline, yearSeries, type ActualRow, type TargetRow, type YearPoint } from "./series";
import { countStatuses, resultStatus, type Direction, type ResultStatus } from "./status";

/**
 * Reads of the results framework (issue 18). Anyone signed in reads it (`portal.read`). Each read is a fixed number
 * of statements whatever the data (Prisma's relation loads are one statement per level), and the statuses are
 * derived in lib/results/series.ts from the rows read, with the one rule of lib/results/status.ts.
 */

const num = (value: Prisma.Decimal | null): number | null => (value === null ? null : Number(value));

const targetSelect = {
  id: true,
  fiscalYear: true,
  targetType: true,
  minValue: true,
  maxValue: true,
  narrativeEn: true,
  narrativeFr: true,
  achieveByYear: true,
  achieveByMonth: true,
  version: true,
} as const;

const actualSelect = {
  id: true,
  fiscalYear: true,
  quarter: true,
  value: true,
  narrativeEn: true,
  narrativeFr: true,
  measuredOn: true,
  explanationEn: true,
  explanationFr: true,
  createdAt: true,
  reviewedAt: true,
  correctsId: true,
  correctionReason: true,
} as const;

const indicatorSelect = {
  id: true,
  code: true,
  nameEn: true,
  nameFr: true,
  unit: true,
  direction: true,
  frequency: true,
  cumulative: true,
  illustrative: true,
  baselineValue: true,
  baselineDate: true,
  responsibleDepartmentId: true,
  version: true,
  responsibleDepartment: { select: { acronymEn: true, acronymFr: true } },
  targets: { where: { archivedAt: null }, orderBy: { fiscalYear: "asc" }, select: targetSelect },
  // The current actuals: those no later entry corrects.
  actuals: { where: { correctedBy: { is: null } }, orderBy: [{ fiscalYear: "asc" }, { createdAt: "asc" }], select: actualSelect },
} as const satisfies Prisma.IndicatorSelect;

type IndicatorRow = Prisma.IndicatorGetPayload<{ select: typeof indicatorSelect }>;

function targetRow(target: IndicatorRow["targets"][number]): TargetRow {
  return { ...target, minValue: num(target.minValue), maxValue: num(target.maxValue) };
}

function actualRow(actual: IndicatorRow["actuals"][number]): ActualRow {
  return { ...actual, value: num(actual.value) };
}

/** The clock and the setting every status needs, read once per request. */
export async function statusContext() {
  const today = torontoToday();
  return { today, currentFiscalYear: fiscalYearOf(calendarDate(today)), marginPercent: await readResultsMargin() };
}
export type StatusContext = Awaited<ReturnType<typeof statusContext>>;

export type IndicatorView = Omit<IndicatorRow, "targets" | "actuals" | "baselineValue"> & {
  baselineValue: number | null;
  series: YearPoint[];
  headline: YearPoint & { status: ResultStatus };
};

export function indicatorView(row: IndicatorRow, context: StatusContext): IndicatorView {
  const { targets, actuals, baselineValue, ...rest } = row;
  const series = yearSeries(row, targets.map(targetRow), actuals.map(actualRow), context.marginPercent, context.today);
  return { ...rest, baselineValue: num(baselineValue), series, headline: headline(series, context.currentFiscalYear) };
}

/**
 * The headline status of every indicator the results pages show (active pillar, result and indicator not archived;
 * of one responsible department when asked), from flat rows: three statements run together (the indicators, their
 * current targets, their current actuals) instead of nested relation loads, which cost about ten times as much per
 * indicator. The same rows and the same TypeScript as everywhere (yearSeries, headline, the one status rule): only
 * the way they are read differs (figures as float8, the double Number() makes of the DECIMAL). For the counts
 * (overview, dashboard, briefing).
 */
async function headlineStatuses(context: StatusContext, department: string | null = null) {
  const scope = department
    ? Prisma.sql`JOIN departments d ON d.id = i.responsible_department_id AND lower(d.acronym_en) = lower(${department})`
    : Prisma.empty;
  const shown = Prisma.sql`FROM indicators i JOIN expected_results r ON r.id = i.result_id AND r.archived_at IS NULL JOIN pillars p ON p.id = r.pillar_id AND p.active ${scope}`;
  const [indicators, targets, actuals] = await Promise.all([
    db.$queryRaw<{ id: string; code: string; direction: "INCREASE" | "DECREASE" | "MAINTAIN"; pillar_id: string }[]>`
      SELECT i.id::text AS id, i.code::text AS code, i.direction::text AS direction, r.pillar_id::text AS pillar_id ${shown} WHERE i.archived_at IS NULL ORDER BY i.code`,
    db.$queryRaw<{ id: string; indicator_id: string; fiscal_year: number; target_type: TargetRow["targetType"]; min_value: number | null; max_value: number | null; narrative_en: string | null; narrative_fr: string | null; achieve_by_year: number; achieve_by_month: number; version: number }[]>`
      SELECT t.id::text AS id, t.indicator_id::text AS indicator_id, t.fiscal_year, t.target_type::text AS target_type, t.min_value::float8 AS min_value, t.max_value::float8 AS max_value, t.narrative_en, t.narrative_fr,
             t.achieve_by_year, t.achieve_by_month, t.version
        ${shown} JOIN indicator_targets t ON t.indicator_id = i.id AND t.archived_at IS NULL WHERE i.archived_at IS NULL`,
    db.$queryRaw<{ id: string; indicator_id: string; fiscal_year: number; quarter: number | null; value: number | null; narrative_en: string | null; narrative_fr: string | null; measured_on: Date; explanation_en: string | null; explanation_fr: string | null; created_at: Date; reviewed_at: Date | null; corrects_id: string | null; correction_reason: string | null }[]>`
      SELECT a.id::text AS id, a.indicator_id::text AS indicator_id, a.fiscal_year, a.quarter, a.value::float8 AS value, a.narrative_en, a.narrative_fr, a.measured_on, a.explanation_en, a.explanation_fr,
             a.created_at, a.reviewed_at, a.corrects_id::text AS corrects_id, a.correction_reason
        ${shown} JOIN indicator_actuals a ON a.indicator_id = i.id
       WHERE i.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM indicator_actuals c WHERE c.corrects_id = a.id)
       ORDER BY a.fiscal_year, a.created_at`,
  ]);
  const rows = new Map(indicators.map((indicator) => [indicator.id, { ...indicator, targets: [] as TargetRow[], actuals: [] as ActualRow[] }]));
  for (const t of targets) {
    rows.get(t.indicator_id)?.targets.push({
      id: t.id,
      fiscalYear: t.fiscal_year,
      targetType: t.target_type,
      minValue: t.min_value,
      maxValue: t.max_value,
      narrativeEn: t.narrative_en,
      narrativeFr: t.narrative_fr,
      achieveByYear: t.achieve_by_year,
      achieveByMonth: t.achieve_by_month,
      version: t.version,
    });
  }
  for (const a of actuals) {
    rows.get(a.indicator_id)?.actuals.push({
      id: a.id,
      fiscalYear: a.fiscal_year,
      quarter: a.quarter,
      value: a.value,
      narrativeEn: a.narrative_en,
      narrativeFr: a.narrative_fr,
      measuredOn: a.measured_on,
      explanationEn: a.explanation_en,
      explanationFr: a.explanation_fr,
      createdAt: a.created_at,
      reviewedAt: a.reviewed_at,
      correctsId: a.corrects_id,
      correctionReason: a.correction_reason,
    });
  }
  return [...rows.values()].map((row) => ({
    id: row.id,
    code: row.code,
    pillarId: row.pillar_id,
    status: headline(yearSeries(row, row.targets, row.actuals, context.marginPercent, context.today), context.currentFiscalYear).status,
  }));
}

/**
 * The indicators per pillar and headline status, for the counts of the overview and the dashboard: one statement
 * that groups the indicators by what the status depends on (direction; the target of the year reported on; its
 * current actual's figure and quarter), then the one rule (resultStatus) on each group, counted. PostgreSQL picks
 * the year and the actual as lib/results/series.ts does (headline: the latest year with a target up to the current
 * fiscal year, else the first to come; actualOfYear: the latest quarter, an annual figure counting as the last,
 * then the latest entry, corrections applied); a group is a handful of rows whatever the number of indicators.
 * tests/integration/exports/results-exports.test.ts checks these counts against each pillar's page (nested rows).
 */
async function headlineStatusCounts(context: StatusContext): Promise<Map<string, Record<ResultStatus, number>>> {
  const groups = await db.$queryRaw<
    { pillar_id: string; direction: Direction; target_type: TargetRow["targetType"] | null; min_value: number | null; max_value: number | null; achieve_by_year: number | null; achieve_by_month: number | null; has_actual: boolean; value: number | null; quarter: number | null; count: number }[]
  >`
    WITH shown AS (
      SELECT i.id, i.direction, r.pillar_id FROM indicators i
        JOIN expected_results r ON r.id = i.result_id AND r.archived_at IS NULL JOIN pillars p ON p.id = r.pillar_id AND p.active
       WHERE i.archived_at IS NULL
    ), headline AS (
      SELECT DISTINCT ON (t.indicator_id) t.indicator_id, t.fiscal_year, t.target_type, t.min_value, t.max_value, t.achieve_by_year, t.achieve_by_month
        FROM indicator_targets t JOIN shown s ON s.id = t.indicator_id
       WHERE t.archived_at IS NULL
       ORDER BY t.indicator_id, (t.fiscal_year <= ${context.currentFiscalYear}) DESC,
                CASE WHEN t.fiscal_year <= ${context.currentFiscalYear} THEN -t.fiscal_year ELSE t.fiscal_year END
    ), actual AS (
      SELECT DISTINCT ON (a.indicator_id) a.indicator_id, a.value, a.quarter
        FROM indicator_actuals a JOIN headline h ON h.indicator_id = a.indicator_id AND h.fiscal_year = a.fiscal_year
       WHERE NOT EXISTS (SELECT 1 FROM indicator_actuals c WHERE c.corrects_id = a.id)
       ORDER BY a.indicator_id, COALESCE(a.quarter, 5) DESC, a.created_at DESC
    )
    SELECT s.pillar_id::text AS pillar_id, s.direction::text AS direction, h.target_type::text AS target_type, h.min_value::float8 AS min_value,
           h.max_value::float8 AS max_value, h.achieve_by_year, h.achieve_by_month, (a.indicator_id IS NOT NULL) AS has_actual,
           a.value::float8 AS value, a.quarter, count(*)::int AS count
      FROM shown s LEFT JOIN headline h ON h.indicator_id = s.id LEFT JOIN actual a ON a.indicator_id = s.id
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
  const counts = new Map<string, Record<ResultStatus, number>>();
  for (const group of groups) {
    const status: ResultStatus =
      group.target_type === null
        ? "NO_DATA"
        : resultStatus({
            target: { targetType: group.target_type, minValue: group.min_value, maxValue: group.max_value, achieveByYear: group.achieve_by_year!, achieveByMonth: group.achieve_by_month! },
            actual: group.has_actual ? { value: group.value, quarter: group.quarter } : null,
            direction: group.direction,
            marginPercent: context.marginPercent,
            today: context.today,
          });
    const pillar = counts.get(group.pillar_id) ?? countStatuses([]);
    pillar[status] += group.count;
    counts.set(group.pillar_id, pillar);
  }
  return counts;
}

/** Per active pillar, how many indicators are met, not met, not yet due, without data (or reported narratives). */
export async function getResultsOverview(user: SessionUser) {
  requirePermission(user, "portal.read");
  const context = await statusContext();
  const [pillars, statuses] = await Promise.all([
    db.pillar.findMany({
      where: { active: true },
      orderBy: { sortOrder: "asc" },
      select: { id: true, code: true, nameEn: true, nameFr: true, _count: { select: { expectedResults: { where: { archivedAt: null } } } } },
    }),
    headlineStatusCounts(context),
  ]);
  return pillars.map(({ _count, ...pillar }) => {
    const counts = statuses.get(pillar.id) ?? countStatuses([]);
    return { ...pillar, results: _count.expectedResults, indicators: Object.values(counts).reduce((sum, count) => sum + count, 0), counts };
  });
}

/** One pillar's results, each with its indicators and their headline target, latest actual and status. */
export async function getPillarResults(user: SessionUser, code: string) {
  requirePermission(user, "portal.read");
  const [context, pillar] = await Promise.all([
    statusContext(),
    db.pillar.findFirst({
      where: { code, active: true },
      select: {
        id: true,
        code: true,
        nameEn: true,
        nameFr: true,
        descriptionEn: true,
        descriptionFr: true,
        expectedResults: {
          where: { archivedAt: null },
          orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
          select: {
            id: true,
            code: true,
            level: true,
            titleEn: true,
            titleFr: true,
            descriptionEn: true,
            descriptionFr: true,
            version: true,
            departments: { select: { department: { select: { acronymEn: true, acronymFr: true } } }, orderBy: { departmentId: "asc" } },
            indicators: { where: { archivedAt: null }, orderBy: { code: "asc" }, select: indicatorSelect },
          },
        },
      },
    }),
  ]);
  if (!pillar) return null;
  const results = pillar.expectedResults.map(({ indicators, ...result }) => ({ ...result, indicators: indicators.map((row) => indicatorView(row, context)) }));
  const { expectedResults: _r, ...rest } = pillar;
  return { pillar: rest, results, counts: countStatuses(results.flatMap((r) => r.indicators.map((i) => i.headline.status))), context };
}

/** One indicator with every year's target, actual and status, and the history of its entries (corrections too). */
export async function getIndicatorDetail(user: SessionUser, id: string) {
  requirePermission(user, "portal.read");
  if (!isUuid(id)) return null;
  const [context, row] = await Promise.all([
    statusContext(),
    db.indicator.findFirst({
      where: { id, archivedAt: null, result: { archivedAt: null } },
      select: {
        ...indicatorSelect,
        methodologyEn: true,
        methodologyFr: true,
        dataSourceEn: true,
        dataSourceFr: true,
        result: { select: { id: true, code: true, titleEn: true, titleFr: true, level: true, pillar: { select: { code: true, nameEn: true, nameFr: true } } } },
        initiatives: { where: { initiative: { archivedAt: null } }, select: { initiative: { select: { id: true, code: true, titleEn: true, titleFr: true } } }, orderBy: { initiativeId: "asc" } },
      },
    }),
  ]);
  if (!row) return null;
  const entries = await db.indicatorActual.findMany({
    where: { indicatorId: id },
    orderBy: [{ fiscalYear: "desc" }, { createdAt: "desc" }],
    select: { ...actualSelect, author: { select: { displayName: true } }, reviewedBy: { select: { displayName: true } } },
  });
  const { methodologyEn, methodologyFr, dataSourceEn, dataSourceFr, result, initiatives, ...indicatorRow } = row;
  return {
    indicator: { ...indicatorView(indicatorRow, context), methodologyEn, methodologyFr, dataSourceEn, dataSourceFr, result, initiatives: initiatives.map((link) => link.initiative) },
    entries: entries.map((entry) => ({ ...entry, value: num(entry.value) })),
    context,
  };
}

/** The indicators an initiative contributes to, or a department is responsible for, with their headline status. */
export async function listIndicatorsFor(user: SessionUser, scope: { initiativeId: string } | { departmentId: string }) {
  requirePermission(user, "portal.read");
  const where: Prisma.IndicatorWhereInput =
    "initiativeId" in scope ? { archivedAt: null, result: { archivedAt: null }, initiatives: { some: { initiativeId: scope.initiativeId } } } : { archivedAt: null, result: { archivedAt: null }, responsibleDepartmentId: scope.departmentId };
  const [context, rows] = await Promise.all([statusContext(), db.indicator.findMany({ where, orderBy: { code: "asc" }, take: 200, select: indicatorSelect })]);
  return rows.map((row) => indicatorView(row, context));
}

/** What the framework forms offer: pillars, departments, and the initiatives an indicator may be linked to. */
export async function getResultsFormOptions(user: SessionUser) {
  requirePermission(user, "results.manage");
  const [pillars, departments, initiatives] = await Promise.all([
    db.pillar.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { id: true, code: true, nameEn: true, nameFr: true } }),
    db.department.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { acronymEn: "asc" }], select: { id: true, acronymEn: true, acronymFr: true } }),
    // Bounded: a form lists at most 100 (the first by code); see docs/results.md.
    db.initiative.findMany({ where: { archivedAt: null }, orderBy: { code: "asc" }, take: 100, select: { id: true, code: true, titleEn: true, titleFr: true } }),
  ]);
  return { pillars, departments, initiatives };
}

/** An expected result as its pages and the indicator form need it. */
export async function getResult(user: SessionUser, id: string) {
  requirePermission(user, "portal.read");
  if (!isUuid(id)) return null;
  return db.expectedResult.findFirst({
    where: { id, archivedAt: null },
    select: { id: true, code: true, titleEn: true, titleFr: true, pillar: { select: { code: true, nameEn: true, nameFr: true } } },
  });
}

/**
 * Money beside results, as the Treasury Board tables set them: per lead department of the pillar's initiatives,
 * planned spending (allocated) and actual spending (spent) of a fiscal year, from the funding lines. One statement.
 */
export async function getPillarSpending(user: SessionUser, pillarId: string, fiscalYear: number) {
  requirePermission(user, "portal.read");
  const rows = await db.$queryRaw<{ acronym_en: string; acronym_fr: string; allocated: bigint; spent: bigint }[]>`
    SELECT d.acronym_en::text, d.acronym_fr::text, SUM(f.allocated_cents)::bigint AS allocated, SUM(f.spent_cents)::bigint AS spent
      FROM funding_lines f
      JOIN initiatives i ON i.id = f.initiative_id
      JOIN departments d ON d.id = i.lead_department_id
     WHERE i.primary_pillar_id = ${pillarId}::uuid AND f.fiscal_year = ${fiscalYear} AND f.deleted_at IS NULL AND i.archived_at IS NULL
     GROUP BY d.acronym_en, d.acronym_fr
     ORDER BY d.acronym_en`;
  return rows.map((row) => ({ acronymEn: row.acronym_en, acronymFr: row.acronym_fr, allocatedCents: row.allocated, spentCents: row.spent }));
}

/**
 * An update call that asks for the actuals of a fiscal year (issue 18): per responsible department, each indicator
 * with a current actual for that year ("submitted") or without ("missing"), and the year's status by the one rule
 * (met, not met...; null when the year has no target). A fixed number of statements whatever the data (the
 * indicators, then their targets and current actuals of that year only).
 */
export async function getCallResultsMatrix(user: SessionUser, fiscalYear: number) {
  requirePermission(user, "portal.read");
  const [context, indicators] = await Promise.all([
    statusContext(),
    db.indicator.findMany({
      where: { archivedAt: null, result: { archivedAt: null } },
      orderBy: { code: "asc" },
      select: {
        id: true,
        code: true,
        nameEn: true,
        nameFr: true,
        unit: true,
        direction: true,
        responsibleDepartment: { select: { id: true, acronymEn: true, acronymFr: true } },
        targets: { where: { archivedAt: null, fiscalYear }, select: targetSelect },
        actuals: { where: { fiscalYear, correctedBy: { is: null } }, orderBy: { createdAt: "asc" }, select: actualSelect },
      },
    }),
  ]);
  type Cell = { id: string; code: string; nameEn: string; nameFr: string; unit: IndicatorRow["unit"]; submitted: boolean; value: number | null; status: ResultStatus | null; target: TargetRow | null; actual: ActualRow | null };
  const departments = new Map<string, { id: string; acronymEn: string; acronymFr: string; cells: Cell[] }>();
  let submitted = 0;
  for (const indicator of indicators) {
    const point = yearSeries(indicator, indicator.targets.map(targetRow), indicator.actuals.map(actualRow), context.marginPercent, context.today).find((candidate) => candidate.fiscalYear === fiscalYear);
    const cell: Cell = {
      id: indicator.id,
      code: indicator.code,
      nameEn: indicator.nameEn,
      nameFr: indicator.nameFr,
      unit: indicator.unit,
      submitted: indicator.actuals.length > 0,
      value: point?.actual?.value ?? null,
      status: point?.status ?? null,
      target: point?.target ?? null,
      actual: point?.actual ?? null,
    };
    if (cell.submitted) submitted += 1;
    const department = departments.get(indicator.responsibleDepartment.id) ?? { ...indicator.responsibleDepartment, cells: [] };
    department.cells.push(cell);
    departments.set(indicator.responsibleDepartment.id, department);
  }
  const rows = [...departments.values()].sort((a, b) => a.acronymEn.localeCompare(b.acronymEn));
  return { fiscalYear, rows, totals: { submitted, missing: indicators.length - submitted } };
}

/** An expected result as its edit form needs it (the version it is at, its departments); null when archived. */
export async function getResultForEdit(user: SessionUser, id: string) {
  requirePermission(user, "results.manage");
  if (!isUuid(id)) return null;
  const row = await db.expectedResult.findFirst({
    where: { id, archivedAt: null },
    select: {
      id: true,
      code: true,
      pillarId: true,
      level: true,
      titleEn: true,
      titleFr: true,
      descriptionEn: true,
      descriptionFr: true,
      version: true,
      pillar: { select: { code: true, nameEn: true, nameFr: true } },
      departments: { select: { departmentId: true }, orderBy: { departmentId: "asc" } },
    },
  });
  if (!row) return null;
  const { departments, ...rest } = row;
  return { ...rest, departmentIds: departments.map((d) => d.departmentId) };
}

/** An indicator as its edit form needs it; null when it or its result is archived. */
export async function getIndicatorForEdit(user: SessionUser, id: string) {
  requirePermission(user, "results.manage");
  if (!isUuid(id)) return null;
  const row = await db.indicator.findFirst({
    where: { id, archivedAt: null, result: { archivedAt: null } },
    select: {
      id: true,
      code: true,
      nameEn: true,
      nameFr: true,
      methodologyEn: true,
      methodologyFr: true,
      dataSourceEn: true,
      dataSourceFr: true,
      unit: true,
      direction: true,
      frequency: true,
      cumulative: true,
      baselineValue: true,
      baselineDate: true,
      responsibleDepartmentId: true,
      version: true,
      result: { select: { id: true, code: true, titleEn: true, titleFr: true, pillar: { select: { code: true, nameEn: true, nameFr: true } } } },
      // The linked initiatives themselves: the form's list holds only the first 100, and a link must not be lost.
      initiatives: { where: { initiative: { archivedAt: null } }, select: { initiative: { select: { id: true, code: true, titleEn: true, titleFr: true } } }, orderBy: { initiativeId: "asc" } },
    },
  });
  if (!row) return null;
  const { initiatives, baselineValue, ...rest } = row;
  return { ...rest, baselineValue: num(baselineValue), initiatives: initiatives.map((link) => link.initiative), initiativeIds: initiatives.map((link) => link.initiative.id) };
}

/**
 * How many indicators not met the briefing lists per pillar (the counts cover them all; "and N more" says the
 * rest): few enough that a pillar's briefing still prints on one page with its other blocks, in French too.
 */
export const BRIEFING_NOT_MET_LIMIT = 3;

/**
 * The results of the briefing view (issue 18, point 6): per active pillar, the indicators by status and those not
 * met (target, actual, explanation), the first by code. `department` (an acronym, as the briefing's filter) keeps
 * the indicators that department is responsible for. A fixed number of statements whatever the data (the flat
 * statuses, then the rows of those listed).
 */
export async function getResultsBriefing(user: SessionUser, { department = null }: { department?: string | null } = {}) {
  requirePermission(user, "portal.read");
  const context = await statusContext();
  const [pillars, statuses] = await Promise.all([
    db.pillar.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { id: true, code: true } }),
    headlineStatuses(context, department),
  ]);
  const perPillar = pillars.map((pillar) => {
    const mine = statuses.filter((indicator) => indicator.pillarId === pillar.id);
    const notMet = mine.filter((indicator) => indicator.status === "NOT_MET");
    return { pillar, mine, notMet };
  });
  // The rows of those listed (at most BRIEFING_NOT_MET_LIMIT per pillar), as the pages read them.
  const listed = perPillar.flatMap(({ notMet }) => notMet.slice(0, BRIEFING_NOT_MET_LIMIT).map((indicator) => indicator.id));
  const rows = listed.length ? await db.indicator.findMany({ where: { id: { in: listed } }, orderBy: { code: "asc" }, select: indicatorSelect }) : [];
  const views = new Map(rows.map((row) => [row.id, indicatorView(row, context)]));
  return new Map(
    perPillar.map(({ pillar, mine, notMet }) => [
      pillar.code,
      {
        counts: countStatuses(mine.map((indicator) => indicator.status)),
        total: mine.length,
        notMet: notMet.slice(0, BRIEFING_NOT_MET_LIMIT).flatMap((indicator) => views.get(indicator.id) ?? []),
        notMetMore: Math.max(0, notMet.length - BRIEFING_NOT_MET_LIMIT),
      },
    ]),
  );
}
export type BriefingResults = NonNullable<ReturnType<Awaited<ReturnType<typeof getResultsBriefing>>["get"]>>;

/**
 * The results table to download (issue 19, point 2: "the results" of issue 18, point 5): every active pillar (or
 * one, by code), each expected result and its indicators with the year reported on, its target, actual, status
 * and explanation, as the pillar pages show them; `department` (an acronym) keeps the indicators it is responsible
 * for. Null when the pillar asked for does not exist. Two statements whatever the data.
 */
export async function listResultsTable(user: SessionUser, { pillar = null, department = null }: { pillar?: string | null; department?: string | null } = {}) {
  requirePermission(user, "export.read");
  const indicatorWhere: Prisma.IndicatorWhereInput = department ? { archivedAt: null, responsibleDepartment: { acronymEn: { equals: department, mode: "insensitive" } } } : { archivedAt: null };
  const [context, pillars] = await Promise.all([
    statusContext(),
    db.pillar.findMany({
      where: pillar ? { active: true, code: pillar } : { active: true },
      orderBy: { sortOrder: "asc" },
      select: {
        code: true,
        nameEn: true,
        nameFr: true,
        expectedResults: {
          where: { archivedAt: null },
          orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
          select: { code: true, level: true, titleEn: true, titleFr: true, indicators: { where: indicatorWhere, orderBy: { code: "asc" }, select: indicatorSelect } },
        },
      },
    }),
  ]);
  if (pillar && pillars.length === 0) return null;
  return pillars.flatMap((p) =>
    p.expectedResults.flatMap((result) =>
      result.indicators.map((row) => ({
        pillar: { code: p.code, nameEn: p.nameEn, nameFr: p.nameFr },
        result: { code: result.code, level: result.level, titleEn: result.titleEn, titleFr: result.titleFr },
        indicator: indicatorView(row, context),
      })),
    ),
  );
}

/** An update call's actuals matrix to download: null for an unknown call or one that asks for no actuals. */
export async function getCallResultsForExport(user: SessionUser, callId: string) {
  requirePermission(user, "export.read");
  if (!isUuid(callId)) return null;
  const call = await db.updateCall.findUnique({ where: { id: callId }, select: { reportingPeriod: true, resultsFiscalYear: true } });
  if (!call || call.resultsFiscalYear === null) return null;
  return { reportingPeriod: call.reportingPeriod, matrix: await getCallResultsMatrix(user, call.resultsFiscalYear) };
}

/**
 * Indicators whose latest actual missed its target (issue 18, point 6: the agenda builder's suggestions), first by
 * code, at most `limit`, leaving out those already on the meeting's agenda (an item whose title starts with the
 * indicator's code: agenda items link initiatives and action items, not indicators yet). Two statements whatever
 * the data: SQL picks candidates by a condition every "not met" satisfies (the latest current actual lies outside
 * its year's target: below the minimum or above the maximum), then the one rule (lib/results/status.ts) decides
 * on their rows, so no SQL copy of the rule exists. `more` when there were more candidates than looked at.
 */
export async function listMissedIndicators(user: SessionUser, { meetingId = null, limit = 10 }: { meetingId?: string | null; limit?: number } = {}) {
  requirePermission(user, "portal.read");
  const look = limit * 3;
  const candidates = await db.$queryRaw<{ id: string; fiscal_year: number }[]>`
    SELECT ind.id::text AS id, latest.fiscal_year
      FROM indicators ind
      JOIN expected_results er ON er.id = ind.result_id AND er.archived_at IS NULL
      JOIN pillars pl ON pl.id = er.pillar_id AND pl.active
      CROSS JOIN LATERAL (
        SELECT a.fiscal_year, a.value FROM indicator_actuals a
         WHERE a.indicator_id = ind.id AND a.value IS NOT NULL AND NOT EXISTS (SELECT 1 FROM indicator_actuals c WHERE c.corrects_id = a.id)
         ORDER BY a.fiscal_year DESC, a.quarter DESC NULLS FIRST, a.created_at DESC LIMIT 1) latest
      JOIN indicator_targets t ON t.indicator_id = ind.id AND t.fiscal_year = latest.fiscal_year AND t.archived_at IS NULL AND t.target_type <> 'NARRATIVE'
     WHERE ind.archived_at IS NULL
       AND ((t.min_value IS NOT NULL AND latest.value < t.min_value) OR (t.max_value IS NOT NULL AND latest.value > t.max_value))
       AND (${meetingId}::uuid IS NULL OR NOT EXISTS (
             SELECT 1 FROM agenda_items ai WHERE ai.meeting_id = ${meetingId}::uuid AND ai.deleted_at IS NULL
                AND (left(ai.title_en, length(ind.code) + 1) = ind.code || ' ' OR left(ai.title_fr, length(ind.code) + 1) = ind.code || ' ')))
     ORDER BY ind.code
     LIMIT ${look + 1}`;
  if (candidates.length === 0) return { indicators: [], more: false };
  const yearOf = new Map(candidates.slice(0, look).map((row) => [row.id, row.fiscal_year]));
  const [context, rows] = await Promise.all([statusContext(), db.indicator.findMany({ where: { id: { in: [...yearOf.keys()] } }, orderBy: { code: "asc" }, select: indicatorSelect })]);
  const missed = rows
    .map((row) => {
      const view = indicatorView(row, context);
      return { ...view, missed: view.series.find((point) => point.fiscalYear === yearOf.get(row.id)) ?? null };
    })
    .filter((indicator) => indicator.missed?.status === "NOT_MET");
  return { indicators: missed.slice(0, limit), more: missed.length > limit || candidates.length > look };
}

/** An indicator's figures of one fiscal year, in both languages (the annual report, the Treasury Board table). */
export type FiscalYearIndicator = {
  id: string;
  code: string;
  nameEn: string;
  nameFr: string;
  departmentId: string;
  departmentEn: string;
  departmentFr: string;
  targetEn: string | null;
  targetFr: string | null;
  achieveBy: string | null;
  actualEn: string | null;
  actualFr: string | null;
  explanationEn: string | null;
  explanationFr: string | null;
  status: ResultStatus | null;
};

/**
 * The results framework as it stood for one fiscal year (issue 19.4 and 19.5): per active pillar, each expected
 * result with the indicators that have a target or an actual that year, the target and the current actual in words
 * (both languages), the month to achieve it by, the status by the one rule, and the explanation where there is one.
 * Two statements whatever the data.
 */
export async function getFiscalYearResults(user: SessionUser, fiscalYear: number) {
  requirePermission(user, "portal.read");
  const [context, pillars] = await Promise.all([
    statusContext(),
    db.pillar.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: {
        id: true,
        code: true,
        nameEn: true,
        nameFr: true,
        expectedResults: {
          where: { archivedAt: null },
          orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
          select: { id: true, code: true, titleEn: true, titleFr: true, indicators: { where: { archivedAt: null }, orderBy: { code: "asc" }, select: indicatorSelect } },
        },
      },
    }),
  ]);
  const actualText = (point: YearPoint, unit: IndicatorRow["unit"], locale: "en" | "fr") => {
    const actual = point.actual;
    if (!actual) return null;
    if (actual.value !== null) return formatFigure(actual.value, unit, locale);
    return (locale === "fr" ? (actual.narrativeFr ?? actual.narrativeEn) : (actual.narrativeEn ?? actual.narrativeFr)) ?? null;
  };
  return pillars.map(({ expectedResults, ...pillar }) => ({
    ...pillar,
    results: expectedResults
      .map(({ indicators, ...result }) => ({
        ...result,
        indicators: indicators.flatMap((row): FiscalYearIndicator[] => {
          const point = indicatorView(row, context).series.find((candidate) => candidate.fiscalYear === fiscalYear);
          if (!point) return [];
          return [
            {
              id: row.id,
              code: row.code,
              nameEn: row.nameEn,
              nameFr: row.nameFr,
              departmentId: row.responsibleDepartmentId,
              departmentEn: row.responsibleDepartment.acronymEn,
              departmentFr: row.responsibleDepartment.acronymFr,
              targetEn: point.target ? targetText(point.target, row.unit, "en") : null,
              targetFr: point.target ? targetText(point.target, row.unit, "fr") : null,
              achieveBy: point.target ? achieveByText(point.target) : null,
              actualEn: actualText(point, row.unit, "en"),
              actualFr: actualText(point, row.unit, "fr"),
              explanationEn: point.actual?.explanationEn ?? null,
              explanationFr: point.actual?.explanationFr ?? null,
              status: point.status,
            },
          ];
        }),
      }))
      .filter((result) => result.indicators.length > 0),
  }));
}
