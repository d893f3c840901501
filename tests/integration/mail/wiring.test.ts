import { describe, expect, it } from "vitest";
import { createActionItem } from "@/lib/action-items/commands";
import { db } from "@/lib/db";
import { openUpdateCall } from "@/lib/update-calls/commands";
import { departmentId, sessionUser } from "../../support/database";
import { daysFromToday } from "../meetings/support";

/** The commands of the meeting cycle queue their notices in their own transaction. */
describe("notices queued by the commands", () => {
  it("tells an assignee about the action item assigned to them", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const rep = await sessionUser("rep.rcmp@iwgtip.example");
    const result = await createActionItem(coordinator, {
      titleEn: "Share the tool kit distribution figures",
      titleFr: "Communiquer les chiffres de diffusion de la trousse",
      ownerDepartmentId: await departmentId("RCMP"),
      assigneeId: rep.id,
      dueDate: daysFromToday(14),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const queued = await db.outboundMessage.findMany({ where: { kind: "ACTION_ITEM_ASSIGNED", dedupeKey: { contains: result.data.id } }, select: { recipientId: true } });
    expect(queued.map((message) => message.recipientId)).toContain(rep.id);
  });

  it("tells the representatives of the departments a new update call covers", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const jusLed = await db.initiative.findFirstOrThrow({ where: { archivedAt: null, status: "ACTIVE", leadDepartmentId: rep.departmentId! }, select: { id: true } });
    const year = 2300 + Math.floor(Math.random() * 600);
    const opened = await openUpdateCall(coordinator, { reportingPeriod: `${year}-${String((year + 1) % 100).padStart(2, "0")} Q4`, dueDate: daysFromToday(10), initiativeIds: [jusLed.id] });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const queued = await db.outboundMessage.findMany({ where: { kind: "UPDATE_CALL_OPENED", dedupeKey: { contains: opened.data.id } }, select: { recipientId: true } });
    expect(queued.map((message) => message.recipientId)).toContain(rep.id);
  });
});
