import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addAgendaItem } from "@/lib/agenda/commands";
import { listAgendaSuggestions } from "@/lib/agenda/suggestions";
import { db } from "@/lib/db";
import { departmentId, pillarId, sessionUser } from "../../support/database";
import { makeActionItem, makeMeeting } from "./support";

type Health = "GREEN" | "AMBER" | "RED";

/** An initiative of this test, with the health, status and last update it needs, and optionally a past update. */
async function initiative(fields: { status: "ACTIVE" | "PLANNED"; health: Health | null; lastUpdatedAt: Date | null; pastHealth?: Health }) {
  const [lead, pillar] = await Promise.all([departmentId("SWC"), pillarId("PARTNERSHIPS")]);
  const created = await db.initiative.create({
    data: { code: `SUG-${randomUUID().slice(0, 8).toUpperCase()}`, titleEn: "Suggested", titleFr: "Suggérée", leadDepartmentId: lead, primaryPillarId: pillar, status: fields.status, health: fields.health, lastUpdatedAt: fields.lastUpdatedAt },
    select: { id: true, code: true },
  });
  if (fields.pastHealth) await db.statusUpdate.create({ data: { initiativeId: created.id, reportingPeriod: "2020-21 Q1", health: fields.pastHealth, progress: 10, createdAt: new Date("1999-01-01T00:00:00Z") } });
  return created;
}

describe("agenda suggestions (one statement)", () => {
  it("gives every reason of every record once, initiatives first in the order of their first reason, leaves out what is on the agenda, and bounds the list with its total", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    // Long past and far from every other test's meetings, so that `previous` is the one made here; the
    // initiatives' earlier updates come before it, their latest (last_updated_at) after it.
    const days = -(5000 + Math.floor(Math.random() * 3000));
    const previous = await makeMeeting({ daysFromNow: days - 1 });
    const meeting = await makeMeeting({ daysFromNow: days });
    const recently = new Date();

    const redAndStale = await initiative({ status: "ACTIVE", health: "RED", lastUpdatedAt: null });
    const amberAndWorsened = await initiative({ status: "ACTIVE", health: "AMBER", lastUpdatedAt: recently, pastHealth: "GREEN" });
    const worsenedOnly = await initiative({ status: "PLANNED", health: "RED", lastUpdatedAt: recently, pastHealth: "AMBER" });
    const staleOnly = await initiative({ status: "ACTIVE", health: "GREEN", lastUpdatedAt: new Date("1999-06-01T00:00:00Z") });
    const missingOnly = await initiative({ status: "PLANNED", health: null, lastUpdatedAt: recently });
    const notWorsened = await initiative({ status: "PLANNED", health: "AMBER", lastUpdatedAt: recently, pastHealth: "RED" });
    const linkedRed = await initiative({ status: "ACTIVE", health: "RED", lastUpdatedAt: recently });
    const call = await db.updateCall.create({ data: { reportingPeriod: "2099-00 Q4", dueDate: new Date("2099-01-01T00:00:00Z"), initiatives: { create: [{ initiativeId: missingOnly.id }, { initiativeId: amberAndWorsened.id }] } } });
    // amberAndWorsened answered the call (after the previous meeting, so its health then stays GREEN): not missing.
    await db.statusUpdate.create({ data: { initiativeId: amberAndWorsened.id, reportingPeriod: "2099-00 Q4", health: "AMBER", progress: 20, createdAt: new Date(previous.startsAt.getTime() + 3_600_000) } });

    const overdue = await makeActionItem("JUS", { dueDate: "1990-01-01" });
    const previousOpen = await makeActionItem("JUS");
    await db.actionItem.update({ where: { id: previousOpen.id }, data: { meetingId: previous.id } });
    const linkedOverdue = await makeActionItem("JUS", { dueDate: "1990-01-02" });
    await addAgendaItem(coordinator, { meetingId: meeting.id, titleEn: "Linked", titleFr: "Lié", kind: "DISCUSSION", minutes: 5, initiativeId: linkedRed.id, actionItemId: linkedOverdue.id });

    const ids: string[] = [];
    try {
      const all = await listAgendaSuggestions(coordinator, meeting.id, { limit: 100_000 });
      expect(all.total).toBe(all.rows.length);
      const reasons = (id: string) => all.rows.find((row) => row.initiativeId === id || row.actionItemId === id)?.reasons;
      expect(reasons(redAndStale.id)).toEqual(["redAmber", "stale"]);
      expect(reasons(amberAndWorsened.id)).toEqual(["redAmber", "worsened"]);
      expect(reasons(worsenedOnly.id)).toEqual(["worsened"]);
      expect(reasons(staleOnly.id)).toEqual(["stale"]);
      expect(reasons(missingOnly.id)).toEqual(["missingUpdate"]);
      expect(reasons(overdue.id)).toEqual(["overdueAction"]);
      expect(reasons(previousOpen.id)).toEqual(["previousOpen"]);
      for (const left of [notWorsened.id, linkedRed.id, linkedOverdue.id]) expect(reasons(left)).toBeUndefined();
      expect(all.rows.filter((row) => row.key === `initiative:${redAndStale.id}`)).toHaveLength(1);

      const order = [redAndStale.id, worsenedOnly.id, staleOnly.id, missingOnly.id, overdue.id, previousOpen.id].map((id) => all.rows.findIndex((row) => row.initiativeId === id || row.actionItemId === id));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(all.rows.findIndex((row) => row.actionItemId !== null)).toBeGreaterThan(all.rows.findLastIndex((row) => row.initiativeId !== null));

      const suggestion = all.rows.find((row) => row.initiativeId === staleOnly.id)!;
      expect(suggestion).toMatchObject({ titleEn: `${staleOnly.code} — Suggested`, titleFr: `${staleOnly.code} — Suggérée`, presentingDepartmentId: await departmentId("SWC"), kind: "DISCUSSION", minutes: 10 });
      expect(all.rows.find((row) => row.actionItemId === overdue.id)).toMatchObject({ titleEn: expect.stringMatching(/^Action item: /), titleFr: expect.stringMatching(/^Mesure de suivi : /), minutes: 5 });

      const bounded = await listAgendaSuggestions(coordinator, meeting.id, { limit: 3 });
      expect(bounded.rows).toEqual(all.rows.slice(0, 3));
      expect(bounded.total).toBe(all.total);
      expect([all.more, bounded.more]).toEqual([false, false]);
      // Counted only so far past the page: "more than" 3 + 1, whatever is suggested beyond.
      expect(all.total).toBeGreaterThan(4);
      const counted = await listAgendaSuggestions(coordinator, meeting.id, { limit: 3, countAhead: 1 });
      expect(counted).toEqual({ rows: all.rows.slice(0, 3), total: 4, more: true });
      // The staleDays setting is read by the same statement: at 365 days, an update 100 days old is recent enough.
      const hundredDays = await initiative({ status: "ACTIVE", health: "GREEN", lastUpdatedAt: new Date(Date.now() - 100 * 86_400_000) });
      ids.push(hundredDays.id);
      const stale = async () => (await listAgendaSuggestions(coordinator, meeting.id, { limit: 100_000 })).rows.find((row) => row.initiativeId === hundredDays.id)?.reasons;
      const saved = await db.setting.findUnique({ where: { key: "staleDays" } });
      await db.setting.upsert({ where: { key: "staleDays" }, create: { key: "staleDays", value: 90 }, update: { value: 90 } });
      expect(await stale()).toEqual(["stale"]);
      await db.setting.update({ where: { key: "staleDays" }, data: { value: 365 } });
      try {
        expect(await stale()).toBeUndefined();
      } finally {
        if (saved) await db.setting.update({ where: { key: "staleDays" }, data: { value: saved.value ?? 90 } });
        else await db.setting.delete({ where: { key: "staleDays" } });
      }

      expect(await listAgendaSuggestions(coordinator, "not-a-meeting")).toEqual({ rows: [], total: 0, more: false });
      expect(await listAgendaSuggestions(coordinator, randomUUID())).toEqual({ rows: [], total: 0, more: false });
    } finally {
      await db.updateCall.update({ where: { id: call.id }, data: { status: "CLOSED", closedAt: new Date() } });
      await db.actionItem.updateMany({ where: { id: { in: [overdue.id, previousOpen.id, linkedOverdue.id] } }, data: { status: "CANCELLED" } });
      await db.initiative.updateMany({ where: { id: { in: [...ids, redAndStale.id, amberAndWorsened.id, worsenedOnly.id, staleOnly.id, missingOnly.id, notWorsened.id, linkedRed.id] } }, data: { archivedAt: new Date() } });
    }
  });
});
