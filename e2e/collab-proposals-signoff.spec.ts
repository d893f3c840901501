import { sql } from "./db";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";
import { seedInitiative, seedMeeting } from "./seed";

/*
 * Issue 22, points 3 and 4: a representative proposes an agenda item and the coordinator accepts it; minutes are
 * circulated, two departments concur, one comments, and the matrix shows it. Each test makes its own meeting.
 */
const text = {
  en: {
    mine: "My agenda proposals",
    proposeTitle: "Propose an item",
    titleEn: "Title (English)",
    titleFr: "Title (French)",
    kind: "Kind of item",
    forDecision: "For decision",
    minutes: "Minutes wanted",
    initiative: "Initiative it is about (optional)",
    why: "Why it should be on the agenda",
    send: "Send the proposal",
    titleMissing: "Enter a title in English, in French, or in both.",
    proposed: "Your proposal is sent to the secretariat.",
    accept: /^Accept into the agenda/,
    accepted: "The proposal is accepted: the item is on the agenda.",
    acceptedStatus: "Accepted into the agenda",
    circulate: "Circulate the minutes to members",
    due: "Sign-off due",
    concur: "We concur with the minutes",
    comment: "We send comments",
    comments: "Comments",
    answer: "Send our answer",
    saved: "Your department's answer is recorded.",
    concurred: "Concurred",
    commented: "Sent comments",
    noAnswer: "No answer",
    counts: /^2 departments concurred, 1 sent comments, \d+ have not answered\.$/,
  },
  fr: {
    mine: "Mes propositions de points à l’ordre du jour",
    proposeTitle: "Proposer un point",
    titleEn: "Titre (anglais)",
    titleFr: "Titre (français)",
    kind: "Type de point",
    forDecision: "Pour décision",
    minutes: "Minutes demandées",
    initiative: "Initiative visée (facultatif)",
    why: "Pourquoi ce point devrait être à l’ordre du jour",
    send: "Envoyer la proposition",
    titleMissing: "Entrez un titre en anglais, en français ou dans les deux langues.",
    proposed: "Votre proposition est envoyée au secrétariat.",
    accept: /^Ajouter à l’ordre du jour/,
    accepted: "La proposition est acceptée : le point est à l’ordre du jour.",
    acceptedStatus: "Ajoutée à l’ordre du jour",
    circulate: "Distribuer le procès-verbal aux membres",
    due: "Date limite d’approbation",
    concur: "Nous approuvons le procès-verbal",
    comment: "Nous envoyons des commentaires",
    comments: "Commentaires",
    answer: "Envoyer notre réponse",
    saved: "La réponse de votre ministère est enregistrée.",
    concurred: "Approuvé",
    commented: "Commentaires envoyés",
    noAnswer: "Aucune réponse",
    counts: /^2 ministères ont approuvé, 1 a envoyé des commentaires, \d+ n’ont pas répondu\.$/,
  },
} as const;

// Both tests of each language sign in the one demo coordinator: one after the other.
test.describe.configure({ mode: "serial" });

/** A date some days from today, YYYY-MM-DD. */
function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

for (const locale of ["en", "fr"] as Locale[]) {
  test(`a representative proposes an agenda item from their home page and the coordinator accepts it, in ${locale}`, async ({ browser }) => {
    const t = text[locale];
    const initiative = await seedInitiative({ lead: "JUS" });
    const meeting = await seedMeeting({ date: daysFromToday(20 + Math.floor(Math.random() * 60)), start: "09:30", end: "11:30" });
    const title = `Shelter capacity review ${Date.now()}`;

    // The representative starts on their home page, follows "Propose an item" to the meeting page.
    const repContext = await browser.newContext();
    const rep = await repContext.newPage();
    await signIn(rep, demoAccounts.repJus, locale);
    await rep.goto(`/${locale}`);
    await expect(rep.getByRole("heading", { name: t.mine })).toBeVisible();
    await expectNoAxeViolations(rep);
    await rep.getByRole("link", { name: new RegExp(`${meeting.number}`) }).click();
    await expect(rep).toHaveURL(new RegExp(`/meetings/${meeting.id}#propose$`));
    const form = rep.getByTestId("proposal-form");
    await expect(rep.getByRole("heading", { name: t.proposeTitle })).toBeVisible();

    // Bad input first: no title in either language is refused, nothing saved, what was typed kept.
    await form.getByLabel(t.why).fill("Capacity fell by a third this quarter.");
    await form.getByRole("button", { name: t.send }).click();
    await expect(form.getByRole("alert")).toBeVisible();
    await expect(form.getByText(t.titleMissing).first()).toBeVisible();
    await expect(form.getByLabel(t.why)).toHaveValue("Capacity fell by a third this quarter.");
    await expectNoAxeViolations(rep);

    await form.getByLabel(t.titleEn).fill(title);
    await form.getByLabel(t.titleFr).fill(`${title} (fr)`);
    await form.getByLabel(t.kind).selectOption({ label: t.forDecision });
    await form.getByLabel(t.minutes).fill("15");
    const initiativeBox = form.getByRole("combobox", { name: t.initiative });
    await initiativeBox.fill(initiative.code);
    await expect(form.getByRole("option", { name: new RegExp(initiative.code) })).toBeVisible();
    await initiativeBox.press("ArrowDown");
    await initiativeBox.press("Enter");
    await form.getByRole("button", { name: t.send }).click();
    await expect(rep.getByRole("status").filter({ hasText: t.proposed })).toBeVisible();
    await expectNoAxeViolations(rep);

    // The coordinator sees it beside the builder's suggestions and accepts it in one click.
    const coordinatorContext = await browser.newContext();
    const coordinator = await coordinatorContext.newPage();
    await signIn(coordinator, demoAccounts.coordinator, locale);
    await coordinator.goto(`/${locale}/meetings/${meeting.id}/agenda`);
    const proposal = coordinator.getByTestId("pending-proposal").filter({ hasText: title });
    await expect(proposal).toBeVisible();
    await expect(proposal).toContainText(initiative.code);
    await expectNoAxeViolations(coordinator);
    await proposal.getByRole("button", { name: t.accept }).click();
    await expect(coordinator.getByText(t.accepted)).toBeVisible();
    const itemTitle = locale === "fr" ? `${title} (fr)` : title;
    await expect(coordinator.getByTestId("agenda-item-title").filter({ hasText: itemTitle })).toBeVisible();
    await expectNoAxeViolations(coordinator);
    const [row] = await sql<{ status: string; agenda_item_id: string | null }>("SELECT status::text, agenda_item_id FROM agenda_proposals WHERE meeting_id = $1", [meeting.id]);
    expect(row).toMatchObject({ status: "ACCEPTED" });
    expect(row!.agenda_item_id).not.toBeNull();

    // The representative's home page says it was accepted.
    await rep.goto(`/${locale}`);
    await expect(rep.getByTestId("my-proposal").filter({ hasText: title }).getByTestId("proposal-status")).toHaveText(t.acceptedStatus);
    await expectNoAxeViolations(rep);
    await repContext.close();
    await coordinatorContext.close();
  });

  test(`minutes are circulated, two departments concur, one comments, and the matrix shows it, in ${locale}`, async ({ browser }) => {
    const t = text[locale];
    const meeting = await seedMeeting({ date: daysFromToday(-3), start: "09:30", end: "11:30" });
    await sql("UPDATE meetings SET agenda_status = 'HELD', quorum_met = true WHERE id = $1", [meeting.id]);
    await sql("INSERT INTO minutes (id, meeting_id, body_en, body_fr) VALUES (gen_random_uuid(), $1, 'The group met.', 'Le groupe s’est réuni.')", [meeting.id]);

    // The coordinator circulates them with the default due date.
    const coordinatorContext = await browser.newContext();
    const coordinator = await coordinatorContext.newPage();
    await signIn(coordinator, demoAccounts.coordinator, locale);
    await coordinator.goto(`/${locale}/meetings/${meeting.id}/record`);
    await expect(coordinator.getByLabel(t.due)).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await expectNoAxeViolations(coordinator);
    await coordinator.getByRole("button", { name: t.circulate }).click();
    await expect(coordinator.getByTestId("sign-off-matrix")).toBeVisible();
    await expectNoAxeViolations(coordinator);

    // Two departments concur, one sends comments, each from the meeting page.
    const answers: [string, "concur" | "comment"][] = [
      [demoAccounts.repJus, "concur"],
      [demoAccounts.repRcmp, "concur"],
      ["rep.cic@iwgtip.example", "comment"],
    ];
    for (const [email, answer] of answers) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, email, locale);
      await page.goto(`/${locale}/meetings/${meeting.id}#sign-off`);
      const form = page.getByTestId("sign-off-form");
      await expect(form).toBeVisible();
      if (email === demoAccounts.repJus) await expectNoAxeViolations(page);
      if (answer === "concur") await form.getByLabel(t.concur).check();
      else {
        await form.getByLabel(t.comment).check();
        // By role: the label "Comments" is also part of the radio button's "We send comments".
        await form.getByRole("textbox", { name: t.comments }).fill("Item 3: the figure is $2.1M, not $2.4M.");
      }
      await form.getByRole("button", { name: t.answer }).click();
      await expect(form.getByRole("status").filter({ hasText: t.saved })).toBeVisible();
      if (answer === "comment") await expectNoAxeViolations(page);
      await context.close();
    }

    // The matrix, in words: JUS and RCMP concurred, CIC sent comments, SWC has not answered.
    await coordinator.goto(`/${locale}/meetings/${meeting.id}`);
    const matrix = coordinator.getByTestId("sign-off-matrix");
    await expect(matrix.getByTestId("sign-off-counts")).toHaveText(t.counts);
    const answerOf = (acronym: string) => matrix.locator(`[data-department="${acronym}"]`).getByTestId("sign-off-answer");
    await expect(answerOf("JUS")).toHaveText(t.concurred);
    await expect(answerOf("RCMP")).toHaveText(t.concurred);
    await expect(answerOf("CIC")).toHaveText(t.commented);
    await expect(answerOf("SWC")).toHaveText(t.noAnswer);
    await expect(matrix.locator('[data-department="CIC"]')).toContainText("$2.1M");
    await expectNoAxeViolations(coordinator);
    await coordinatorContext.close();
  });
}
