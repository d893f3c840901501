import ICAL from "ical.js";
import type { APIRequestContext } from "@playwright/test";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";
import { sql } from "./db";
import { seedMeeting } from "./seed";

/*
 * Issue 22.5, calendars that stay current: a representative makes a personal feed address (shown once), a calendar
 * reads it; the coordinator postpones a published meeting and then cancels another; the feed (read back with
 * ical.js) and the e-mailed update carry the new time or the cancellation with a higher SEQUENCE.
 */
const text = {
  en: {
    create: "Create my calendar address",
    revoke: "Revoke my calendar address",
    revoked: /Your calendar address is revoked/,
    date: "Date",
    start: "Start time",
    end: "End time",
    changeNote: "Change note",
    save: "Save the meeting",
    reason: "Reason for cancelling",
    cancel: "Cancel the meeting",
    cancelled: "The meeting is cancelled.",
    notice: "This meeting is cancelled.",
  },
  fr: {
    create: "Créer mon adresse de calendrier",
    revoke: "Révoquer mon adresse de calendrier",
    revoked: /Votre adresse de calendrier est révoquée/,
    date: "Date",
    start: "Heure de début",
    end: "Heure de fin",
    changeNote: "Note de modification",
    save: "Enregistrer la réunion",
    reason: "Raison de l'annulation",
    cancel: "Annuler la réunion",
    cancelled: "La réunion est annulée.",
    notice: "Cette réunion est annulée.",
  },
} as const;

/** The feed, as a calendar client fetches it: no cookie, just the address. */
async function readFeed(request: APIRequestContext, url: string) {
  const response = await request.get(new URL(url).pathname, { headers: { cookie: "" } });
  return { status: response.status(), text: response.status() === 200 ? await response.text() : "" };
}

function eventIn(feedText: string, meetingId: string) {
  const calendar = new ICAL.Component(ICAL.parse(feedText));
  ICAL.TimezoneService.register(new ICAL.Timezone(calendar.getFirstSubcomponent("vtimezone")!));
  const vevent = calendar.getAllSubcomponents("vevent").find((component) => component.getFirstPropertyValue("uid") === `meeting-${meetingId}@iwgtip-portal`);
  return vevent ? { sequence: vevent.getFirstPropertyValue("sequence"), status: vevent.getFirstPropertyValue("status"), start: new ICAL.Event(vevent).startDate.toJSDate().toISOString() } : null;
}

for (const locale of ["en", "fr"] as Locale[]) {
  const t = text[locale];

  test(`a personal calendar feed follows a postponed and a cancelled meeting, then is revoked, in ${locale}`, async ({ page, pageAs, playwright }) => {
    const postponed = await seedMeeting({ date: "2097-03-10", start: "09:00", end: "11:00" });
    const cancelled = await seedMeeting({ date: "2097-04-14", start: "13:00", end: "15:00" });
    await sql(`UPDATE meetings SET agenda_status = 'PUBLISHED', published_at = now() WHERE id = ANY($1::uuid[])`, [[postponed.id, cancelled.id]]);

    // One person per language: a new address replaces the person's earlier one, and the two tests run side by side.
    await signIn(page, locale === "en" ? demoAccounts.repJus : demoAccounts.repRcmp, locale);
    await page.goto(`/${locale}/profile`);
    await page.getByTestId("calendar-feed-create").getByRole("button", { name: t.create }).click();
    const message = page.getByTestId("calendar-feed-create").getByRole("status");
    await expect(message).toContainText("/api/calendar/feed/");
    await expectNoAxeViolations(page);
    const url = /(https?:\/\/\S+\.ics)/.exec((await message.textContent()) ?? "")![1]!;

    const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
    let feed = await readFeed(anonymous, url);
    expect(feed.status).toBe(200);
    expect(eventIn(feed.text, postponed.id)).toMatchObject({ sequence: 0, status: "CONFIRMED", start: "2097-03-10T13:00:00.000Z" });

    // The coordinator postpones the first meeting by a day and cancels the second.
    const coordinator = await pageAs("coordinator");
    await coordinator.goto(`/${locale}/meetings/${postponed.id}/edit`);
    await coordinator.getByLabel(t.date).fill("2097-03-11");
    await coordinator.getByLabel(t.changeNote).fill("Postponed by a day.");
    await coordinator.getByRole("button", { name: t.save }).click();
    await coordinator.waitForURL(new RegExp(`/meetings/${postponed.id}$`));

    await coordinator.goto(`/${locale}/meetings/${cancelled.id}/edit`);
    await expectNoAxeViolations(coordinator);
    const form = coordinator.getByTestId("cancel-meeting");
    await form.getByLabel(t.reason).fill("The chair is away.");
    await form.getByRole("button", { name: t.cancel }).click();
    await expect(coordinator.getByTestId("meeting-cancelled").first()).toContainText(t.notice);
    await coordinator.goto(`/${locale}/meetings/${cancelled.id}`);
    await expect(coordinator.getByTestId("meeting-cancelled")).toContainText("The chair is away.");
    await expectNoAxeViolations(coordinator);

    feed = await readFeed(anonymous, url);
    expect(eventIn(feed.text, postponed.id)).toMatchObject({ sequence: 1, status: "CONFIRMED", start: "2097-03-11T13:00:00.000Z" });
    expect(eventIn(feed.text, cancelled.id)).toMatchObject({ sequence: 1, status: "CANCELLED" });

    // The e-mailed update and cancellation: the same UID, the higher SEQUENCE, one per member.
    const mails = await sql<{ dedupe_key: string; attachments: { content: string }[] }>(
      `SELECT dedupe_key, attachments FROM outbound_messages WHERE dedupe_key LIKE $1 OR dedupe_key LIKE $2`,
      [`meeting.agenda-changed:${postponed.id}:s1:%`, `meeting.cancelled:${cancelled.id}:%`],
    );
    const update = mails.find((mail) => mail.dedupe_key.startsWith("meeting.agenda-changed"))!;
    const updateEvent = new ICAL.Component(ICAL.parse(update.attachments[0]!.content));
    expect(updateEvent.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(updateEvent.getFirstSubcomponent("vevent")!.getFirstPropertyValue("sequence")).toBe(1);
    expect(new ICAL.Event(updateEvent.getFirstSubcomponent("vevent")!).startDate.toJSDate().toISOString()).toBe("2097-03-11T13:00:00.000Z");
    const cancellation = mails.find((mail) => mail.dedupe_key.startsWith("meeting.cancelled"))!;
    expect(new ICAL.Component(ICAL.parse(cancellation.attachments[0]!.content)).getFirstPropertyValue("method")).toBe("CANCEL");

    // Revoked: the calendar gets 404 from then on.
    await page.reload();
    await page.getByTestId("calendar-feed-revoke").getByRole("button", { name: t.revoke }).click();
    await expect(page.getByTestId("calendar-feed-revoke").getByRole("status")).toHaveText(t.revoked);
    expect((await readFeed(anonymous, url)).status).toBe(404);
    await expectNoAxeViolations(page);
    await anonymous.dispose();
  });
}
