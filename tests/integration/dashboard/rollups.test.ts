import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionItem, updateActionItemStatus } from "@/lib/action-items/commands";
import type { SessionUser } from "@/lib/auth/types";
import { createDatabaseClient, db, type DatabaseHandles } from "@/lib/db";
import type { DashboardScope } from "@/lib/dashboard/filters";
import { ATTENTION_PER_PILLAR, getDashboard, getNeedsAttention, listNeedsAttention } from "@/lib/dashboard/queries";
import {
  addFundingLine,
  archiveInitiative,
  createInitiative,
  postStatusUpdate,
  removeFundingLine,
  updateFundingLine,
  updateInitiative,
} from "@/lib/initiatives/commands";
import { recordAttendance } from "@/lib/meetings/attendance";
import { seed } from "@/prisma/seed";
import { fillScaleDatabase } from "../../../bench/scale-data";
import { departmentId, pillarId, sessionUser } from "../../support/database";
import { createTemporaryDatabase, type TemporaryDatabase } from "../db/temporary-database";
import { initiativeInput } from "../initiatives/support";
import { daysFromToday, makeMeeting } from "../meetings/support";
import { oracleDashboard, type OracleAttentionItem } from "./oracle";

/*
 * The roll-ups (migration dashboard_rollups) against the base tables: after every kind of change, made through the
 * real commands (or, for what no command does yet, plain SQL, which the triggers see the same way), every figure the
 * dashboard shows equals the figure the pre-roll-up SQL (./oracle.ts) computes from the base rows, for several scopes,
 * and the roll-up tables equal what dashboard_rebuild() recomputes. A property test then runs random sequences of
 * commands. Runs in a database of its own (seeded), since it changes pillars, departments and meetings.
 */

const globalForDb = globalThis as typeof globalThis & { __iwgtipDatabase?: DatabaseHandles };
let database: TemporaryDatabase;
let handles: DatabaseHandles;
let coordinator: SessionUser;

beforeAll(async () => {
  database = await createTemporaryDatabase();
  await seed(database.url, { log: () => {} });
  handles = createDatabaseClient(database.url);
  globalForDb.__iwgtipDatabase = handles;
  coordinator = await sessionUser("coordinator@iwgtip.example");
}, 120_000);

afterAll(async () => {
  delete globalForDb.__iwgtipDatabase;
  await handles?.client.$disconnect();
  await handles?.pool.end();
  await database?.drop();
});

/** JSON with bigints and dates spelled out, so figures compare whatever way they came back. */
const plain = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as unknown;

const scopes = async (): Promise<DashboardScope[]> => {
  const [year] = await db.$queryRaw<{ year: number | null }[]>`SELECT min(fiscal_year) AS year FROM funding_lines WHERE deleted_at IS NULL`;
  return [
    { fiscalYear: null, department: null, pillar: null },
    { fiscalYear: null, department: "JUS", pillar: null },
    { fiscalYear: null, department: "rcmp", pillar: null },
    { fiscalYear: year?.year ?? 2026, department: null, pillar: null },
    { fiscalYear: null, department: null, pillar: "PREVENTION" },
    { fiscalYear: null, department: "PSEPC", pillar: "PROTECTION" },
    { fiscalYear: null, department: "NOPE", pillar: null },
  ];
};

/** The bounded list the dashboard shows: each pillar's first items of the full list, in its order. */
function firstOfEachPillar(items: OracleAttentionItem[]): OracleAttentionItem[] {
  const shown = new Map<string, number>();
  return items.filter((item) => {
    const count = shown.get(item.pillarCode) ?? 0;
    shown.set(item.pillarCode, count + 1);
    return count < ATTENTION_PER_PILLAR;
  });
}

const reader = (): SessionUser => coordinator;

async function expectDashboardMatchesOracle(scope: DashboardScope) {
  const [data, oracle, full] = await Promise.all([getDashboard(reader(), scope), oracleDashboard(scope), listNeedsAttention(reader(), scope, { limit: null, offset: 0 })]);
  const label = JSON.stringify(scope);
  expect(plain(data.tiles), `tiles ${label}`).toEqual(plain(oracle.tiles));
  expect(plain(data.matrix), `matrix ${label}`).toEqual(plain(oracle.matrix));
  expect(plain(data.trend), `trend ${label}`).toEqual(plain(oracle.trend));
  expect(plain(data.funding), `funding ${label}`).toEqual(plain(oracle.funding));
  expect(plain(data.overdue), `overdue ${label}`).toEqual(plain(oracle.overdue));
  expect(plain(full), `attention list ${label}`).toEqual(plain(oracle.attention));
  const attention = data.attention;
  expect(plain(attention.items), `attention shown ${label}`).toEqual(plain(firstOfEachPillar(oracle.attention)));
  expect({ total: attention.total, red: attention.red, worsened: attention.worsened }, `attention counts ${label}`).toEqual({
    total: oracle.attention.length,
    red: oracle.attention.filter((item) => item.red).length,
    worsened: oracle.attention.filter((item) => item.worsened).length,
  });
  const perPillar: Record<string, number> = {};
  for (const item of oracle.attention) perPillar[item.pillarCode] = (perPillar[item.pillarCode] ?? 0) + 1;
  expect(attention.perPillar, `attention per pillar ${label}`).toEqual(perPillar);
  expect(plain(await getNeedsAttention(reader(), scope)), `attention alone ${label}`).toEqual(plain(attention));
}

/** Every roll-up table's rows (zero rows left out: the triggers keep them, a rebuild does not make them). */
async function rollupContents() {
  const [period, meetingStart, meeting, counts, funding, trend, actions] = await Promise.all([
    db.$queryRaw`SELECT initiative_id, reporting_period, health::text FROM dashboard_period_health ORDER BY 1, 2`,
    db.$queryRaw`SELECT starts_at FROM dashboard_snapshot_meeting`,
    db.$queryRaw`SELECT initiative_id, health::text FROM dashboard_meeting_health ORDER BY 1`,
    db.$queryRaw`SELECT * FROM dashboard_initiative_counts WHERE initiatives <> 0 OR progress_sum <> 0 ORDER BY 1, 2, 3, 4`,
    db.$queryRaw`SELECT * FROM dashboard_funding_sums WHERE lines <> 0 OR allocated_cents <> 0 OR spent_cents <> 0 ORDER BY 1, 2, 3, 4`,
    db.$queryRaw`SELECT reporting_period, lead_department_id, primary_pillar_id, health::text, initiatives FROM dashboard_trend_counts WHERE initiatives <> 0 ORDER BY 1, 2, 3, 4`,
    db.$queryRaw`SELECT * FROM dashboard_open_actions WHERE items <> 0 ORDER BY 1, 2, 3`,
  ]);
  return plain({ period, meetingStart, meeting, counts, funding, trend, actions });
}

/** The roll-ups the triggers kept equal what dashboard_rebuild() recomputes from the base tables. */
async function expectRollupsEqualRebuild() {
  const kept = await rollupContents();
  await db.$executeRaw`SELECT dashboard_rebuild()`;
  expect(kept).toEqual(await rollupContents());
}

async function expectConsistent() {
  await expectRollupsEqualRebuild();
  for (const scope of await scopes()) await expectDashboardMatchesOracle(scope);
}

async function newInitiative(lead: string, pillar = "PREVENTION") {
  const result = await createInitiative(coordinator, await initiativeInput(lead, { primaryPillarId: await pillarId(pillar), partnerDepartmentIds: [] }));
  if (!result.ok) throw new Error(`createInitiative: ${JSON.stringify(result)}`);
  return result.data.id;
}

async function version(id: string) {
  return (await db.initiative.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

async function post(initiativeId: string, health: "GREEN" | "AMBER" | "RED", reportingPeriod = "2026-27 Q2", progress = 40) {
  const result = await postStatusUpdate(coordinator, { initiativeId, reportingPeriod, health, progress: String(progress), narrativeEn: "Update.", narrativeFr: "" });
  if (!result.ok) throw new Error(`postStatusUpdate: ${JSON.stringify(result)}`);
}

async function move(id: string, lead: string, pillar: string) {
  const result = await updateInitiative(coordinator, {
    id,
    version: await version(id),
    ...(await initiativeInput(lead, { primaryPillarId: await pillarId(pillar), partnerDepartmentIds: [] })),
  });
  if (!result.ok) throw new Error(`updateInitiative: ${JSON.stringify(result)}`);
}

describe("dashboard roll-ups", () => {
  it("hold the same figures as the base tables after the seed and the migration's backfill", async () => {
    await expectConsistent();
  });

  it("stay equal to the base tables after every kind of change", async () => {
    // A new initiative, updates in two periods (the later one of a period wins), a change of lead and pillar.
    const first = await newInitiative("JUS", "PREVENTION");
    await expectConsistent();
    await post(first, "GREEN", "2026-27 Q1", 10);
    await post(first, "RED", "2026-27 Q2", 20);
    await post(first, "AMBER", "2026-27 Q2", 30);
    await expectConsistent();
    await move(first, "PSEPC", "PROTECTION");
    await expectConsistent();

    // Funding lines: added, edited (amount and fiscal year), soft-deleted.
    const added = await addFundingLine(coordinator, { initiativeId: first, source: "Rollup fund", fiscalYear: "2027", allocated: "1500.25", spent: "100", notes: "", locale: "en" });
    if (!added.ok) throw new Error(JSON.stringify(added));
    const line = await db.fundingLine.findFirstOrThrow({ where: { initiativeId: first, source: "Rollup fund" } });
    await expectConsistent();
    expect(await updateFundingLine(coordinator, { id: line.id, version: line.version, source: "Rollup fund", fiscalYear: "2026", allocated: "900", spent: "900", notes: "", locale: "en" })).toMatchObject({ ok: true });
    await expectConsistent();
    expect(await removeFundingLine(coordinator, { id: line.id, version: line.version + 1 })).toMatchObject({ ok: true });
    await expectConsistent();

    // Action items: created on an initiative, overdue (due date moved into the past), moved to another owner and
    // initiative, done, reopened.
    const created = await createActionItem(coordinator, {
      titleEn: "Follow up",
      titleFr: "Faire le suivi",
      ownerDepartmentId: await departmentId("JUS"),
      initiativeId: first,
      dueDate: daysFromToday(5),
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const item = await db.actionItem.findFirstOrThrow({ where: { initiativeId: first }, select: { id: true } });
    await db.$executeRaw`UPDATE action_items SET due_date = CURRENT_DATE - 20 WHERE id = ${item.id}::uuid`;
    await expectConsistent();
    const second = await newInitiative("RCMP", "PARTNERSHIPS");
    await db.$executeRaw`UPDATE action_items SET owner_department_id = ${await departmentId("CBSA")}::uuid, initiative_id = ${second}::uuid WHERE id = ${item.id}::uuid`;
    await expectConsistent();
    const itemVersion = async () => (await db.actionItem.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } })).version;
    expect(await updateActionItemStatus(coordinator, { id: item.id, status: "DONE", completionNote: "Done.", version: await itemVersion() })).toMatchObject({ ok: true });
    await expectConsistent();
    expect(await updateActionItemStatus(coordinator, { id: item.id, status: "IN_PROGRESS", version: await itemVersion() })).toMatchObject({ ok: true });
    await expectConsistent();

    // Archived (its funding, updates and action items leave the figures), then restored (no command yet: SQL).
    await post(second, "RED", "2026-27 Q1");
    expect(await archiveInitiative(coordinator, { id: second, version: await version(second) })).toMatchObject({ ok: true });
    await expectConsistent();
    await db.$executeRaw`UPDATE initiatives SET archived_at = NULL WHERE id = ${second}::uuid`;
    await expectConsistent();

    // A meeting is held (attendance recorded): "worsened" is judged against it from then on.
    await post(first, "GREEN", "2026-27 Q3");
    const meeting = await makeMeeting({ daysFromNow: -1 });
    await db.$executeRaw`UPDATE meetings SET starts_at = (SELECT max(created_at) FROM status_updates) + interval '1 millisecond',
      ends_at = now() + interval '1 hour' WHERE id = ${meeting.id}::uuid`;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const held = await recordAttendance(coordinator, { meetingId: meeting.id, entries: [{ departmentId: await departmentId("JUS"), status: "DELEGATE", delegateName: "A. Delegate" }] });
    expect(held, JSON.stringify(held)).toMatchObject({ ok: true });
    await expectConsistent();
    await post(first, "RED", "2026-27 Q3");
    await post(second, "AMBER", "2026-27 Q3");
    await expectConsistent();
    expect((await getNeedsAttention(reader(), { fiscalYear: null, department: null, pillar: null })).items.find((row) => row.id === first)).toMatchObject({ red: true, worsened: true, healthAtMeeting: "GREEN" });

    // The held meeting moves later: updates posted before its new start now count as its snapshot.
    await db.$executeRaw`UPDATE meetings SET starts_at = now() + interval '1 day', ends_at = now() + interval '2 days' WHERE id = ${meeting.id}::uuid`;
    await expectConsistent();
    // An update posted before the (moved) meeting changes the initiative's health at the meeting.
    await post(first, "GREEN", "2026-27 Q4");
    await expectConsistent();
    await db.$executeRaw`UPDATE meetings SET agenda_status = 'PUBLISHED' WHERE id = ${meeting.id}::uuid`;
    await expectConsistent();

    // Reference data: an inactive pillar and an inactive department leave the figures (joins, not roll-ups).
    await db.$executeRaw`UPDATE pillars SET active = false WHERE code = 'PROTECTION'`;
    await db.$executeRaw`UPDATE departments SET active = false WHERE acronym_en = 'PSEPC'`;
    await expectConsistent();
    await db.$executeRaw`UPDATE pillars SET active = true WHERE code = 'PROTECTION'`;
    await db.$executeRaw`UPDATE departments SET active = true WHERE acronym_en = 'PSEPC'`;
    await expectConsistent();
  }, 120_000);

  it("list the first initiatives of each pillar, count them all, and page through the rest in the same order", async () => {
    const many = ATTENTION_PER_PILLAR + 5;
    for (let index = 0; index < many; index++) {
      const id = await newInitiative(index % 2 === 0 ? "JUS" : "RCMP", "PARTNERSHIPS");
      await post(id, index % 3 === 0 ? "AMBER" : "RED", "2026-27 Q1");
    }
    await expectConsistent();
    const scope: DashboardScope = { fiscalYear: null, department: null, pillar: "PARTNERSHIPS" };
    const oracle = (await oracleDashboard(scope)).attention;
    const attention = await getNeedsAttention(reader(), scope);
    expect(oracle.length).toBeGreaterThan(ATTENTION_PER_PILLAR);
    expect(attention.items).toHaveLength(ATTENTION_PER_PILLAR);
    expect(attention.total).toBe(oracle.length);
    const pages: string[] = [];
    for (let offset = 0; offset < oracle.length; offset += 4) {
      pages.push(...(await listNeedsAttention(reader(), scope, { limit: 4, offset })).map((item) => item.id));
    }
    expect(pages).toEqual(oracle.map((item) => item.id));
  }, 120_000);

  it("stay equal to the base tables when updates, funding and action items are written at the same time", async () => {
    const ids = await Promise.all(["JUS", "RCMP", "CBSA", "JUS", "RCMP", "CBSA"].map((lead) => newInitiative(lead, "PROSECUTION")));
    const healths = ["GREEN", "AMBER", "RED"] as const;
    await Promise.all([
      ...ids.flatMap((id, index) => [0, 1, 2].map((round) => post(id, healths[(index + round) % 3]!, round === 2 ? "2026-27 Q4" : "2026-27 Q3", round * 10))),
      ...ids.map((id, index) => addFundingLine(coordinator, { initiativeId: id, source: `Concurrent ${index}`, fiscalYear: "2026", allocated: "10", spent: "1", notes: "", locale: "en" })),
      ...ids.map(async (id) => createActionItem(coordinator, { titleEn: "Together", titleFr: "Ensemble", ownerDepartmentId: await departmentId("HC"), initiativeId: id, dueDate: daysFromToday(2) })),
      move(ids[0]!, "HC", "PREVENTION"),
    ]);
    await expectConsistent();
  }, 120_000);

  it("stay equal to the base tables after random sequences of commands", async () => {
    const pool = [await newInitiative("JUS", "PREVENTION"), await newInitiative("RCMP", "PROTECTION"), await newInitiative("CBSA", "PROSECUTION")];
    const healths = ["GREEN", "AMBER", "RED"] as const;
    const periods = ["2026-27 Q1", "2026-27 Q2", "2027-28 Q1"];
    const leads = ["JUS", "RCMP", "CBSA", "PSEPC"];
    const pillars = ["PREVENTION", "PROTECTION", "PROSECUTION", "PARTNERSHIPS"];
    const step = fc.oneof(
      fc.record({ kind: fc.constant("post" as const), at: fc.nat(2), health: fc.constantFrom(...healths), period: fc.constantFrom(...periods), progress: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ kind: fc.constant("move" as const), at: fc.nat(2), lead: fc.constantFrom(...leads), pillar: fc.constantFrom(...pillars) }),
      fc.record({ kind: fc.constant("archive" as const), at: fc.nat(2) }),
      fc.record({ kind: fc.constant("restore" as const), at: fc.nat(2) }),
      fc.record({ kind: fc.constant("fund" as const), at: fc.nat(2), year: fc.integer({ min: 2025, max: 2027 }), dollars: fc.integer({ min: 0, max: 5000 }) }),
      fc.record({ kind: fc.constant("unfund" as const), at: fc.nat(2) }),
      fc.record({ kind: fc.constant("action" as const), at: fc.nat(2), owner: fc.constantFrom(...leads), days: fc.integer({ min: -30, max: 30 }) }),
      fc.record({ kind: fc.constant("close" as const), status: fc.constantFrom("DONE", "CANCELLED", "OPEN") }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const action of steps) {
          if (action.kind === "close") {
            const item = await db.actionItem.findFirst({ where: { titleEn: "Random" }, orderBy: { createdAt: "desc" }, select: { id: true, version: true } });
            if (item) await updateActionItemStatus(coordinator, { id: item.id, status: action.status, completionNote: "Closed.", version: item.version });
            continue;
          }
          const id = pool[action.at]!;
          const archived = (await db.initiative.findUniqueOrThrow({ where: { id }, select: { archivedAt: true } })).archivedAt !== null;
          switch (action.kind) {
            case "post":
              if (!archived) await post(id, action.health, action.period, action.progress);
              break;
            case "move":
              if (!archived) await move(id, action.lead, action.pillar);
              break;
            case "archive":
              if (!archived) await archiveInitiative(coordinator, { id, version: await version(id) });
              break;
            case "restore":
              await db.$executeRaw`UPDATE initiatives SET archived_at = NULL WHERE id = ${id}::uuid`;
              break;
            case "fund":
              if (!archived)
                await addFundingLine(coordinator, { initiativeId: id, source: `Fund ${randomUUID()}`, fiscalYear: String(action.year), allocated: String(action.dollars), spent: "1", notes: "", locale: "en" });
              break;
            case "unfund": {
              const line = await db.fundingLine.findFirst({ where: { initiativeId: id, deletedAt: null }, select: { id: true, version: true } });
              if (line && !archived) await removeFundingLine(coordinator, { id: line.id, version: line.version });
              break;
            }
            case "action": {
              const created = await createActionItem(coordinator, { titleEn: "Random", titleFr: "Au hasard", ownerDepartmentId: await departmentId(action.owner), initiativeId: archived ? undefined : id, dueDate: daysFromToday(1) });
              if (created.ok) {
                await db.$executeRaw`UPDATE action_items SET due_date = CURRENT_DATE + ${action.days}::int
                  WHERE id = (SELECT id FROM action_items WHERE title_en = 'Random' ORDER BY created_at DESC LIMIT 1)`;
              }
              break;
            }
          }
        }
        await expectConsistent();
      }),
      { numRuns: Number(process.env.ROLLUP_RUNS ?? 12), seed: Number(process.env.ROLLUP_SEED ?? 20_261_201) },
    );
  }, 300_000);

  it("are rebuilt by the benchmark's bulk load, which loads with the triggers off", async () => {
    const scale = await createTemporaryDatabase({ migrated: false });
    const scaleHandles = createDatabaseClient(scale.url);
    try {
      await fillScaleDatabase(scale.url, 3);
      globalForDb.__iwgtipDatabase = scaleHandles;
      const [triggers] = await db.$queryRaw<{ disabled: number }[]>`
        SELECT count(*)::int AS disabled FROM pg_trigger WHERE tgname LIKE 'dashboard_%' AND tgenabled = 'D'`;
      expect(triggers?.disabled).toBe(0);
      expect(await db.initiative.count({ where: { code: { startsWith: "BEN-" } } })).toBe(48);
      await expectConsistent();
    } finally {
      globalForDb.__iwgtipDatabase = handles;
      await scaleHandles.client.$disconnect();
      await scaleHandles.pool.end();
      await scale.drop();
    }
  }, 120_000);
});
