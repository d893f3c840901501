import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCallResultsMatrix } from "@/lib/results/queries";
import { openUpdateCall } from "@/lib/update-calls/commands";
import { getUpdateCallMatrix } from "@/lib/update-calls/queries";
import { expectUnchanged, sessionUser } from "../../support/database";
import { daysFromToday } from "../meetings/support";
import { makeActual, makeIndicator } from "./support";

/** An update call that asks for a fiscal year's actuals (issue 18), and its matrix of indicators per department. */
describe("update calls asking for actuals", () => {
  it("keeps the fiscal year, and the matrix shows per department which indicators have their actual", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const year = 2090 + Math.floor(Math.random() * 10);
    const entered = await makeIndicator("JUS");
    const missing = await makeIndicator("RCMP");
    await makeActual(entered, year, 5);
    const initiative = await db.initiative.findFirstOrThrow({ where: { code: "IWG-0004" }, select: { id: true } });
    const opened = await openUpdateCall(coordinator, { reportingPeriod: `${year}-${String((year + 1) % 100).padStart(2, "0")} Q1`, dueDate: daysFromToday(7), initiativeIds: [initiative.id], resultsFiscalYear: String(year) });
    expect(opened).toMatchObject({ ok: true });
    if (!opened.ok) return;
    expect((await getUpdateCallMatrix(coordinator, opened.data.id))?.resultsFiscalYear).toBe(year);

    const matrix = await getCallResultsMatrix(coordinator, year);
    const cells = matrix.rows.flatMap((row) => row.cells.map((cell) => ({ department: row.acronymEn, ...cell })));
    expect(cells.find((cell) => cell.id === entered.id)).toMatchObject({ department: "JUS", submitted: true });
    expect(cells.find((cell) => cell.id === missing.id)).toMatchObject({ department: "RCMP", submitted: false });
    // The totals are the cells, counted.
    expect(matrix.totals.submitted).toBe(cells.filter((cell) => cell.submitted).length);
    expect(matrix.totals.missing).toBe(cells.filter((cell) => !cell.submitted).length);
  });

  it("refuses a fiscal year out of range at its field, and saves nothing", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const result = await expectUnchanged(() => openUpdateCall(coordinator, { reportingPeriod: "2095-96 Q1", dueDate: daysFromToday(7), initiativeIds: [], resultsFiscalYear: "3000" }));
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { resultsFiscalYear: [{ key: "fiscalYearRange" }] } });
  });
});
