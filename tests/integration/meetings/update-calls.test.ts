import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeUpdateCall, openUpdateCall } from "@/lib/update-calls/commands";
import { listInitiativesToUpdate } from "@/lib/dashboard/home";
import { getUpdateCallMatrix } from "@/lib/update-calls/queries";
import { callCellStatus } from "@/lib/update-calls/status";
import { sessionUser } from "../../support/database";
import { daysFromToday } from "./support";

/** A reporting period nobody else uses, so that updates from other tests never count toward this call. */
const freshPeriod = () => `${2100 + Math.floor(Math.random() * 700)}-`.replace(/(\d{4})-/, (_, year) => `${year}-${String((Number(year) + 1) % 100).padStart(2, "0")} Q${1 + Math.floor(Math.random() * 4)}`);

describe("calls for updates", () => {
  it("judges a cell submitted, late or missing, and freezes at closing", () => {
    const due = new Date("2007-10-01T03:59:59Z");
    expect(callCellStatus(new Date("2007-09-30T12:00:00Z"), due, null)).toBe("submitted");
    expect(callCellStatus(new Date("2007-10-02T12:00:00Z"), due, null)).toBe("late");
    expect(callCellStatus(null, due, null)).toBe("missing");
    expect(callCellStatus(new Date("2007-10-05T00:00:00Z"), due, new Date("2007-10-04T00:00:00Z"))).toBe("missing");
  });

  it("opens a call over a subset, fills the matrix as a department posts, and freezes it when closed", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const initiatives = await db.initiative.findMany({ where: { archivedAt: null, status: "ACTIVE" }, select: { id: true, leadDepartmentId: true }, take: 3 });
    const jusLed = await db.initiative.findFirstOrThrow({ where: { archivedAt: null, status: "ACTIVE", leadDepartmentId: rep.departmentId! }, select: { id: true } });
    const ids = [...new Set([...initiatives.map((initiative) => initiative.id), jusLed.id])];
    const period = freshPeriod();
    const opened = await openUpdateCall(coordinator, { reportingPeriod: period, dueDate: daysFromToday(7), initiativeIds: ids });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    let matrix = (await getUpdateCallMatrix(coordinator, opened.data.id))!;
    expect(matrix.totals).toEqual({ submitted: 0, late: 0, missing: ids.length });
    // The representative's home lists what the department owes to the call until an update for its period arrives.
    const owedForThisCall = async () =>
      (await listInitiativesToUpdate(rep.departmentId!)).items.filter((item) => item.owedCalls.some((owed) => owed.period === period)).map((item) => item.id);
    expect(await owedForThisCall()).toContain(jusLed.id);

    await db.statusUpdate.create({ data: { initiativeId: jusLed.id, authorId: rep.id, reportingPeriod: period, health: "GREEN", progress: 50 } });
    matrix = (await getUpdateCallMatrix(coordinator, opened.data.id))!;
    expect(matrix.totals.submitted).toBe(1);
    expect(await owedForThisCall()).not.toContain(jusLed.id);

    const call = await db.updateCall.findUniqueOrThrow({ where: { id: opened.data.id } });
    expect((await closeUpdateCall(coordinator, { id: call.id, version: call.version })).ok).toBe(true);
    const other = ids.find((id) => id !== jusLed.id)!;
    await db.statusUpdate.create({ data: { initiativeId: other, reportingPeriod: period, health: "AMBER", progress: 10 } });
    matrix = (await getUpdateCallMatrix(coordinator, opened.data.id))!;
    expect(matrix.totals.submitted).toBe(1);
    expect(matrix.status).toBe("CLOSED");
  });

  it("refuses a due date in the past and a malformed period, and a representative", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    expect(await openUpdateCall(coordinator, { reportingPeriod: "2007-08 Q3", dueDate: daysFromToday(-1) })).toEqual({ ok: false, code: "invalid", fieldErrors: { dueDate: [{ key: "dateInPast" }] } });
    expect(await openUpdateCall(coordinator, { reportingPeriod: "2007-09 Q3", dueDate: daysFromToday(1) })).toMatchObject({ ok: false, code: "invalid" });
    const rep = await sessionUser("rep.jus@iwgtip.example");
    expect(await openUpdateCall(rep, { reportingPeriod: "2007-08 Q3", dueDate: daysFromToday(1) })).toEqual({ ok: false, code: "forbidden" });
  });
});
