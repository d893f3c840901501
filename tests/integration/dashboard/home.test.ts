import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCoordinatorOverview, listInitiativesToUpdate, listOpenActionItems } from "@/lib/dashboard/home";
import { departmentId } from "../../support/database";
import { makeInitiative } from "../initiatives/support";

/* The home pages' reads against independent SQL on the seed. */

describe("home by role", () => {
  it("lists a department's initiatives owed to an open call, or active and RED, AMBER or stale, each once", async () => {
    const jus = await departmentId("JUS");
    const { staleDays, items } = await listInitiativesToUpdate(jus);
    const [setting] = await db.$queryRaw<{ days: number }[]>`SELECT (value #>> '{}')::int AS days FROM settings WHERE key = 'staleDays'`;
    expect(staleDays).toBe(setting?.days ?? 90);
    const expected = await db.$queryRaw<{ code: string }[]>`
      SELECT i.code FROM initiatives i
      WHERE i.lead_department_id = ${jus}::uuid AND i.archived_at IS NULL
        AND ((i.status = 'ACTIVE' AND i.health IN ('RED', 'AMBER')) OR initiative_is_stale(i.status, i.last_updated_at, ${staleDays}::int, now())
          OR EXISTS (SELECT 1 FROM update_call_initiatives uci JOIN update_calls uc ON uc.id = uci.update_call_id
                     WHERE uci.initiative_id = i.id AND uc.status = 'OPEN'
                       AND NOT EXISTS (SELECT 1 FROM status_updates su WHERE su.initiative_id = i.id AND su.reporting_period = uc.reporting_period)))`;
    expect(items.map((item) => item.code).sort()).toEqual(expected.map((row) => row.code).sort());
  });

  it("puts what an open call asks for first, once with every reason, until an update for the call's period arrives", async () => {
    const jus = await departmentId("JUS");
    // A JUS initiative that is on track and current: only the call puts it on the list.
    const initiative = await makeInitiative("JUS");
    await db.initiative.update({ where: { id: initiative.id }, data: { health: "GREEN", lastUpdatedAt: new Date() } });
    // A fiscal year of its own, so no other test's status update answers these calls.
    const year = 2060 + Math.floor(Math.random() * 40);
    const fiscalYear = `${year}-${String((year + 1) % 100).padStart(2, "0")}`;
    const [period, earlier] = [`${fiscalYear} Q2`, `${fiscalYear} Q1`];
    const calls = await Promise.all(
      [
        { reportingPeriod: period, due: "2099-03-01" },
        { reportingPeriod: earlier, due: "2099-01-15" },
      ].map(({ reportingPeriod, due }) =>
        db.updateCall.create({ data: { reportingPeriod, dueDate: new Date(`${due}T00:00:00Z`), initiatives: { create: [{ initiativeId: initiative.id }] } }, select: { id: true } }),
      ),
    );
    try {
      let items = (await listInitiativesToUpdate(jus)).items;
      expect(items.filter((item) => item.id === initiative.id)).toHaveLength(1);
      expect(items.find((item) => item.id === initiative.id)!.owedCalls).toEqual([
        { period: earlier, due: "2099-01-15" },
        { period, due: "2099-03-01" },
      ]);
      // Owed items come first (soonest due first), before anything only off track or stale.
      const firstNotOwed = items.findIndex((item) => item.owedCalls.length === 0);
      const lastOwed = items.findLastIndex((item) => item.owedCalls.length > 0);
      if (firstNotOwed >= 0) expect(lastOwed).toBeLessThan(firstNotOwed);

      await db.statusUpdate.create({ data: { initiativeId: initiative.id, reportingPeriod: period, health: "GREEN", progress: 50 } });
      items = (await listInitiativesToUpdate(jus)).items;
      expect(items.find((item) => item.id === initiative.id)!.owedCalls).toEqual([{ period: earlier, due: "2099-01-15" }]);
      await db.updateCall.update({ where: { id: calls[1]!.id }, data: { status: "CLOSED", closedAt: new Date() } });
      items = (await listInitiativesToUpdate(jus)).items;
      expect(items.map((item) => item.id)).not.toContain(initiative.id);

      // The coordinator's progress counts the call answered as its matrix does: by the reporting period.
      const overview = await getCoordinatorOverview();
      expect(overview.openCalls.find((call) => call.id === calls[0]!.id)).toMatchObject({ total: 1, answered: 1 });
    } finally {
      await db.updateCall.updateMany({ where: { id: { in: calls.map((call) => call.id) } }, data: { status: "CLOSED", closedAt: new Date() } });
      await db.initiative.update({ where: { id: initiative.id }, data: { archivedAt: new Date() } });
    }
  });

  it("lists a department's open action items, soonest first, flagging those overdue", async () => {
    const jus = await departmentId("JUS");
    // Other tests raise JUS items too: ask for more than there can be, so the whole list is compared.
    const items = await listOpenActionItems({ departmentId: jus, limit: 100_000 });
    const expected = await db.actionItem.findMany({ where: { ownerDepartmentId: jus, status: { in: ["OPEN", "IN_PROGRESS"] } }, select: { id: true } });
    expect(items.map((item) => item.id).sort()).toEqual(expected.map((row) => row.id).sort());
    expect(await listOpenActionItems({ departmentId: jus })).toHaveLength(Math.min(expected.length, 25));
    const dates = items.map((item) => item.dueDate.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto" }).format(new Date());
    for (const item of items) expect(item.overdue).toBe(item.dueDate.toISOString().slice(0, 10) < today);
  });

  it("gives the coordinator the next meeting and action-item counts", async () => {
    const overview = await getCoordinatorOverview();
    const next = await db.meeting.findFirst({ where: { endsAt: { gte: new Date() }, agendaStatus: { not: "HELD" } }, orderBy: { startsAt: "asc" }, select: { id: true } });
    expect(overview.nextMeeting?.id ?? null).toBe(next?.id ?? null);
    const open = await db.actionItem.count({ where: { status: { in: ["OPEN", "IN_PROGRESS"] } } });
    expect(overview.openActionItems).toBe(open);
    const overdue = await listOpenActionItems({ overdueOnly: true, limit: 1000 });
    expect(overview.overdueActionItems).toBe(overdue.length);
    expect(overdue.every((item) => item.overdue)).toBe(true);
  });
});
