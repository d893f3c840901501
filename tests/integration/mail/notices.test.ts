import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runScheduledNotices } from "@/lib/jobs/scheduler";
import { updateNotices } from "@/lib/notifications/commands";
import {
  notifyActionItemAssigned,
  notifyAgendaChanged,
  notifyMinutesCirculated,
  notifyUpdateCallOpened,
  scheduleOverdueDigests,
  scheduleUpdateCallReminders,
} from "@/lib/notifications";
import { sessionUser } from "../../support/database";
import { BASE_URL, quietDepartment, track, cleanUp, makeInitiative, makeUser, outboxFor, uniqueSequenceNumber } from "./fixtures";

const options = { baseUrl: BASE_URL };

afterEach(cleanUp);


describe("notices", () => {
  it("tells the representatives of the departments a call covers, once, and not those who turned it off", async () => {
    const department = await quietDepartment("PCO");
    const wants = await makeUser({ departmentId: department.id });
    const optedOut = await makeUser({ departmentId: department.id });
    const inactive = await makeUser({ departmentId: department.id });
    await db.user.update({ where: { id: inactive.id }, data: { active: false } });
    expect(await updateNotices(await sessionUser(optedOut.email), { notices: ["UPDATE_CALL_REMINDER"] })).toMatchObject({ ok: true });
    const initiative = await makeInitiative(department.id, { en: "Training video", fr: "Vidéo de formation" });
    const call = await db.updateCall.create({
      data: { reportingPeriod: "2007-08 Q2", dueDate: new Date("2007-10-01T00:00:00Z"), initiatives: { create: [{ initiativeId: initiative.id }] } },
    });
    track("updateCalls", call.id);

    expect(await notifyUpdateCallOpened(call.id, options)).toBe(1);
    expect(await notifyUpdateCallOpened(call.id, options)).toBe(0);
    const queued = await outboxFor(call.id);
    expect(queued.map((message) => message.toAddress)).toEqual([wants.email]);
    expect(queued[0]).toMatchObject({ kind: "UPDATE_CALL_OPENED", status: "QUEUED", recipientId: wants.id });
  });

  it("queues a notice only if the transaction of the change commits", async () => {
    const department = await quietDepartment("PCO");
    await makeUser({ departmentId: department.id });
    const initiative = await makeInitiative(department.id, { en: "Wallet card", fr: "Carte de poche" });
    const call = await db.updateCall.create({
      data: { reportingPeriod: "2007-08 Q2", dueDate: new Date("2007-10-01T00:00:00Z"), initiatives: { create: [{ initiativeId: initiative.id }] } },
    });
    track("updateCalls", call.id);
    await expect(
      db.$transaction(async (tx) => {
        await notifyUpdateCallOpened(call.id, { ...options, client: tx });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await outboxFor(call.id)).toHaveLength(0);
  });

  it("reminds departments with missing updates 7 days and 1 day before the due date, listing only what is missing", async () => {
    const missingDepartment = await quietDepartment("CISC");
    const doneDepartment = await quietDepartment("INAC");
    const late = await makeUser({ departmentId: missingDepartment.id, language: "fr" });
    const onTime = await makeUser({ departmentId: doneDepartment.id });
    const missing = await makeInitiative(missingDepartment.id, { en: "Fact sheet", fr: "Fiche d'information" });
    const answered = await makeInitiative(doneDepartment.id, { en: "Border guidance", fr: "Directives frontalières" });
    const call = await db.updateCall.create({
      data: {
        reportingPeriod: "2007-08 Q3",
        dueDate: new Date("2007-12-14T00:00:00Z"),
        createdAt: new Date("2007-11-20T15:00:00Z"),
        initiatives: { create: [{ initiativeId: missing.id }, { initiativeId: answered.id }] },
      },
    });
    track("updateCalls", call.id);
    // Answered as the call's matrix counts it: a status update for the call's reporting period.
    await db.statusUpdate.create({ data: { initiativeId: answered.id, reportingPeriod: "2007-08 Q3", health: "GREEN", progress: 40 } });

    expect(await scheduleUpdateCallReminders(new Date("2007-12-05T15:00:00Z"), options)).toBe(0); // 9 days before: nothing yet
    await scheduleUpdateCallReminders(new Date("2007-12-07T15:00:00Z"), options); // 7 days before
    await scheduleUpdateCallReminders(new Date("2007-12-08T15:00:00Z"), options); // again: same reminder, not repeated
    let queued = await outboxFor(call.id);
    expect(queued.map((message) => [message.toAddress, message.dedupeKey.split(":")[0]])).toEqual([[late.email, "update-call.reminder-7d"]]);
    expect(queued[0]?.subject).toBe(
      "Rappel : 1 mise à jour à remettre le 14 décembre 2007 (2007-08 Q3) / Reminder: 1 update due December 14, 2007 (2007-08 Q3)",
    );
    expect(queued[0]?.textBody).toContain("à remettre dans 7 jours");
    expect(queued[0]?.textBody).toContain(`${missing.code} — Fiche d'information`);
    expect(queued[0]?.textBody).not.toContain(answered.code);

    await scheduleUpdateCallReminders(new Date("2007-12-13T15:00:00Z"), options); // the day before
    queued = await outboxFor(call.id);
    expect(queued.map((message) => message.dedupeKey.split(":")[0]).sort()).toEqual(["update-call.reminder-1d", "update-call.reminder-7d"]);
    expect(queued.find((message) => message.dedupeKey.startsWith("update-call.reminder-1d"))?.textBody).toContain("due tomorrow");
    expect(queued.some((message) => message.toAddress === onTime.email)).toBe(false);
  });

  it("tells the assignee of an action item, in their language first, again only when reassigned", async () => {
    const department = await quietDepartment("PCH");
    const assignee = await makeUser({ departmentId: department.id, language: "fr", name: "Lucie Côté" });
    const item = await db.actionItem.create({
      data: {
        titleEn: "Draft the wallet card",
        titleFr: "Rédiger la carte de poche",
        ownerDepartmentId: department.id,
        assigneeId: assignee.id,
        dueDate: new Date("2007-11-15T00:00:00Z"),
      },
    });
    track("actionItems", item.id);
    expect(await notifyActionItemAssigned(item.id, options)).toBe(1);
    expect(await notifyActionItemAssigned(item.id, options)).toBe(0);
    const [message] = await outboxFor(item.id);
    expect(message?.subject).toBe("Mesure de suivi qui vous est confiée : Rédiger la carte de poche / Action item assigned to you: Draft the wallet card");
    expect(message?.textBody.indexOf("Bonjour Lucie Côté,")).toBeLessThan(message?.textBody.indexOf("Hello Lucie Côté,") ?? 0);
    expect(message?.textBody).toContain(`${BASE_URL}/fr/action-items`);

    await db.actionItem.update({ where: { id: item.id }, data: { version: { increment: 1 } } });
    expect(await notifyActionItemAssigned(item.id, options)).toBe(1);
  });

  it("sends a department's representatives a weekly digest of overdue action items, once a week, on weekdays", async () => {
    const department = await quietDepartment("PCH");
    const rep = await makeUser({ departmentId: department.id });
    const base = { ownerDepartmentId: department.id, titleFr: "Mesure" };
    for (const data of [
      { ...base, titleEn: "Overdue one", dueDate: new Date("2007-10-01T00:00:00Z") },
      { ...base, titleEn: "Overdue two", dueDate: new Date("2007-10-10T00:00:00Z"), status: "IN_PROGRESS" as const },
      { ...base, titleEn: "Done already", dueDate: new Date("2007-10-02T00:00:00Z"), status: "DONE" as const, completedAt: new Date("2007-10-02T12:00:00Z") },
      { ...base, titleEn: "Not due yet", dueDate: new Date("2007-10-30T00:00:00Z") },
    ]) {
      track("actionItems", (await db.actionItem.create({ data })).id);
    }
    const saturday = new Date("2007-10-20T15:00:00Z");
    const mondayMorning = new Date("2007-10-22T13:00:00Z"); // 09:00 in Toronto
    const tuesday = new Date("2007-10-23T13:00:00Z");
    const nextMonday = new Date("2007-10-29T13:00:00Z");
    expect(await scheduleOverdueDigests(saturday, options)).toBe(0);
    await scheduleOverdueDigests(mondayMorning, options);
    await scheduleOverdueDigests(tuesday, options);
    let digests = (await outboxFor(department.id)).filter((message) => message.recipientId === rep.id);
    expect(digests).toHaveLength(1);
    expect(digests[0]?.toAddress).toBe(rep.email);
    expect(digests[0]?.subject).toContain(`2 overdue action items for ${department.nameEn}`);
    expect(digests[0]?.textBody).toContain("Overdue one (due October 1, 2007)");
    expect(digests[0]?.textBody).not.toContain("Done already");
    expect(digests[0]?.textBody).not.toContain("Not due yet");
    await scheduleOverdueDigests(nextMonday, options);
    digests = (await outboxFor(department.id)).filter((message) => message.recipientId === rep.id);
    expect(digests).toHaveLength(2);
  });

  it("announces a changed agenda once per invitation sequence, and circulated minutes once", async () => {
    const department = await quietDepartment("PCO");
    const rep = await makeUser({ departmentId: department.id });
    const meeting = await db.meeting.create({
      data: {
        sequenceNumber: uniqueSequenceNumber(),
        titleEn: "IWGTIP meeting, winter",
        titleFr: "Réunion du GTITP, hiver",
        startsAt: new Date("2008-01-15T14:00:00Z"),
        endsAt: new Date("2008-01-15T16:00:00Z"),
        videoUrl: "https://video.example/iwgtip",
        agendaStatus: "DRAFT",
      },
    });
    expect(await notifyAgendaChanged(meeting.id, options)).toBe(0); // a draft is nobody's news
    await db.meeting.update({ where: { id: meeting.id }, data: { agendaStatus: "PUBLISHED", icsSequence: 1 } });
    await notifyAgendaChanged(meeting.id, { ...options, ics: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" });
    await notifyAgendaChanged(meeting.id, options);
    await db.meeting.update({ where: { id: meeting.id }, data: { icsSequence: 2 } });
    await notifyAgendaChanged(meeting.id, options);
    const changes = (await outboxFor(meeting.id)).filter((message) => message.toAddress === rep.email);
    expect(changes).toHaveLength(2);
    expect(changes.map((message) => (message.attachments as { content: string }[])[0]?.content).sort()).toEqual([
      "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
      expect.stringContaining("SEQUENCE:2"),
    ]);

    expect(await notifyMinutesCirculated(meeting.id, options)).toBe(0); // no minutes yet
    const minutes = await db.minutes.create({ data: { meetingId: meeting.id, status: "CIRCULATED", circulatedAt: new Date() } });
    await notifyMinutesCirculated(meeting.id, options);
    await notifyMinutesCirculated(meeting.id, options);
    const circulated = (await outboxFor(minutes.id)).filter((message) => message.toAddress === rep.email);
    expect(circulated).toHaveLength(1);
    expect(circulated[0]?.subject).toBe("Minutes circulated: IWGTIP meeting, winter / Procès-verbal diffusé : Réunion du GTITP, hiver");
    expect(circulated[0]?.textBody).toContain(`${BASE_URL}/en/meetings/${meeting.id}`);
  });

  it("runs every scheduled notice in one call that is safe to repeat", async () => {
    const now = new Date("2007-10-24T13:00:00Z");
    await runScheduledNotices(now, options);
    expect(await runScheduledNotices(now, options)).toEqual({ reminders: 0, digests: 0 });
  });
});
