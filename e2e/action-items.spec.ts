import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";

const text = {
  en: {
    new: "New action item",
    titleEn: "Title (English)",
    titleFr: "Title (French)",
    owner: "Owner department",
    assignee: "Assignee",
    due: "Due date",
    create: "Create the action item",
    done: "Done",
    inProgress: "In progress",
    note: "Completion note",
    change: /^Change status/,
    nowDone: "Now: Done",
    nowInProgress: "Now: In progress",
    saved: /is now Done/,
    refused: /was not changed/,
    mine: "Assigned to me",
  },
  fr: {
    new: "Nouvelle mesure de suivi",
    titleEn: "Titre (anglais)",
    titleFr: "Titre (français)",
    owner: "Ministère responsable",
    assignee: "Personne responsable",
    due: "Échéance",
    create: "Créer la mesure de suivi",
    done: "Terminée",
    inProgress: "En cours",
    note: "Note de clôture",
    change: /^Changer l'état/,
    nowDone: "Actuel : Terminée",
    nowInProgress: "Actuel : En cours",
    saved: /est maintenant à l'état Terminée/,
    refused: /n'a pas été changé/,
    mine: "Qui me sont confiées",
  },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  test(`a representative raises an action item and closes it from their list, in ${locale}`, async ({ page, context }) => {
    const t = text[locale];
    const title = `E2E item ${locale} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
    await signIn(page, demoAccounts.repJus, locale);
    await page.goto(`/${locale}/action-items`);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: t.new }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.new);
    await expectNoAxeViolations(page);

    // A due date in the past is refused at the field, and what was typed stays.
    await page.getByLabel(t.titleEn).fill(title);
    await page.getByLabel(t.titleFr).fill(`${title} (fr)`);
    await page.getByLabel(t.assignee).selectOption({ label: "Anne Roy" });
    await page.getByLabel(t.due).fill("2001-01-01");
    await page.getByRole("button", { name: t.create }).click();
    await expect(page.locator("#action-item-dueDate-error")).toBeVisible();
    await expect(page.getByLabel(t.titleEn)).toHaveValue(title);
    await expectNoAxeViolations(page);

    await page.getByLabel(t.due).fill("2099-12-31");
    await page.getByRole("button", { name: t.create }).click();
    await page.waitForURL(/\/action-items\?/);

    await page.goto(`/${locale}/action-items?view=mine`);
    const row = page.getByTestId("action-item-row").filter({ hasText: title });
    await expect(row).toHaveCount(1);
    await row.getByRole("combobox").selectOption({ label: t.done });
    await row.getByLabel(t.note).fill("Sent to members.");
    await row.getByRole("button", { name: t.change }).click();
    await expect(page.getByTestId("action-item-message")).toHaveText(t.saved);
    await expect(row.getByTestId("action-item-status")).toHaveText(t.nowDone);
    await expectNoAxeViolations(page);

    // A second tab still holds the old version: its change is refused and rolled back, with a message.
    const stale = await context.newPage();
    await stale.goto(`/${locale}/action-items?view=mine`);
    const staleRow = stale.getByTestId("action-item-row").filter({ hasText: title });
    await page.reload();
    await row.getByRole("combobox").selectOption({ label: t.inProgress });
    await row.getByRole("button", { name: t.change }).click();
    await expect(page.getByTestId("action-item-message")).toBeVisible();
    await staleRow.getByRole("combobox").selectOption({ label: t.inProgress });
    await staleRow.getByRole("button", { name: t.change }).click();
    await expect(stale.getByTestId("action-item-message")).toHaveText(t.refused);
    // Rolled back, then refreshed: the tab shows what the server holds (the first tab's change).
    await expect(staleRow.getByTestId("action-item-status")).toHaveText(t.nowInProgress);
    await expectNoAxeViolations(stale);
  });
}
