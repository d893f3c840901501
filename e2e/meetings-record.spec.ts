import type { Page } from "@playwright/test";
import { sql } from "./db";
import { demoAccounts, expect, expectNoAxeViolations, test, type Locale } from "./fixtures";
import { seedActionItem, seedMeeting } from "./seed";

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

/**
 * A meeting that has already taken place, with the standard agenda, seeded for one test; `recorded`: its attendance
 * already saved (the agenda is then HELD, as saving the attendance makes it), so its outcomes can be recorded.
 */
async function seedHeldMeeting(page: Page, locale: Locale, { recorded }: { recorded: boolean }) {
  const meeting = await seedMeeting({ date: `2006-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`, start: "13:30", end: "16:00" });
  await page.goto(`/${locale}/meetings/${meeting.id}/agenda`);
  await page.getByRole("button", { name: locale === "fr" ? "Partir de l'ordre du jour type" : "Start from the standard agenda" }).click();
  await expect(page.getByTestId("agenda-item")).toHaveCount(7);
  if (recorded) await sql("UPDATE meetings SET agenda_status = 'HELD', version = version + 1 WHERE id = $1", [meeting.id]);
  return meeting;
}

// Recording a meeting: one test per step (attendance; decisions; an action item raised; one closed, the other
// carried to the next meeting), each on a meeting it seeds, with people already signed in (pageAs).
for (const locale of ["en", "fr"] as Locale[]) {
  const t = text[locale];

  test(`the coordinator records the attendance and the quorum is judged, in ${locale}`, async ({ pageAs }) => {
    const page = await pageAs("coordinator");
    const meeting = await seedHeldMeeting(page, locale, { recorded: false });
    await page.goto(`/${locale}/meetings/${meeting.id}/record`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(t.record);
    await page.getByRole("button", { name: t.saveAttendance }).click();
    await expect(page.getByTestId("quorum")).toHaveText(t.quorum);
    await expectNoAxeViolations(page);
  });

  test(`the coordinator records two decisions, one concerning an initiative, in ${locale}`, async ({ pageAs }) => {
    const page = await pageAs("coordinator");
    const meeting = await seedHeldMeeting(page, locale, { recorded: true });
    await page.goto(`/${locale}/meetings/${meeting.id}/record`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(t.record);
    // The first concerns an initiative, ticked in the decision form's list.
    for (const n of [1, 2]) {
      await page.getByLabel(t.decisionEn).fill(`Decision ${n} of ${meeting.number}`);
      await page.getByLabel(t.decisionFr).fill(`Décision ${n} de ${meeting.number}`);
      if (n === 1) await page.getByRole("group", { name: t.concerned }).getByRole("checkbox", { name: /^IWG-0001 — / }).check();
      await page.getByRole("button", { name: t.recordDecision }).click();
      await expect(page.getByTestId("decisions").locator("li")).toHaveCount(n);
    }
    await expect(page.getByTestId("decisions")).toContainText(/\d{4}-\d{2}-D\d+/);
    await expect(page.getByTestId("decisions").locator("li").first().getByTestId("decision-initiatives")).toHaveText(t.concernedShown);
    await expect(page.getByTestId("decisions").locator("li").nth(1).getByTestId("decision-initiatives")).toHaveCount(0);
    await expect(page.getByRole("group", { name: t.concerned }).getByRole("checkbox", { checked: true })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test(`the coordinator raises an action item from an agenda item of the record, in ${locale}`, async ({ pageAs }) => {
    const page = await pageAs("coordinator");
    const meeting = await seedHeldMeeting(page, locale, { recorded: true });
    const title = `Raised ${meeting.number}`;
    await page.goto(`/${locale}/meetings/${meeting.id}/record`);
    await page.getByRole("link", { name: t.raise }).first().click();
    await expectNoAxeViolations(page);
    await page.getByLabel(t.aiTitleEn).fill(title);
    await page.getByLabel(t.aiTitleFr).fill(`${title} (fr)`);
    await page.getByLabel(t.assignee).selectOption({ label: "Anne Roy" });
    await page.getByLabel(t.due).fill(tomorrowInToronto());
    await page.getByRole("button", { name: t.createItem }).click();
    await page.waitForURL(/created=1/);
    const [row] = await sql<{ title_fr: string; agenda_item: boolean }>("SELECT title_fr, agenda_item_id IS NOT NULL AS agenda_item FROM action_items WHERE meeting_id = $1 AND title_en = $2", [meeting.id, title]);
    expect(row).toEqual({ title_fr: `${title} (fr)`, agenda_item: true });
  });

  test(`a representative closes one of a meeting's action items; the next meeting and its package carry the other, in ${locale}`, async ({ pageAs }) => {
    const meeting = await seedMeeting({ date: "2006-05-15", start: "13:30", end: "16:00" });
    const titles = [`Close me ${meeting.number}`, `Keep open ${meeting.number}`] as const;
    for (const title of titles) await seedActionItem(meeting.id, demoAccounts.repJus, title, tomorrowInToronto());

    const rep = await pageAs("repJus");
    await rep.goto(`/${locale}/action-items?view=mine&meeting=${meeting.id}`);
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
  });
}
