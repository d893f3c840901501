import { healthSeverityOf, type HealthLevel } from "@/lib/kernel/rules";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import type { DashboardScope } from "@/lib/dashboard/filters";
import {
  getDashboard,
  getDepartmentPillarMatrix,
  getFundingByYear,
  getHealthTrend,
  getNeedsAttention,
  getOverdueByDepartment,
  getPillarTiles,
  getSecurityMarking,
  listPillarInitiatives,
} from "@/lib/dashboard/queries";

/*
 * Every figure the dashboard shows, checked against SQL written independently here: correlated subqueries and
 * plain rows instead of the data layer's CTEs, GROUP BY and window functions. The seed is the data, plus a pillar
 * this file adds (and removes) to show that a new pillar appears without a code change.
 */

const reader: SessionUser = {
  id: "00000000-0000-0000-0000-000000000000",
  email: "executive@iwgtip.example",
  displayName: "Reader",
  role: "EXECUTIVE",
  departmentId: null,
  departmentAcronym: null,
  language: "en",
};

const all: DashboardScope = { fiscalYear: null, department: null, pillar: null };
const severity = (health: string | null) => healthSeverityOf(health as HealthLevel | null);

async function latestFiscalYear(): Promise<number | null> {
  const [row] = await db.$queryRaw<{ year: number | null }[]>`SELECT max(fiscal_year) AS year FROM funding_lines WHERE deleted_at IS NULL`;
  return row?.year ?? null;
}

/** Independent: one correlated subquery per figure, per pillar. */
async function expectedTiles(fiscalYear: number | null, department: string | null) {
  return db.$queryRaw<
    { code: string; total: number; green: number; amber: number; red: number; unrated: number; avg: number | null; allocated: bigint; spent: bigint }[]
  >`
    SELECT p.code,
      (SELECT count(*)::int FROM initiatives i JOIN departments d ON d.id = i.lead_department_id
        WHERE i.primary_pillar_id = p.id AND i.archived_at IS NULL AND (${department}::text IS NULL OR lower(d.acronym_en::text) = lower(${department}))) AS total,
      (SELECT count(*)::int FROM initiatives i JOIN departments d ON d.id = i.lead_department_id
        WHERE i.primary_pillar_id = p.id AND i.archived_at IS NULL AND i.health = 'GREEN' AND (${department}::text IS NULL OR lower(d.acronym_en::text) = lower(${department}))) AS green,
      (SELECT count(*)::int FROM initiatives i JOIN departments d ON d.id = i.lead_department_id
        WHERE i.primary_pillar_id = p.id AND i.archived_at IS NULL AND i.health = 'AMBER' AND (${department}::text IS NULL OR lower(d.acronym_en::text) = lower(${department}))) AS amber,
      (SELECT count(*)::int FROM initiatives i JOIN departments d ON d.id = i.lead_department_id
        WHERE i.primary_pillar_id = p.id AND i.archived_at IS NULL AND i.health = 'RED' AND (${department}::text IS NULL OR lower(d.acronym_en::text) = lower(${department}))) AS red,
      (SELECT count(*)::int FROM initiatives i JOIN departments d ON d.id = i.lead_department_id
        WHERE i.primary_pillar_id = p.id AND i.archived_at IS NULL AND i.health IS NULL AND (${department}::text IS NULL OR lower(d.acronym_en::text) = lower(${department}))) AS unrated,
      (SELECT round(sum(i.progress)::numeric / nullif(count(*), 0))::int FROM initiatives i JOIN departments d ON d.id = i.lead_department_id
        WHERE i.primary_pillar_id = p.id AND i.archived_at IS NULL AND (${department}::text IS NULL OR lower(d.acronym_en::text) = lower(${department}))) AS avg,
      (SELECT COALESCE(sum(f.allocated_cents), 0)::bigint FROM funding_lines f JOIN initiatives i ON i.id = f.initiative_id JOIN departments d ON d.id = i.lead_department_id
        WHERE i.primary_pillar_id = p.id AND i.archived_at IS NULL AND f.deleted_at IS NULL AND f.fiscal_year = ${fiscalYear}::int
          AND (${department}::text IS NULL OR lower(d.acronym_en::text) = lower(${department}))) AS allocated,
      (SELECT COALESCE(sum(f.spent_cents), 0)::bigint FROM funding_lines f JOIN initiatives i ON i.id = f.initiative_id JOIN departments d ON d.id = i.lead_department_id
        WHERE i.primary_pillar_id = p.id AND i.archived_at IS NULL AND f.deleted_at IS NULL AND f.fiscal_year = ${fiscalYear}::int
          AND (${department}::text IS NULL OR lower(d.acronym_en::text) = lower(${department}))) AS spent
    FROM pillars p WHERE p.active ORDER BY p.sort_order, p.code`;
}

async function compareTiles(scope: DashboardScope) {
  const tiles = await getPillarTiles(reader, scope);
  const year = scope.fiscalYear ?? (await latestFiscalYear());
  const expected = await expectedTiles(year, scope.department);
  expect(tiles.map((tile) => tile.code)).toEqual(expected.map((row) => row.code));
  for (const [index, tile] of tiles.entries()) {
    const row = expected[index]!;
    expect({ total: tile.total, green: tile.green, amber: tile.amber, red: tile.red, unrated: tile.unrated }, tile.code).toEqual({
      total: row.total,
      green: row.green,
      amber: row.amber,
      red: row.red,
      unrated: row.unrated,
    });
    expect(tile.averageProgress, tile.code).toBe(row.avg);
    expect(tile.fiscalYear).toBe(year);
    expect(tile.allocatedCents, tile.code).toBe(row.allocated);
    expect(tile.spentCents, tile.code).toBe(row.spent);
  }
  return tiles;
}

describe("dashboard figures", () => {
  it("gives a tile per active pillar whose counts, progress and funding equal independent SQL", async () => {
    const tiles = await compareTiles(all);
    expect(tiles.map((tile) => tile.code)).toEqual(expect.arrayContaining(["PREVENTION", "PROTECTION", "PROSECUTION", "PARTNERSHIPS"]));
    expect(tiles.reduce((sum, tile) => sum + tile.total, 0)).toBeGreaterThan(0);
    expect(tiles.some((tile) => tile.allocatedCents > 0n)).toBe(true);
  });

  it("scopes the tiles to a fiscal year and a lead department (acronym in any case)", async () => {
    const [{ year } = { year: 2007 }] = await db.$queryRaw<{ year: number }[]>`SELECT min(fiscal_year) AS year FROM funding_lines WHERE deleted_at IS NULL`;
    await compareTiles({ fiscalYear: year, department: null, pillar: null });
    const rcmp = await compareTiles({ fiscalYear: year, department: "rcmp", pillar: null });
    expect(rcmp.reduce((sum, tile) => sum + tile.total, 0)).toBeGreaterThan(0);
    const nowhere = await compareTiles({ fiscalYear: 1901, department: null, pillar: null });
    expect(nowhere.every((tile) => tile.allocatedCents === 0n)).toBe(true);
  });

  it("fills the department × pillar matrix with the count and worst health of each cell", async () => {
    const cells = await getDepartmentPillarMatrix(reader, all);
    const expected = await db.$queryRaw<{ acronym: string; code: string; count: number; healths: (string | null)[] }[]>`
      SELECT d.acronym_en::text AS acronym, p.code,
        (SELECT count(*)::int FROM initiatives i WHERE i.lead_department_id = d.id AND i.primary_pillar_id = p.id AND i.archived_at IS NULL) AS count,
        ARRAY(SELECT i.health::text FROM initiatives i WHERE i.lead_department_id = d.id AND i.primary_pillar_id = p.id AND i.archived_at IS NULL) AS healths
      FROM departments d, pillars p WHERE d.active AND p.active`;
    expect(cells).toHaveLength(expected.length);
    for (const row of expected) {
      const cell = cells.find((candidate) => candidate.acronymEn === row.acronym && candidate.pillarCode === row.code);
      const worst = row.healths.reduce<string | null>((current, health) => (severity(health) > severity(current) ? health : current), null);
      expect({ count: cell?.count, worst: cell?.worstHealth ?? null }, `${row.acronym} × ${row.code}`).toEqual({ count: row.count, worst });
    }
    expect(cells.some((cell) => cell.count > 0 && cell.worstHealth !== null)).toBe(true);
  });

  it("draws the health trend from each initiative's last update of each reporting period", async () => {
    const trend = await getHealthTrend(reader, all);
    // Independent: the raw history, reduced here.
    const updates = await db.$queryRaw<{ initiative: string; period: string; health: string; at: Date; id: string }[]>`
      SELECT su.initiative_id::text AS initiative, su.reporting_period AS period, su.health::text AS health, su.created_at AS at, su.id::text AS id
      FROM status_updates su JOIN initiatives i ON i.id = su.initiative_id JOIN pillars p ON p.id = i.primary_pillar_id
      WHERE i.archived_at IS NULL AND p.active`;
    const last = new Map<string, (typeof updates)[number]>();
    for (const update of updates) {
      const key = `${update.initiative}|${update.period}`;
      const seen = last.get(key);
      if (!seen || update.at > seen.at || (update.at.getTime() === seen.at.getTime() && update.id > seen.id)) last.set(key, update);
    }
    const expected = new Map<string, { green: number; amber: number; red: number }>();
    for (const update of last.values()) {
      const point = expected.get(update.period) ?? { green: 0, amber: 0, red: 0 };
      point[update.health.toLowerCase() as "green" | "amber" | "red"] += 1;
      expected.set(update.period, point);
    }
    const periods = [...expected.keys()].sort();
    expect(trend.map((point) => point.reportingPeriod)).toEqual(periods);
    for (const point of trend) expect({ green: point.green, amber: point.amber, red: point.red }, point.reportingPeriod).toEqual(expected.get(point.reportingPeriod));
    expect(trend.length).toBeGreaterThan(1);
  });

  it("sums funding by fiscal year and pillar, with every year and pillar present", async () => {
    const funding = await getFundingByYear(reader, all);
    const expected = await db.$queryRaw<{ year: number; code: string; allocated: bigint; spent: bigint }[]>`
      SELECT y.year, p.code,
        (SELECT COALESCE(sum(f.allocated_cents), 0)::bigint FROM funding_lines f JOIN initiatives i ON i.id = f.initiative_id
          WHERE f.fiscal_year = y.year AND f.deleted_at IS NULL AND i.archived_at IS NULL AND i.primary_pillar_id = p.id) AS allocated,
        (SELECT COALESCE(sum(f.spent_cents), 0)::bigint FROM funding_lines f JOIN initiatives i ON i.id = f.initiative_id
          WHERE f.fiscal_year = y.year AND f.deleted_at IS NULL AND i.archived_at IS NULL AND i.primary_pillar_id = p.id) AS spent
      FROM (SELECT DISTINCT fiscal_year AS year FROM funding_lines WHERE deleted_at IS NULL) y, pillars p WHERE p.active`;
    expect(funding).toHaveLength(expected.length);
    for (const row of expected) {
      const cell = funding.find((candidate) => candidate.fiscalYear === row.year && candidate.pillarCode === row.code);
      expect({ allocated: cell?.allocatedCents, spent: cell?.spentCents }, `${row.year} ${row.code}`).toEqual({ allocated: row.allocated, spent: row.spent });
    }
    const years = funding.map((cell) => cell.fiscalYear);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it("counts overdue action items per department as of today in Toronto", async () => {
    const overdue = await getOverdueByDepartment(reader, all);
    const expected = await db.$queryRaw<{ acronym: string; overdue: number }[]>`
      SELECT d.acronym_en::text AS acronym,
        (SELECT count(*)::int FROM action_items a WHERE a.owner_department_id = d.id AND a.status IN ('OPEN', 'IN_PROGRESS')
          AND a.due_date < (timezone('America/Toronto', now()))::date) AS overdue
      FROM departments d`;
    const nonZero = expected.filter((row) => row.overdue > 0);
    expect(Object.fromEntries(overdue.map((row) => [row.acronymEn, row.overdue]))).toEqual(Object.fromEntries(nonZero.map((row) => [row.acronym, row.overdue])));
    // The seed makes items overdue relative to the day it ran.
    expect(nonZero.length).toBeGreaterThan(0);
    const counts = overdue.map((row) => row.overdue);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("lists what needs attention: RED now, or worse than at the last held meeting", async () => {
    const attention = await getNeedsAttention(reader, all);
    const [meeting] = await db.$queryRaw<{ id: string; starts: Date }[]>`
      SELECT id::text, starts_at AS starts FROM meetings WHERE agenda_status = 'HELD' ORDER BY starts_at DESC LIMIT 1`;
    expect(attention.lastMeeting?.id).toBe(meeting?.id);
    const rows = await db.$queryRaw<{ code: string; health: string | null; before: string | null }[]>`
      SELECT i.code, i.health::text AS health,
        (SELECT su.health::text FROM status_updates su WHERE su.initiative_id = i.id AND su.created_at <= ${meeting?.starts ?? null}::timestamptz
          ORDER BY su.created_at DESC, su.id DESC LIMIT 1) AS before
      FROM initiatives i JOIN pillars p ON p.id = i.primary_pillar_id WHERE i.archived_at IS NULL AND p.active`;
    const expected = rows.filter((row) => row.health === "RED" || (row.before !== null && severity(row.health) > severity(row.before)));
    expect(attention.items.map((item) => item.code).sort()).toEqual(expected.map((row) => row.code).sort());
    for (const item of attention.items) {
      const row = expected.find((candidate) => candidate.code === item.code)!;
      expect(item.red).toBe(row.health === "RED");
      expect(item.healthAtMeeting).toBe(row.before);
    }
    expect(attention.items.length).toBeGreaterThan(0);
  });

  it("reads the security marking from the settings, in both languages", async () => {
    const [row] = await db.$queryRaw<{ en: string; fr: string }[]>`SELECT value ->> 'en' AS en, value ->> 'fr' AS fr FROM settings WHERE key = 'securityMarking'`;
    expect(await getSecurityMarking()).toBe(`${row?.en} / ${row?.fr}`);
  });
});

describe("a pillar an administrator adds", () => {
  const code = `TEST_${randomUUID().slice(0, 8).toUpperCase().replace(/-/g, "")}`;
  const initiativeCode = `T-${randomUUID().slice(0, 8).toUpperCase()}`;
  let pillarId = "";
  let initiativeId = "";

  beforeAll(async () => {
    const department = await db.department.findFirstOrThrow({ where: { acronymEn: "RCMP" }, select: { id: true } });
    const pillar = await db.pillar.create({
      data: { code, nameEn: "Empowerment (test)", nameFr: "Autonomisation (test)", descriptionEn: "Test.", descriptionFr: "Essai.", colour: "#333333", sortOrder: 99 },
    });
    pillarId = pillar.id;
    const initiative = await db.initiative.create({
      data: {
        code: initiativeCode,
        titleEn: "Test initiative",
        titleFr: "Initiative d'essai",
        leadDepartmentId: department.id,
        primaryPillarId: pillar.id,
        status: "ACTIVE",
        health: "RED",
        progress: 40,
      },
    });
    initiativeId = initiative.id;
    await db.fundingLine.create({ data: { initiativeId, source: "Test fund", fiscalYear: 2007, allocatedCents: 100_000_00n, spentCents: 25_000_00n } });
  });

  afterAll(async () => {
    await db.fundingLine.deleteMany({ where: { initiativeId } });
    await db.initiative.deleteMany({ where: { id: initiativeId } });
    await db.pillar.deleteMany({ where: { id: pillarId } });
  });

  it("appears in every block of the dashboard with no code change", async () => {
    const data = await getDashboard(reader, { fiscalYear: 2007, department: null, pillar: null });
    const tile = data.tiles.find((candidate) => candidate.code === code);
    expect(tile).toMatchObject({ total: 1, red: 1, averageProgress: 40, allocatedCents: 100_000_00n, spentCents: 25_000_00n });
    expect(data.matrix.find((cell) => cell.pillarCode === code && cell.acronymEn === "RCMP")).toMatchObject({ count: 1, worstHealth: "RED" });
    expect(data.funding.find((cell) => cell.pillarCode === code && cell.fiscalYear === 2007)?.allocatedCents).toBe(100_000_00n);
    expect(data.attention.items.map((item) => item.code)).toContain(initiativeCode);
    await compareTiles({ fiscalYear: 2007, department: null, pillar: null });
  });

  it("has its own pillar scope with its initiatives", async () => {
    const scope = { fiscalYear: null, department: null, pillar: code };
    expect((await getPillarTiles(reader, scope)).map((tile) => tile.code)).toEqual([code]);
    expect((await listPillarInitiatives(reader, scope)).map((initiative) => initiative.code)).toEqual([initiativeCode]);
    expect(new Set((await getDepartmentPillarMatrix(reader, scope)).map((cell) => cell.pillarCode))).toEqual(new Set([code]));
  });

  it("disappears when deactivated", async () => {
    await db.pillar.update({ where: { id: pillarId }, data: { active: false } });
    try {
      const tiles = await getPillarTiles(reader, all);
      expect(tiles.map((tile) => tile.code)).not.toContain(code);
      expect(await getPillarTiles(reader, { ...all, pillar: code })).toEqual([]);
    } finally {
      await db.pillar.update({ where: { id: pillarId }, data: { active: true } });
    }
  });
});
