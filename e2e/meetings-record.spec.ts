import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";

const text = {
  en: {
    newMeeting: "New meeting", number: "Number", titleEn: "Title (English)", titleFr: "Title (French)", date: "Date", start: "Start time", end: "End time", create: "Create the meeting",
    record: "Record of the meeting", saveAttendance: "Save the attendance", quorum: "Quorum was met.", decisionEn: "Decision (English)", decisionFr: "Decision (French)", recordDecision: "Record the decision",
    raise: "Raise an action item from this item", aiTitleEn: "Title (English)", aiTitleFr: "Title (French)", assignee: "Assignee", due: "Due date", createItem: "Create the action item",
    done: "Done", change: /^Change status/, saved: /is now Done/, upcoming: "IWGTIP regular meeting", status: "Now: Done",
    concerned: "Initiatives concerned", concernedShown: "Initiatives concerned: IWG-0001", package: "Agenda package (print)", packageActions: "Open action items",
  },
  fr: {
    newMeeting: "Nouvelle réunion", number: "Numéro", titleEn: "Titre (anglais)", titleFr: "Titre (français)", date: "Date", start: "Heure de début", end: "Heure de fin", create: "Créer la réunion",
    record: "Compte rendu de la réunion", saveAttendance: "Enregistrer les présences", quorum: "Le quorum était atteint.", decisionEn: "Décision (anglais)", decisionFr: "Décision (français)", recordDecision: "Consigner la décision",
    raise: "Créer une mesure de suivi pour ce point", aiTitleEn: "Titre (anglais)", aiTitleFr: "Titre (français)", assignee: "Personne responsable", due: "Échéance", createItem: "Créer la mesure de suivi",
    done: "Terminée", change: /^Changer l'état/, saved: /est maintenant à l'état Terminée/, upcoming: "Réunion ordinaire du GTITP", status: "Actuel : Terminée",
    concerned: "Initiatives visées", concernedShown: "Initiatives visées : IWG-0001", package: "Trousse de réunion (impression)", packageActions: "Mesures de suivi ouvertes",
  },
} as const;

function tomorrowInToronto(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto" }).format(new Date(Date.now() + 86_400_000));
}

for (const locale of ["en", "fr"] as Locale[]) {
  test(`the coordinator records attendance, two decisions and action items; a representative closes one; the next meeting carries the other, in ${locale}`, async ({ browser }) => {
    // One user journey from start to end (many screens, each scanned with axe): more than the default minute.
    test.setTimeout(150_000);
    const t = text[locale];
    const number = 200_000 + Math.floor(Math.random() * 700_000);
    const coordinatorContext = await browser.newContext();
    const page = await coordinatorContext.newPage();
    await signIn(page, demoAccounts.coordinator, locale);

    // A meeting that has already taken place.
    await page.goto(`/${locale}/meetings/new`);
    await page.getByLabel(t.number).fill(String(number));
    await page.getByLabel(t.titleEn).fill(`Held meeting ${number}`);
    await page.getByLabel(t.titleFr).fill(`Réunion tenue ${number}`);
    await page.getByLabel(t.date).fill(`2006-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`);
    await page.getByLabel(t.start).fill("13:30");
    await page.getByLabel(t.end).fill("16:00");
    await page.getByRole("button", { name: t.create }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingUrl = page.url();

    // An agenda item to raise action items from.
    await page.goto(`${meetingUrl}/agenda`);
    await page.getByRole("button", { name: locale === "fr" ? "Partir de l'ordre du jour type" : "Start from the standard agenda" }).click();
    await expect(page.getByTestId("agenda-item")).toHaveCount(7);

    await page.goto(`${meetingUrl}/record`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(t.record);
    await page.getByRole("button", { name: t.saveAttendance }).click();
    await expect(page.getByTestId("quorum")).toHaveText(t.quorum);
    await expectNoAxeViolations(page);

    // Two decisions; the first concerns an initiative, ticked in the decision form's list.
    for (const n of [1, 2]) {
      await page.getByLabel(t.decisionEn).fill(`Decision ${n} of ${number}`);
      await page.getByLabel(t.decisionFr).fill(`Décision ${n} de ${number}`);
      if (n === 1) await page.getByRole("group", { name: t.concerned }).getByRole("checkbox", { name: /^IWG-0001 — / }).check();
      await page.getByRole("button", { name: t.recordDecision }).click();
      await expect(page.getByTestId("decisions").locator("li")).toHaveCount(n);
    }
    await expect(page.getByTestId("decisions")).toContainText(/\d{4}-\d{2}-D\d+/);
    await expect(page.getByTestId("decisions").locator("li").first().getByTestId("decision-initiatives")).toHaveText(t.concernedShown);
    await expect(page.getByTestId("decisions").locator("li").nth(1).getByTestId("decision-initiatives")).toHaveCount(0);
    await expect(page.getByRole("group", { name: t.concerned }).getByRole("checkbox", { checked: true })).toHaveCount(0);
    await expectNoAxeViolations(page);

    const titles = [`Close me ${number}`, `Keep open ${number}`] as const;
    for (const title of titles) {
      await page.goto(`${meetingUrl}/record`);
      await page.getByRole("link", { name: t.raise }).first().click();
      await page.getByLabel(t.aiTitleEn).fill(title);
      await page.getByLabel(t.aiTitleFr).fill(`${title} (fr)`);
      await page.getByLabel(t.assignee).selectOption({ label: "Anne Roy" });
      await page.getByLabel(t.due).fill(tomorrowInToronto());
      await page.getByRole("button", { name: t.createItem }).click();
      await page.waitForURL(/created=1/);
    }
    await coordinatorContext.close();

    // The representative closes one from their list of the meeting's items.
    const repContext = await browser.newContext();
    const rep = await repContext.newPage();
    await signIn(rep, demoAccounts.repJus, locale);
    const meetingId = meetingUrl.split("/").pop();
    await rep.goto(`/${locale}/action-items?view=mine&meeting=${meetingId}`);
    const row = rep.getByTestId("action-item-row").filter({ hasText: titles[0] });
    await row.getByRole("combobox").selectOption({ label: t.done });
    await row.getByRole("button", { name: t.change }).click();
    await expect(rep.getByTestId("action-item-message")).toHaveText(t.saved);
    await expect(row.getByTestId("action-item-status")).toHaveText(t.status);
    await expectNoAxeViolations(rep);

    // The next meeting carries the one still open, not the closed one.
    await rep.goto(`/${locale}/meetings`);
    await rep.getByRole("link", { name: t.upcoming }).click();
    const carried = rep.getByTestId("carried-forward");
    await expect(carried).toContainText(titles[1]);
    await expect(carried).not.toContainText(titles[0]);
    await expectNoAxeViolations(rep);
    // So does its agenda package, under the open action items.
    await rep.getByRole("link", { name: t.package }).click();
    const tracker = rep.locator("section", { has: rep.getByRole("heading", { level: 2, name: t.packageActions }) });
    await expect(tracker).toContainText(titles[1]);
    await expect(tracker).not.toContainText(titles[0]);
    await expectNoAxeViolations(rep);
    await repContext.close();
  });
}
