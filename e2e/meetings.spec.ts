import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { sql } from "./db";
import { expect, expectNoAxeViolations, test, type Locale } from "./fixtures";
import { seedInitiative, seedMeeting } from "./seed";

/** The text of every page of a PDF, joined. */
async function pdfText(data: Buffer): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await getDocument({ data: new Uint8Array(data), disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    pages.push((await (await document.getPage(number)).getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages.join(" ");
}

/** Clicks a link that downloads a file, as a member would, and reads what arrived. */
async function download(page: Page, name: string | RegExp): Promise<{ filename: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  return { filename: file.suggestedFilename(), body: await readFile((await file.path())!) };
}

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
    ics: "Calendar invitation (.ics)",
    pdf: "Agenda package (PDF)",
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
    ics: "Invitation de calendrier (.ics)",
    pdf: "Trousse de réunion (PDF)",
  },
} as const;

/** The agenda builder of a seeded meeting, started from the standard agenda (seven items). */
async function builderFromTemplate(page: Page, locale: Locale, meetingId: string) {
  await page.goto(`/${locale}/meetings/${meetingId}/agenda`);
  await page.getByRole("button", { name: text[locale].template }).click();
  const items = page.getByTestId("agenda-item");
  await expect(items).toHaveCount(7);
  return items;
}

// The agenda journey (create, build, reorder, publish, change, download) is one test per step: each seeds its own
// meeting (e2e/seed.ts) and the coordinator is already signed in (the pageAs fixture).
for (const locale of ["en", "fr"] as Locale[]) {
  const t = text[locale];

  test(`the new-meeting form refuses an end before the start, then creates the meeting, in ${locale}`, async ({ pageAs }) => {
    const page = await pageAs("coordinator");
    const number = 200_000 + Math.floor(Math.random() * 700_000);
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
    await expect(page.locator("#meeting-endTime-error")).toHaveText(t.endBeforeStart);
    await expectNoAxeViolations(page);
    await page.getByLabel(t.end).fill("15:00");
    await page.getByRole("button", { name: t.create }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "fr" ? `Réunion E2E ${number}` : `E2E meeting ${number}`);
    await expect(page.getByRole("link", { name: t.builder })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test(`the coordinator starts an agenda from the template, adds a suggestion and sees the times move, in ${locale}`, async ({ pageAs }) => {
    const meeting = await seedMeeting({ date: "2098-06-10", start: "13:30", end: "15:00" });
    const page = await pageAs("coordinator");
    await page.goto(`/${locale}/meetings/${meeting.id}`);
    await page.getByRole("link", { name: t.builder }).click();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: t.template }).click();
    const items = page.getByTestId("agenda-item");
    await expect(items).toHaveCount(7);
    await expect(items.first().getByTestId("agenda-item-start")).toHaveText("13:30");

    // One click adds a suggestion.
    const suggestion = page.getByTestId("agenda-suggestions").locator("li").first();
    const suggestionTitle = await suggestion.locator(".font-semibold").innerText();
    await suggestion.getByRole("button", { name: t.addSuggestion }).click();
    await expect(items).toHaveCount(8);
    await expect(page.getByTestId("agenda-items")).toContainText(suggestionTitle);

    // More time for the first item pushes the later start times and warns that the agenda runs over.
    await items.first().getByRole("spinbutton").fill("60");
    await items.first().getByRole("button", { name: t.setMinutes }).click();
    await expect(items.nth(1).getByTestId("agenda-item-start")).toHaveText("14:30");
    await expect(page.getByTestId("agenda-overrun")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test(`the coordinator reorders the agenda by keyboard, hears each step, and the order is saved, in ${locale}`, async ({ pageAs }) => {
    const meeting = await seedMeeting({ date: "2098-06-11", start: "13:30", end: "15:00" });
    const page = await pageAs("coordinator");
    const items = await builderFromTemplate(page, locale, meeting.id);

    // Keyboard only: focus the first item's handle, pick it up, move it down one place, drop it.
    await items.first().getByRole("button").first().focus();
    // Each step waits for the screen-reader announcement, which also proves the move is announced.
    const dragAnnouncements = page.getByTestId("agenda-drag-announcement");
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
  });

  test(`a published agenda takes a change only with a change note, and the invitation and package follow it, in ${locale}`, async ({ pageAs }) => {
    const meeting = await seedMeeting({ date: "2098-06-12", start: "13:30", end: "15:00" });
    const page = await pageAs("coordinator");
    await builderFromTemplate(page, locale, meeting.id);
    await page.getByRole("button", { name: t.publish }).click();
    await expect(page.getByTestId("agenda-message")).toHaveText(t.published);
    await expectNoAxeViolations(page);

    // Published: a move without a change note is refused by the server, and the optimistic move is rolled back.
    const firstTitle = page.getByTestId("agenda-item").first().getByTestId("agenda-item-title");
    await expect(page.getByLabel(t.changeNote)).toBeVisible();
    await page.getByRole("button", { name: new RegExp(`^${t.moveDown} — ${t.firstItem}$`) }).click();
    await expect(page.getByTestId("agenda-message")).toHaveText(t.refused);
    await expect(firstTitle).toHaveText(`1. ${t.firstItem}`);
    await page.getByLabel(t.changeNote).fill("Adoption of the agenda first after all.");
    await page.getByRole("button", { name: new RegExp(`^${t.moveDown} — ${t.firstItem}$`) }).click();
    await expect(page.getByTestId("agenda-message")).toHaveText(t.moved);
    await expect(firstTitle).toHaveText(`1. ${t.secondItem}`);
    await expectNoAxeViolations(page);

    // A member downloads the invitation and the package from the meeting page. The .ics parses with a standard
    // parser: the meeting's UID, SEQUENCE 2 (published, then changed once), the agenda in its new order.
    await page.goto(`/${locale}/meetings/${meeting.id}`);
    const ics = await download(page, t.ics);
    expect(ics.filename).toBe(`iwgtip-meeting-${meeting.number}.ics`);
    const ICAL = (await import("ical.js")).default;
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.body.toString("utf8"))).getFirstSubcomponent("vevent")!);
    expect(event.uid).toBe(`meeting-${meeting.id}@iwgtip-portal`);
    expect(event.sequence).toBe(2);
    expect(event.summary).toBe(`${meeting.titleEn} / ${meeting.titleFr}`);
    expect(event.description).toContain(`1. 13:30 ${text.en.secondItem} / ${text.fr.secondItem}`);
    expect(event.startDate.toString()).toBe("2098-06-12T13:30:00");

    // The PDF, in the page's language, holds the marking and the agenda in its order.
    const pdf = await download(page, t.pdf);
    expect(pdf.filename).toBe(`iwgtip-agenda-${meeting.number}-${locale}.pdf`);
    const content = await pdfText(pdf.body);
    expect(content).toContain("UNCLASSIFIED / NON CLASSIFIÉ");
    // The agenda is a tagged table (lib/meetings/pdf.ts): each item's number in its own cell, then its title.
    expect(content).toMatch(new RegExp(`\\b1\\s+${t.secondItem} — .*\\b2\\s+${t.firstItem} — `));
  });
}

const editText = {
  en: {
    edit: "Edit",
    dialog: /^Edit item 1: Tour de table$/,
    titleEn: "Title (English)",
    titleFr: "Title (French)",
    kind: "Kind",
    forDecision: "For decision",
    minutes: "Minutes",
    presenter: "Presenting department",
    initiative: "Linked initiative",
    save: "Save the item",
    addItem: "Add an item",
    addItemButton: "Add the item",
    tooSmall: "Enter a value of at least 1.",
    archived: "This initiative is archived; choose an active one.",
    oneChoice: "1 choice. Use the up and down arrow keys to hear them.",
    conflict: /^Marie Gagnon saved a change to this record .* Nothing was saved; what you typed is still here\./,
    savedNow: "Saved now: Welcome (other tab) — For information, 10 min.",
    saved: "Welcome to members was saved.",
    remove: "Remove",
    removed: "Tour de table was removed from the agenda.",
  },
  fr: {
    edit: "Modifier",
    dialog: /^Modifier le point 1 : Tour de table$/,
    titleEn: "Titre (anglais)",
    titleFr: "Titre (français)",
    kind: "Nature",
    forDecision: "Pour décision",
    minutes: "Minutes",
    presenter: "Ministère présentateur",
    initiative: "Initiative liée",
    save: "Enregistrer le point",
    addItem: "Ajouter un point",
    addItemButton: "Ajouter le point",
    tooSmall: "Entrez une valeur d'au moins 1.",
    archived: "Cette initiative est archivée; choisissez une initiative active.",
    oneChoice: "1 choix. Utilisez les flèches haut et bas pour les entendre.",
    conflict: /^Marie Gagnon a enregistré une modification de cette fiche .* Rien n'a été enregistré; ce que vous avez saisi est conservé\./,
    savedNow: "Version enregistrée : Bienvenue (autre onglet) — Pour information, 10 min.",
    saved: "Bienvenue aux membres a été enregistré.",
    remove: "Retirer",
    removed: "Tour de table a été retiré de l'ordre du jour.",
  },
} as const;

/** An initiative of a test's own, to link from an agenda item and then archive (as if someone archived it meanwhile). */
async function seedLinkableInitiative() {
  const initiative = await seedInitiative({ lead: "SWC", title: "Archived meanwhile" });
  await sql("UPDATE initiatives SET title_fr = 'Archivée entre-temps' WHERE id = $1", [initiative.id]);
  return initiative;
}

const editButtonFor = (page: Page, locale: Locale, title: string) => page.getByRole("button", { name: new RegExp(`^${editText[locale].edit} — ${title}$`) });

// Editing an agenda item: one test per behaviour, each on a meeting it seeds, started from the standard agenda.
for (const locale of ["en", "fr"] as Locale[]) {
  const t = { ...text[locale], ...editText[locale] };
  const welcome = locale === "fr" ? "Bienvenue aux membres" : "Welcome to members";

  test(`the add-item form refuses zero minutes at the field and keeps what was typed, in ${locale}`, async ({ pageAs }) => {
    const meeting = await seedMeeting({ date: "2097-03-04", start: "09:00", end: "12:00" });
    const page = await pageAs("coordinator");
    const items = await builderFromTemplate(page, locale, meeting.id);
    const addForm = page.locator("section", { has: page.getByRole("heading", { level: 2, name: t.addItem }) });
    await addForm.getByLabel(t.titleEn).fill("Not added");
    await addForm.getByLabel(t.minutes).fill("0");
    await addForm.getByRole("button", { name: t.addItemButton }).click();
    await expect(addForm.getByText(t.tooSmall)).toBeVisible();
    await expect(addForm.getByLabel(t.minutes)).toHaveAttribute("aria-invalid", "true");
    await expect(addForm.getByLabel(t.titleEn)).toHaveValue("Not added");
    await expect(items).toHaveCount(7);
    await expectNoAxeViolations(page);
  });

  test(`the edit dialog refuses zero minutes and an initiative archived meanwhile at their fields, and its type-ahead works by keyboard, in ${locale}`, async ({ pageAs }) => {
    const initiative = await seedLinkableInitiative();
    const linkedName = `${initiative.code} — ${locale === "fr" ? "Archivée entre-temps" : "Archived meanwhile"}`;
    const meeting = await seedMeeting({ date: "2097-03-05", start: "09:00", end: "12:00" });
    const page = await pageAs("coordinator");
    await builderFromTemplate(page, locale, meeting.id);

    await editButtonFor(page, locale, t.firstItem).click();
    const dialog = page.getByRole("dialog", { name: t.dialog });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel(t.titleEn)).toBeFocused();
    await expectNoAxeViolations(page);

    // Zero minutes: refused at the field, in the page's language; what was typed stays.
    await dialog.getByLabel(t.titleEn).fill("Welcome to members");
    await dialog.getByLabel(t.titleFr).fill("Bienvenue aux membres");
    await dialog.getByLabel(t.kind).selectOption({ label: t.forDecision });
    await dialog.getByLabel(t.minutes).fill("0");
    await dialog.getByLabel(t.presenter).selectOption({ label: locale === "fr" ? "GRC" : "RCMP" });
    // The linked initiative is a type-ahead: typing its code offers it, a click picks it.
    await dialog.getByRole("combobox", { name: t.initiative }).fill(initiative.code);
    await dialog.getByRole("listbox").getByRole("option", { name: linkedName }).click();
    await expect(dialog.getByRole("combobox", { name: t.initiative })).toHaveValue(linkedName);
    await dialog.getByRole("button", { name: t.save }).click();
    await expect(dialog.locator("#edit-item-minutes-error")).toHaveText(t.tooSmall);
    await expect(dialog.getByLabel(t.minutes)).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByLabel(t.titleEn)).toHaveValue("Welcome to members");
    await expectNoAxeViolations(page);

    // The chosen initiative is archived before the save: refused at that field with a clear message.
    await sql("UPDATE initiatives SET archived_at = now() WHERE id = $1", [initiative.id]);
    await dialog.getByLabel(t.minutes).fill("20");
    await dialog.getByRole("button", { name: t.save }).click();
    await expect(dialog.locator("#edit-item-initiativeId-error")).toHaveText(t.archived);
    await expect(dialog.getByLabel(t.titleFr)).toHaveValue("Bienvenue aux membres");

    // Keyboard alone: type, Down to the first choice (announced), Enter picks it without submitting the form.
    const initiativeBox = dialog.getByRole("combobox", { name: t.initiative });
    const choices = dialog.getByRole("listbox").getByRole("option");
    await initiativeBox.fill("IWG-0001");
    await expect(choices.first()).toHaveText(/^IWG-0001 — /);
    await expect(dialog.locator("#edit-item-initiativeId-status")).toHaveText(t.oneChoice);
    await expect(initiativeBox).toHaveAttribute("aria-expanded", "true");
    // Escape closes the list, not the dialog; Down opens it again, and Down again highlights the first choice.
    await initiativeBox.press("Escape");
    await expect(dialog.getByRole("listbox")).toBeHidden();
    await expect(dialog).toBeVisible();
    await initiativeBox.press("ArrowDown");
    await expect(choices.first()).toBeVisible();
    await initiativeBox.press("ArrowDown");
    await expect(initiativeBox).toHaveAttribute("aria-activedescendant", "edit-item-initiativeId-option-0");
    await expect(choices.first()).toHaveAttribute("aria-selected", "true");
    await expectNoAxeViolations(page);
    await initiativeBox.press("Enter");
    await expect(dialog.getByRole("listbox")).toBeHidden();
    await expect(initiativeBox).toHaveValue(/^IWG-0001 — /);
    await expect(dialog).toBeVisible();
  });

  test(`a save that conflicts with another tab's keeps what was typed and shows what is saved; saving again wins, in ${locale}`, async ({ pageAs }) => {
    const meeting = await seedMeeting({ date: "2097-03-06", start: "09:00", end: "12:00" });
    const page = await pageAs("coordinator");
    const items = await builderFromTemplate(page, locale, meeting.id);
    await editButtonFor(page, locale, t.firstItem).click();
    const dialog = page.getByRole("dialog", { name: t.dialog });
    await dialog.getByLabel(t.titleEn).fill("Welcome to members");
    await dialog.getByLabel(t.titleFr).fill("Bienvenue aux membres");
    await dialog.getByLabel(t.kind).selectOption({ label: t.forDecision });
    await dialog.getByLabel(t.minutes).fill("20");
    await dialog.getByLabel(t.presenter).selectOption({ label: locale === "fr" ? "GRC" : "RCMP" });
    await dialog.getByRole("combobox", { name: t.initiative }).fill("IWG-0001");
    await dialog.getByRole("listbox").getByRole("option", { name: /^IWG-0001 — / }).click();

    // Meanwhile the same item is saved from another tab: this save is refused as a conflict, typed values stay,
    // and the dialog shows what is saved now.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await editButtonFor(other, locale, t.firstItem).click();
    const otherDialog = other.getByRole("dialog");
    await otherDialog.getByLabel(t.titleEn).fill("Welcome (other tab)");
    await otherDialog.getByLabel(t.titleFr).fill("Bienvenue (autre onglet)");
    await otherDialog.getByRole("button", { name: t.save }).click();
    await expect(otherDialog).toBeHidden();
    await other.close();
    await dialog.getByRole("button", { name: t.save }).click();
    await expect(dialog.getByTestId("edit-item-message")).toContainText(t.conflict);
    await expect(dialog.getByTestId("edit-item-saved-now")).toHaveText(t.savedNow);
    await expect(dialog.getByLabel(t.titleEn)).toHaveValue("Welcome to members");
    await expect(dialog.getByLabel(t.minutes)).toHaveValue("20");
    await expectNoAxeViolations(page);

    // Saving again, knowingly, replaces the other change; the dialog closes and focus returns to its Edit button.
    await dialog.getByRole("button", { name: t.save }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("agenda-message")).toHaveText(t.saved);
    const first = items.first();
    await expect(first.getByTestId("agenda-item-title")).toHaveText(`1. ${welcome}`);
    await expect(first).toContainText(`${t.forDecision} · ${locale === "fr" ? "GRC" : "RCMP"} · 20 min · IWG-0001`);
    await expect(editButtonFor(page, locale, welcome)).toBeFocused();
    await expect(items.nth(1).getByTestId("agenda-item-start")).toHaveText("09:20");
    // Keyboard alone: Enter opens the dialog again, Escape closes it without saving, focus comes back.
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(editButtonFor(page, locale, welcome)).toBeFocused();
  });

  test(`removing an item hides it and moves the others up; the row stays, marked removed, in ${locale}`, async ({ pageAs }) => {
    const meeting = await seedMeeting({ date: "2097-03-07", start: "09:00", end: "12:00" });
    const page = await pageAs("coordinator");
    const items = await builderFromTemplate(page, locale, meeting.id);
    await page.getByRole("button", { name: new RegExp(`^${t.remove} — ${t.firstItem}$`) }).click();
    await expect(page.getByTestId("agenda-message")).toHaveText(t.removed);
    await expect(items).toHaveCount(6);
    await expect(items.first().getByTestId("agenda-item-title")).toHaveText(`1. ${t.secondItem}`);
    await expect(items.first().getByTestId("agenda-item-start")).toHaveText("09:00");
    await expectNoAxeViolations(page);
    const [row] = await sql<{ deleted: boolean }>("SELECT deleted_at IS NOT NULL AS deleted FROM agenda_items WHERE title_en = 'Tour de table' AND meeting_id = $1", [meeting.id]);
    expect(row?.deleted).toBe(true);
  });
}

const packageText = {
  en: { meeting: "IWGTIP regular meeting", package: "Agenda package (print)", heading: /agenda package/, agenda: "Agenda", pdfAgenda: "Adoption of the agenda", page: "Page 1 of" },
  fr: { meeting: "Réunion ordinaire du GTITP", package: "Trousse de réunion (impression)", heading: /trousse de réunion/, agenda: "Ordre du jour", pdfAgenda: "Adoption de l'ordre du jour", page: "Page 1 de" },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  test(`anyone signed in gets the agenda package (print page and PDF) and the calendar invitation, in ${locale}`, async ({ pageAs }) => {
    const t = packageText[locale];
    const page = await pageAs("executive");
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
