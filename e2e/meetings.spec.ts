import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";

const text = {
  en: {
    newMeeting: "New meeting",
    number: "Number",
    titleEn: "Title (English)",
    titleFr: "Title (French)",
    date: "Date",
    start: "Start time",
    end: "End time",
    create: "Create the meeting",
    builder: "Agenda builder",
    template: "Start from the standard agenda",
    addSuggestion: /^Add to the agenda/,
    firstItem: "Tour de table",
    secondItem: "Adoption of the agenda",
    moved: /moved to position 2 of/,
    pickedUp: /^(Picked up Tour de table, at position 1\.|Tour de table is over position 1\.)$/,
    over: "Tour de table is over position 2.",
    publish: "Publish the agenda",
    published: "The agenda is published.",
    statusPublished: "Published",
    endBeforeStart: "The end must be after the start.",
    changeNote: "Change note",
    moveDown: "Move down",
    setMinutes: /^Set/,
    refused: /^The new order was not saved and the previous order is back: .*change note/,
  },
  fr: {
    newMeeting: "Nouvelle réunion",
    number: "Numéro",
    titleEn: "Titre (anglais)",
    titleFr: "Titre (français)",
    date: "Date",
    start: "Heure de début",
    end: "Heure de fin",
    create: "Créer la réunion",
    builder: "Préparer l'ordre du jour",
    template: "Partir de l'ordre du jour type",
    addSuggestion: /^Ajouter à l'ordre du jour/,
    firstItem: "Tour de table",
    secondItem: "Adoption de l'ordre du jour",
    moved: /déplacé en position 2 sur/,
    pickedUp: /^(Tour de table saisi, en position 1\.|Tour de table est au-dessus de la position 1\.)$/,
    over: "Tour de table est au-dessus de la position 2.",
    publish: "Publier l'ordre du jour",
    published: "L'ordre du jour est publié.",
    statusPublished: "Publié",
    endBeforeStart: "La fin doit être postérieure au début.",
    changeNote: "Note de modification",
    moveDown: "Descendre",
    setMinutes: /^Fixer/,
    refused: /^Le nouvel ordre n'a pas été enregistré et l'ordre précédent est rétabli : .*note de modification/,
  },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  test(`the coordinator builds an agenda from the template and a suggestion, reorders it by keyboard and publishes it, in ${locale}`, async ({ page }) => {
    const t = text[locale];
    const number = 200_000 + Math.floor(Math.random() * 700_000);
    await signIn(page, demoAccounts.coordinator, locale);
    await page.goto(`/${locale}/meetings`);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: t.newMeeting }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.newMeeting);
    await expectNoAxeViolations(page);

    await page.getByLabel(t.number).fill(String(number));
    await page.getByLabel(t.titleEn).fill(`E2E meeting ${number}`);
    await page.getByLabel(t.titleFr).fill(`Réunion E2E ${number}`);
    await page.getByLabel(t.date).fill("2098-06-10");
    await page.getByLabel(t.start).fill("13:30");
    await page.getByLabel(t.end).fill("12:00");
    await page.getByRole("button", { name: t.create }).click();
    await expect(page.locator("#endTime-error")).toHaveText(t.endBeforeStart);
    await expectNoAxeViolations(page);
    await page.getByLabel(t.end).fill("15:00");
    await page.getByRole("button", { name: t.create }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "fr" ? `Réunion E2E ${number}` : `E2E meeting ${number}`);
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: t.builder }).click();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: t.template }).click();
    const items = page.getByTestId("agenda-item");
    await expect(items).toHaveCount(7);
    await expect(items.first().getByTestId("agenda-item-start")).toHaveText("13:30");

    // One click adds a suggestion.
    await page.getByTestId("agenda-suggestions").getByRole("button", { name: t.addSuggestion }).first().click();
    await expect(items).toHaveCount(8);

    // More time for the first item pushes the later start times and warns that the agenda runs over.
    await items.first().getByRole("spinbutton").fill("60");
    await items.first().getByRole("button", { name: t.setMinutes }).click();
    await expect(items.nth(1).getByTestId("agenda-item-start")).toHaveText("14:30");
    await expect(page.getByTestId("agenda-overrun")).toBeVisible();

    // Keyboard only: focus the first item's handle, pick it up, move it down one place, drop it.
    await items.first().getByRole("button").first().focus();
    // Each step waits for the screen-reader announcement, which also proves the move is announced.
    const dragAnnouncements = page.locator("[id^=DndLiveRegion]");
    await page.keyboard.press("Space");
    await expect(dragAnnouncements).toHaveText(t.pickedUp);
    await page.keyboard.press("ArrowDown");
    await expect(dragAnnouncements).toHaveText(t.over);
    await page.keyboard.press("Space");
    await expect(page.getByTestId("agenda-message")).toHaveText(t.moved);
    await expect(items.first().getByTestId("agenda-item-title")).toHaveText(`1. ${t.secondItem}`);
    await expect(items.nth(1).getByTestId("agenda-item-title")).toHaveText(`2. ${t.firstItem}`);
    await expectNoAxeViolations(page);

    // The order was saved: it survives a reload.
    await page.reload();
    await expect(page.getByTestId("agenda-item").first().getByTestId("agenda-item-title")).toHaveText(`1. ${t.secondItem}`);

    await page.getByRole("button", { name: t.publish }).click();
    await expect(page.getByTestId("agenda-message")).toHaveText(t.published);
    await expectNoAxeViolations(page);

    // Published: a move without a change note is refused by the server, and the optimistic move is rolled back.
    const firstTitle = page.getByTestId("agenda-item").first().getByTestId("agenda-item-title");
    await expect(page.getByLabel(t.changeNote)).toBeVisible();
    await page.getByRole("button", { name: new RegExp(`^${t.moveDown} — ${t.secondItem}$`) }).click();
    await expect(page.getByTestId("agenda-message")).toHaveText(t.refused);
    await expect(firstTitle).toHaveText(`1. ${t.secondItem}`);
    await page.getByLabel(t.changeNote).fill("Tour de table first after all.");
    await page.getByRole("button", { name: new RegExp(`^${t.moveDown} — ${t.secondItem}$`) }).click();
    await expect(page.getByTestId("agenda-message")).toHaveText(t.moved);
    await expect(firstTitle).toHaveText(`1. ${t.firstItem}`);
    await expectNoAxeViolations(page);
  });
}

const packageText = {
  en: { meeting: "IWGTIP regular meeting", package: "Agenda package (print)", heading: /agenda package/, agenda: "Agenda", pdfAgenda: "Adoption of the agenda", page: "Page 1 of" },
  fr: { meeting: "Réunion ordinaire du GTITP", package: "Trousse de réunion (impression)", heading: /trousse de réunion/, agenda: "Ordre du jour", pdfAgenda: "Adoption de l'ordre du jour", page: "Page 1 de" },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  test(`anyone signed in gets the agenda package (print page and PDF) and the calendar invitation, in ${locale}`, async ({ page }) => {
    const t = packageText[locale];
    await signIn(page, demoAccounts.executive, locale);
    await page.goto(`/${locale}/meetings`);
    await page.getByRole("link", { name: t.meeting }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.meeting);
    await expectNoAxeViolations(page);

    // The .ics parses with a standard parser and keeps the meeting's UID.
    const meetingId = page.url().split("/").pop()!;
    const ics = await page.request.get(`/api/meetings/${meetingId}/ics`);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    const ICAL = (await import("ical.js")).default;
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent("vevent")!);
    expect(event.uid).toBe(`meeting-${meetingId}@iwgtip-portal`);
    expect(event.summary).toContain("IWGTIP regular meeting / Réunion ordinaire du GTITP");

    // The PDF holds the agenda, the marking and page numbers in the page's language.
    const pdf = await page.request.get(`/api/meetings/${meetingId}/pdf?locale=${locale}`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const document = await getDocument({ data: new Uint8Array(await pdf.body()), disableFontFace: true }).promise;
    const first = (await (await document.getPage(1)).getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(" ");
    expect(first).toContain("UNCLASSIFIED / NON CLASSIFIÉ");
    expect(first).toContain(t.pdfAgenda);
    expect(first).toContain(t.page);

    await page.getByRole("link", { name: t.package }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.heading);
    await expect(page.getByTestId("marking-top")).toHaveText("UNCLASSIFIED / NON CLASSIFIÉ");
    await expect(page.getByTestId("marking-bottom")).toHaveText("UNCLASSIFIED / NON CLASSIFIÉ");
    await expect(page.getByRole("heading", { level: 2, name: t.agenda })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
