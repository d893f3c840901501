import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { scheduleUpdateCallReminders } from "@/lib/notifications";
import { BASE_URL, cleanUp, makeUser, outboxFor, quietDepartment, track } from "../mail/fixtures";
import { makeActual, makeIndicator } from "./support";

afterEach(cleanUp);

/** The reminders of a call that asks for a fiscal year's actuals (issue 18) list the indicators still without one. */
describe("update-call reminders for actuals", () => {
  it("remind a department's representatives of its indicators without an actual for the year, not of those with one", async () => {
    const department = await quietDepartment("PCH");
    const rep = await makeUser({ departmentId: department.id });
    const year = 2080 + Math.floor(Math.random() * 10);
    const waiting = await makeIndicator("PCH");
    const entered = await makeIndicator("PCH");
    await makeActual(entered, year, 3);
    const codes = await db.indicator.findMany({ where: { id: { in: [waiting.id, entered.id] } }, select: { id: true, code: true } });
    const call = await db.updateCall.create({
      data: { reportingPeriod: "2007-08 Q3", dueDate: new Date("2007-12-14T00:00:00Z"), createdAt: new Date("2007-11-20T15:00:00Z"), resultsFiscalYear: year },
    });
    track("updateCalls", call.id);

    await scheduleUpdateCallReminders(new Date("2007-12-07T15:00:00Z"), { baseUrl: BASE_URL });
    const mine = (await outboxFor(call.id)).filter((message) => message.toAddress === rep.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.textBody).toContain(codes.find((row) => row.id === waiting.id)!.code);
    expect(mine[0]?.textBody).not.toContain(codes.find((row) => row.id === entered.id)!.code);
    await db.indicator.updateMany({ where: { id: { in: [waiting.id, entered.id] } }, data: { archivedAt: new Date() } });
  });
});
