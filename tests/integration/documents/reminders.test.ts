import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { schedulePaperRequestReminders } from "@/lib/notifications";
import { departmentId } from "../../support/database";
import { meetingWithJusItem } from "./support";

const options = { baseUrl: "https://portal.example" };
// Other tests may add representatives of JUS: the demo representative's messages are the ones looked at.
const outboxFor = (requestId: string) => db.outboundMessage.findMany({ where: { dedupeKey: { contains: requestId }, toAddress: "rep.jus@iwgtip.example" }, orderBy: { dedupeKey: "asc" } });

describe("reminders of requested papers", () => {
  it("reminds the presenting department 3 days and 1 day before, once each, and stops once the paper is in", async () => {
    const { item } = await meetingWithJusItem();
    const jus = await departmentId("JUS");
    const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@iwgtip.example" }, select: { id: true } });
    const repJus = await db.user.findUniqueOrThrow({ where: { email: "rep.jus@iwgtip.example" }, select: { id: true, email: true, departmentId: true } });
    const request = await db.paperRequest.create({ data: { agendaItemId: item.id, departmentId: jus, dueDate: new Date("2031-05-10T00:00:00Z"), requestedById: coordinator.id }, select: { id: true } });

    await schedulePaperRequestReminders(new Date("2031-05-01T15:00:00Z"), options); // 9 days before: nothing yet
    expect(await db.outboundMessage.count({ where: { dedupeKey: { contains: request.id } } })).toBe(0);
    await schedulePaperRequestReminders(new Date("2031-05-07T15:00:00Z"), options); // 3 days before
    await schedulePaperRequestReminders(new Date("2031-05-08T15:00:00Z"), options); // the same reminder, not repeated
    let queued = await outboxFor(request.id);
    expect(queued.map((message) => message.dedupeKey.split(":")[0])).toEqual(["paper-request.reminder-3d"]);
    expect(queued[0]?.toAddress).toBe(repJus.email);
    expect(queued[0]?.subject).toContain("Reminder: paper for meeting");
    expect(queued[0]?.subject).toContain("Rappel : document pour la réunion");
    expect(queued[0]?.textBody).toContain("in 3 days");

    await schedulePaperRequestReminders(new Date("2031-05-09T15:00:00Z"), options); // the day before
    queued = await outboxFor(request.id);
    expect(queued.map((message) => message.dedupeKey.split(":")[0])).toEqual(["paper-request.reminder-1d", "paper-request.reminder-3d"]);

    // Once the department's paper is in, no more reminders (a later request on the same item is not reminded either).
    await db.document.create({ data: { agendaItemId: item.id, paperRequestId: request.id, titleEn: "Paper", titleFr: "Document", language: "en", marking: "UNCLASSIFIED", uploadedById: repJus.id, departmentId: repJus.departmentId } });
    await db.outboundMessage.deleteMany({ where: { dedupeKey: { contains: request.id } } });
    await schedulePaperRequestReminders(new Date("2031-05-10T15:00:00Z"), options);
    expect(await db.outboundMessage.count({ where: { dedupeKey: { contains: request.id } } })).toBe(0);
  });
});
