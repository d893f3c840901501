import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";
import { seedInitiative, seedStatusUpdate } from "./seed";

const text = {
  en: { discussion: /^Discussion \(no comments yet\)$/, comment: "Comment", mention: "Mention someone", post: "Post the comment", reply: "Reply", postReply: "Post the reply", posted: "Your comment is posted.", notifications: /^Notifications/, mentioned: "Anne Roy mentioned you", replied: "Marie Gagnon replied to your comment", markAll: "Mark all as read" },
  fr: { discussion: /^Discussion \(aucun commentaire\)$/, comment: "Commentaire", mention: "Mentionner une personne", post: "Publier le commentaire", reply: "Répondre", postReply: "Publier la réponse", posted: "Votre commentaire est publié.", notifications: /^Notifications/, mentioned: "Anne Roy vous a mentionné", replied: "Marie Gagnon a répondu à votre commentaire", markAll: "Tout marquer comme lu" },
} as const;

// Both languages notify the one demo coordinator, and each marks all of the coordinator's notifications read: run
// side by side, one would read the other's as already read. One after the other.
test.describe.configure({ mode: "serial" });

for (const locale of ["en", "fr"] as Locale[]) {
  test(`a representative mentions the coordinator on a status update; the coordinator is notified and replies, in ${locale}`, async ({ browser }) => {
    const t = text[locale];
    const initiative = await seedInitiative({ lead: "JUS" });
    await seedStatusUpdate(initiative.id, demoAccounts.repJus, "Work goes on.");
    const question = `Could you compare this with IWG-0001 before the meeting? ${Date.now()}`;
    const answer = `Yes, at the next meeting. <b>not bold</b> ${Date.now()}`;

    // The representative comments on the status update, mentioning the coordinator with the keyboard.
    const repContext = await browser.newContext();
    const rep = await repContext.newPage();
    await signIn(rep, demoAccounts.repJus, locale);
    await rep.goto(`/${locale}/initiatives/${initiative.id}`);
    await expectNoAxeViolations(rep);
    const update = rep.getByTestId("update-discussion");
    await update.getByText(t.discussion).click();
    const mention = update.getByRole("combobox", { name: t.mention });
    // The combobox's keys (ARIA 1.2): Down to the first, End to the last (kept in view), Home back to the first.
    await mention.fill("iwgtip.example");
    const options = update.getByRole("option");
    await expect(options.first()).toBeVisible();
    const count = await options.count();
    expect(count).toBeGreaterThan(3);
    await mention.press("ArrowDown");
    await expect(mention).toHaveAttribute("aria-activedescendant", /option-0$/);
    await mention.press("End");
    await expect(mention).toHaveAttribute("aria-activedescendant", new RegExp(`option-${count - 1}$`));
    await expect(options.nth(count - 1)).toHaveAttribute("aria-selected", "true");
    await expect(options.nth(count - 1)).toBeInViewport();
    await mention.press("Home");
    await expect(mention).toHaveAttribute("aria-activedescendant", /option-0$/);
    await mention.press("ArrowUp");
    await expect(mention).toHaveAttribute("aria-activedescendant", new RegExp(`option-${count - 1}$`));
    await mention.press("Escape");
    await expect(options.first()).toBeHidden();
    await mention.fill("Gagnon");
    await expect(update.getByRole("option", { name: /Marie Gagnon/ })).toBeVisible();
    await mention.press("ArrowDown");
    await expect(mention).toHaveAttribute("aria-activedescendant", /option-0$/);
    await mention.press("Enter");
    const body = update.getByRole("textbox", { name: t.comment });
    await expect(body).toHaveValue(`@${demoAccounts.coordinator} `);
    await body.press("End");
    await body.pressSequentially(question);
    await update.getByRole("button", { name: t.post }).click();
    await expect(update.getByTestId("comment-body")).toContainText("@Marie Gagnon");
    await expect(update.getByTestId("comment-body").getByRole("link", { name: "IWG-0001" })).toBeVisible();
    await expectNoAxeViolations(rep);

    // The coordinator sees the notification, follows it to the update and replies.
    const coordinatorContext = await browser.newContext();
    const coordinator = await coordinatorContext.newPage();
    await signIn(coordinator, demoAccounts.coordinator, locale);
    await coordinator.goto(`/${locale}/notifications`);
    await expect(coordinator.getByTestId("notifications-link")).toHaveText(t.notifications);
    const notice = coordinator.getByTestId("notification").filter({ hasText: t.mentioned }).filter({ hasText: initiative.code }).first();
    await expect(notice).toHaveAttribute("data-read", "false");
    await expectNoAxeViolations(coordinator);
    await notice.getByRole("link").click();
    await expect(coordinator).toHaveURL(new RegExp(`/initiatives/${initiative.id}#comment-`));
    const thread = coordinator.getByTestId("update-discussion");
    await thread.locator("summary").first().click();
    const comment = thread.getByTestId("comment").filter({ hasText: question });
    await comment.getByText(t.reply, { exact: true }).click();
    await comment.getByRole("textbox", { name: t.comment }).fill(answer);
    await comment.getByRole("button", { name: t.postReply }).click();
    await expect(thread.getByTestId("comment-body").filter({ hasText: answer })).toBeVisible();
    await expectNoAxeViolations(coordinator);
    await coordinator.goto(`/${locale}/notifications`);
    await coordinator.getByRole("button", { name: t.markAll }).click();
    await expect(coordinator.getByTestId("notification").filter({ hasText: initiative.code }).first()).toHaveAttribute("data-read", "true");

    // The representative sees the reply (the HTML shown as text).
    await rep.goto(`/${locale}/notifications`);
    await expect(rep.getByTestId("notification").filter({ hasText: t.replied }).filter({ hasText: initiative.code }).first()).toBeVisible();
    await expectNoAxeViolations(rep);
    await rep.goto(`/${locale}/initiatives/${initiative.id}`);
    await rep.getByTestId("update-discussion").locator("summary").first().click();
    await expect(rep.getByTestId("update-discussion").getByTestId("comment-body").filter({ hasText: answer })).toBeVisible();
    await expect(rep.locator("b", { hasText: "not bold" })).toHaveCount(0);
    await repContext.close();
    await coordinatorContext.close();
  });
}
