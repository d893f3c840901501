import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requestPaper } from "@/lib/documents/commands";
import { updateNotices, updateNotificationPreferences } from "@/lib/notifications/commands";
import { getNoticePreferences, getNotificationPreferences } from "@/lib/notifications/queries";
import { departmentId, sessionUser } from "../../support/database";
import { daysFromToday, makeMeeting } from "../meetings/support";

describe("the notification kinds of issue 22.3–22.4", () => {
  it("a paper requested tells the department's representatives in the portal and by e-mail, in the request's transaction", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const rep = await sessionUser("rep.swc@iwgtip.example");
    const meeting = await makeMeeting();
    const item = await db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, titleEn: "Shelter capacity", titleFr: "Capacité des refuges", presentingDepartmentId: await departmentId("SWC") }, select: { id: true } });
    const result = await requestPaper(coordinator, { agendaItemId: item.id, dueDate: daysFromToday(5) });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const notice = await db.notification.findFirst({ where: { recipientId: rep.id, kind: "PAPER_REQUESTED" }, orderBy: { createdAt: "desc" } });
    expect(notice).toMatchObject({ href: `/meetings/${meeting.id}`, titleEn: "Shelter capacity", titleFr: "Capacité des refuges", actorId: coordinator.id });
    const mail = await db.outboundMessage.findFirstOrThrow({ where: { dedupeKey: `paper-request.created:${result.data.id}:${rep.id}` } });
    expect(mail).toMatchObject({ kind: "PAPER_REQUESTED" });
    expect(mail.textBody).toContain("Shelter capacity");
    // Nobody else's department hears of it.
    const jus = await sessionUser("rep.jus@iwgtip.example");
    expect(await db.outboundMessage.count({ where: { dedupeKey: `paper-request.created:${result.data.id}:${jus.id}` } })).toBe(0);
  });

  it("a paper requested sends no e-mail once the PAPER_REQUESTED notice is off, and no portal notice once that kind is off", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const rep = await sessionUser("rep.cic@iwgtip.example");
    const everyOtherNotice = (await getNoticePreferences(rep)).enabled;
    const onNotices = Object.entries(everyOtherNotice).filter(([kind, on]) => on && kind !== "PAPER_REQUESTED").map(([kind]) => kind);
    expect(await updateNotices(rep, { notices: onNotices as never })).toMatchObject({ ok: true });
    const portal = await getNotificationPreferences(rep);
    const onPortal = Object.entries(portal).filter(([kind, on]) => on && kind !== "PAPER_REQUESTED").map(([kind]) => kind);
    expect(await updateNotificationPreferences(rep, { inPortal: onPortal as never })).toMatchObject({ ok: true });
    try {
      expect((await getNotificationPreferences(rep)).PAPER_REQUESTED).toBe(false);
      const meeting = await makeMeeting();
      const item = await db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, titleEn: "Item", titleFr: "Point", presentingDepartmentId: await departmentId("CIC") }, select: { id: true } });
      const result = await requestPaper(coordinator, { agendaItemId: item.id, dueDate: daysFromToday(5) });
      if (!result.ok) throw new Error("request failed");
      expect(await db.outboundMessage.count({ where: { dedupeKey: `paper-request.created:${result.data.id}:${rep.id}` } })).toBe(0);
      expect(await db.notification.count({ where: { recipientId: rep.id, kind: "PAPER_REQUESTED", href: `/meetings/${meeting.id}` } })).toBe(0);
    } finally {
      await db.noticePreference.deleteMany({ where: { userId: rep.id } });
      await db.notificationPreference.deleteMany({ where: { userId: rep.id } });
    }
  });
});
