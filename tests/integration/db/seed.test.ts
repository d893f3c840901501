import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDatabaseClient, type DatabaseHandles } from "../../../lib/db";
import { DEMO_PASSWORD, demoUsers } from "../../../prisma/seed-data";
import { seed } from "../../../prisma/seed";
import { createTemporaryDatabase, type TemporaryDatabase, withClient } from "./temporary-database";

/** Every table of the schema: the seed must leave each exactly as it was on a second run. */
const TABLES = [
  "departments", "pillars", "settings", "users", "sign_in_attempts", "initiatives", "initiative_partners",
  "initiative_pillars", "status_updates", "milestones", "funding_lines", "action_items", "update_calls",
  "update_call_initiatives", "meetings", "meeting_attendance", "agenda_items", "decisions", "decision_initiatives",
  "minutes", "minutes_amendments", "audit_events",
];

/** Row count and a digest of every row's content (updated_at included) per table. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; digest: string | null }>> {
  return withClient(url, async (client) => {
    const result: Record<string, { rows: number; digest: string | null }> = {};
    for (const table of TABLES) {
      const name = client.escapeIdentifier(table);
      const { rows } = await client.query<{ rows: string; digest: string | null }>(
        `SELECT count(*) AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${name} t`,
      );
      result[table] = { rows: Number(rows[0]!.rows), digest: rows[0]!.digest };
    }
    return result;
  });
}

const seedDay = new Date("2026-03-02T15:00:00Z"); // a Monday; "today" in Toronto is 2026-03-02
const quiet = { now: seedDay, log: () => {} };

let database: TemporaryDatabase;
let handles: DatabaseHandles;

beforeAll(async () => {
  database = await createTemporaryDatabase();
  await seed(database.url, quiet);
  handles = createDatabaseClient(database.url);
});

afterAll(async () => {
  await handles?.client.$disconnect();
  await handles?.pool.end();
  await database?.drop();
});

describe("seed", () => {
  it("changes nothing when run a second time", async () => {
    const before = await fingerprint(database.url);
    const second = await seed(database.url, { ...quiet, now: new Date("2026-04-15T12:00:00Z") });
    expect(Object.values(second.created).every((count) => count === 0)).toBe(true);
    expect(await fingerprint(database.url)).toEqual(before);
  });

  it("creates the 16 departments with Justice Canada in the chair, and the four pillars", async () => {
    const departments = await handles.client.department.findMany();
    expect(departments).toHaveLength(16);
    expect(departments.filter((department) => department.isChair).map((department) => department.acronymEn)).toEqual(["JUS"]);
    expect(departments.find((department) => department.acronymEn === "RCMP")?.acronymFr).toBe("GRC");

    const pillars = await handles.client.pillar.findMany({ orderBy: { sortOrder: "asc" } });
    expect(pillars.map((pillar) => pillar.code)).toEqual(["PREVENTION", "PROTECTION", "PROSECUTION", "PARTNERSHIPS"]);
    expect(pillars.every((pillar) => pillar.descriptionEn && pillar.descriptionFr)).toBe(true);
  });

  it("creates twelve bilingual initiatives whose health and progress match their latest update", async () => {
    const initiatives = await handles.client.initiative.findMany({
      include: { statusUpdates: { orderBy: { createdAt: "desc" } }, partners: true },
    });
    expect(initiatives).toHaveLength(12);
    for (const initiative of initiatives) {
      expect(initiative.titleFr).not.toBe(initiative.titleEn);
      expect(initiative.summaryEn && initiative.summaryFr).toBeTruthy();
      expect(initiative.notes).toMatch(/Demonstration data/);
      expect(initiative.statusUpdates.length).toBeGreaterThanOrEqual(2);
      expect(initiative.statusUpdates.length).toBeLessThanOrEqual(3);
      const latest = initiative.statusUpdates[0]!;
      expect([initiative.health, initiative.progress]).toEqual([latest.health, latest.progress]);
      expect(latest.reportingPeriod).toMatch(/^2007-08 Q[1-4]$/);
    }
    const byCode = new Map(initiatives.map((initiative) => [initiative.code, initiative]));
    expect(byCode.get("IWG-0007")?.status).toBe("COMPLETED");
    expect(byCode.get("IWG-0012")?.partners).toHaveLength(15); // "all": every other department
    const health = initiatives.map((initiative) => initiative.health);
    expect(health.filter((value) => value === "GREEN").length).toBeGreaterThan(initiatives.length / 2);
    expect(health.filter((value) => value === "RED").length).toBeGreaterThanOrEqual(1);
    expect(health.filter((value) => value === "RED").length).toBeLessThanOrEqual(2);
  });

  it("stores the funding of the backgrounder in cents, one row per fiscal year", async () => {
    const childFunding = await handles.client.fundingLine.findMany({
      where: { initiative: { code: "IWG-0008" } },
      orderBy: { fiscalYear: "asc" },
    });
    expect(childFunding.map((line) => line.fiscalYear)).toEqual([2007, 2008, 2009, 2010, 2011]);
    expect(childFunding.every((line) => line.allocatedCents === 600_000_000n)).toBe(true);
    const communityFund = await handles.client.fundingLine.findFirstOrThrow({ where: { initiative: { code: "IWG-0009" } } });
    expect([communityFund.fiscalYear, communityFund.allocatedCents]).toEqual([2007, 1_230_000_000n]);
  });

  it("has two held meetings with approved minutes and an upcoming draft agenda after the seed day", async () => {
    const meetings = await handles.client.meeting.findMany({
      orderBy: { sequenceNumber: "asc" },
      include: { minutes: true, decisions: true, attendance: true, agendaItems: true },
    });
    expect(meetings.map((meeting) => meeting.agendaStatus)).toEqual(["HELD", "HELD", "DRAFT"]);
    for (const held of meetings.slice(0, 2)) {
      expect(held.minutes?.status).toBe("APPROVED");
      expect(held.decisions.length).toBeGreaterThan(0);
      expect(held.attendance).toHaveLength(16);
      expect(held.quorumMet).toBe(true);
    }
    expect(meetings[1]!.decisions.map((decision) => decision.number)).toContain("2007-09-D1");
    const upcoming = meetings[2]!;
    expect(upcoming.startsAt.getTime()).toBeGreaterThan(seedDay.getTime() + 7 * 86_400_000);
    expect(upcoming.agendaItems.length).toBeGreaterThan(0);
  });

  it("has done and open action items, at least two overdue and two not yet due on the seed day", async () => {
    const items = await handles.client.actionItem.findMany();
    const open = items.filter((item) => item.status === "OPEN" || item.status === "IN_PROGRESS");
    const today = "2026-03-02";
    const due = (item: (typeof items)[number]) => item.dueDate.toISOString().slice(0, 10);
    expect(open.filter((item) => due(item) < today).length).toBeGreaterThanOrEqual(2);
    expect(open.filter((item) => due(item) >= today).length).toBeGreaterThanOrEqual(2);
    expect(items.some((item) => item.status === "DONE" && item.completedAt !== null)).toBe(true);
  });

  it("creates the settings and the demo accounts with argon2id hashes of the demo password", async () => {
    const settings = await handles.client.setting.findMany();
    expect(Object.fromEntries(settings.map((setting) => [setting.key, setting.value]))).toMatchObject({
      securityMarking: { en: "UNCLASSIFIED", fr: "NON CLASSIFIÉ" },
      staleDays: 90,
      sessionHours: 8,
    });

    const users = await handles.client.user.findMany({ include: { department: true } });
    expect(users.map((user) => user.email).sort()).toEqual(demoUsers.map((user) => user.email).sort());
    const repJus = users.find((user) => user.email === "rep.jus@iwgtip.example")!;
    expect([repJus.role, repJus.department?.acronymEn]).toEqual(["DEPARTMENT_REP", "JUS"]);
    expect(repJus.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(repJus.passwordHash!, DEMO_PASSWORD)).toBe(true);
  });

  it("refuses to run when NODE_ENV is production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      await expect(seed(database.url, quiet)).rejects.toThrow(/production/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
