import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCoordinatorOverview, listInitiativesToUpdate, listOpenActionItems } from "@/lib/dashboard/home";
import { departmentId } from "../../support/database";

/* The home pages' reads against independent SQL on the seed. */

describe("home by role", () => {
  it("lists a department's active initiatives that are RED, AMBER or stale", async () => {
    const jus = await departmentId("JUS");
    const { staleDays, items } = await listInitiativesToUpdate(jus);
    const [setting] = await db.$queryRaw<{ days: number }[]>`SELECT (value #>> '{}')::int AS days FROM settings WHERE key = 'staleDays'`;
    expect(staleDays).toBe(setting?.days ?? 90);
    const expected = await db.$queryRaw<{ code: string }[]>`
      SELECT code FROM initiatives
      WHERE lead_department_id = ${jus}::uuid AND archived_at IS NULL AND status = 'ACTIVE'
        AND (health IN ('RED', 'AMBER') OR last_updated_at IS NULL OR last_updated_at < now() - make_interval(days => ${staleDays}))`;
    expect(items.map((item) => item.code).sort()).toEqual(expected.map((row) => row.code).sort());
  });

  it("lists a department's open action items, soonest first, flagging those overdue", async () => {
    const jus = await departmentId("JUS");
    const items = await listOpenActionItems({ departmentId: jus });
    const expected = await db.actionItem.findMany({ where: { ownerDepartmentId: jus, status: { in: ["OPEN", "IN_PROGRESS"] } }, select: { id: true } });
    expect(items.map((item) => item.id).sort()).toEqual(expected.map((row) => row.id).sort());
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
