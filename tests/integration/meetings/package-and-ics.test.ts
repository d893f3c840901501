import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { startAgenda } from "@/lib/agenda/commands";
import { db } from "@/lib/db";
import { meetingToIcs, meetingUid } from "@/lib/meetings/ics";
import { getAgendaPackage } from "@/lib/meetings/package";
import { packageLabels } from "@/lib/meetings/package-labels";
import { renderAgendaPackagePdf } from "@/lib/meetings/pdf";
import { torontoWallClockToUtc } from "@/lib/kernel/time";
import { sessionUser } from "../../support/database";
import { makeMeeting, pdfText } from "./support";

describe("the calendar invitation", () => {
  it("parses back with a standard parser: stable UID, SEQUENCE, Toronto time zone", async () => {
    const reader = await sessionUser("executive@iwgtip.example");
    const meeting = await makeMeeting();
    const startsAt = torontoWallClockToUtc("2031-07-10", "13:30");
    await db.meeting.update({ where: { id: meeting.id }, data: { startsAt, endsAt: new Date(startsAt.getTime() + 150 * 60_000), location: "Ottawa, 284 Wellington; room 2", icsSequence: 3 } });
    const data = (await getAgendaPackage(reader, meeting.id))!;
    const text = meetingToIcs({ ...data.meeting, agenda: data.agenda });
    expect(text.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const timezone = calendar.getFirstSubcomponent("vtimezone")!;
    ICAL.TimezoneService.register(new ICAL.Timezone(timezone));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.uid).toBe(meetingUid(meeting.id));
    expect(event.sequence).toBe(3);
    expect(event.location).toBe("Ottawa, 284 Wellington; room 2");
    expect(calendar.getFirstSubcomponent("vevent")!.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("America/Toronto");
    expect(event.startDate.toString()).toBe("2031-07-10T13:30:00");
    expect(event.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
    expect(event.summary).toContain("Réunion d'essai");
  });
});

describe("the agenda package PDF", () => {
  it("holds the agenda, the marking on every page and page numbers, with French accents", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting();
    await startAgenda(coordinator, { meetingId: meeting.id });
    const data = (await getAgendaPackage(coordinator, meeting.id))!;
    expect(data.securityMarking).toBe("UNCLASSIFIED / NON CLASSIFIÉ");
    const pages = await pdfText(await renderAgendaPackagePdf(data, "fr", await packageLabels(data, "fr")));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, index) => {
      expect(page).toContain("UNCLASSIFIED / NON CLASSIFIÉ");
      expect(page).toContain(`Page ${index + 1} de ${pages.length}`);
    });
    const all = pages.join(" ");
    expect(all).toContain("Ordre du jour");
    expect(all).toContain("Adoption de l'ordre du jour");
    expect(all).toContain("Aperçu par pilier");
    expect(all).toContain("Mesures de suivi ouvertes");
  });

  it("carries forward open action items of earlier meetings", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting();
    const data = (await getAgendaPackage(coordinator, meeting.id))!;
    const open = await db.actionItem.findMany({ where: { status: { in: ["OPEN", "IN_PROGRESS"] }, meeting: { sequenceNumber: 2 } }, select: { id: true } });
    expect(open.length).toBeGreaterThan(0);
    for (const item of open) expect(data.openActionItems.map((row) => row.id)).toContain(item.id);
  });
});
