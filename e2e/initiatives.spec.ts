import { randomUUID } from "node:crypto";
import { demoAccounts, expect, expectNoAxeViolations, test, type Locale } from "./fixtures";
import { seedInitiative, seedStatusUpdate } from "./seed";

const text = {
  en: {
    newInitiative: "New initiative",
    titleEn: "Title in English",
    titleFr: "Title in French",
    lead: "Lead department",
    pillar: "Primary pillar",
    status: "Status",
    create: "Create the initiative",
    postUpdate: "Post a status update",
    period: "Reporting period",
    health: "Health",
    progress: "Progress",
    narrativeEn: "Narrative in English",
    submitUpdate: "Post the update",
    offTrack: "Off track",
    edit: "Edit",
    save: "Save",
    conflict: /saved a change to this record/,
    invalid: "Some fields need your attention. Nothing was saved.",
    required: "Enter a title in English, in French, or in both.",
    search: "Search titles and summaries",
    apply: "Apply filters",
    export: "Download the list (CSV)",
    csvHeader: "Code,Title,Lead department",
    pillarName: "Protection",
    statusName: "Active",
    markReviewed: "Mark as reviewed",
    reviewed: "Marked as reviewed.",
    reviewedBy: "Reviewed by",
  },
  fr: {
    newInitiative: "Nouvelle initiative",
    titleEn: "Titre en anglais",
    titleFr: "Titre en français",
    lead: "Ministère responsable",
    pillar: "Pilier principal",
    status: "Statut",
    create: "Créer l'initiative",
    postUpdate: "Publier une mise à jour",
    period: "Période de rapport",
    health: "État",
    progress: "Avancement",
    narrativeEn: "Compte rendu en anglais",
    submitUpdate: "Publier la mise à jour",
    offTrack: "En difficulté",
    edit: "Modifier",
    save: "Enregistrer",
    conflict: /a enregistré une modification/,
    invalid: "Certains champs",
    required: "Entrez un titre en anglais, en français ou dans les deux langues.",
    search: "Rechercher dans les titres et résumés",
    apply: "Appliquer les filtres",
    export: "Télécharger la liste (CSV)",
    csvHeader: "Code,Titre,Ministère responsable",
    pillarName: "Protection",
    statusName: "En cours",
    markReviewed: "Marquer comme examinée",
    reviewed: "Marquée comme examinée.",
    reviewedBy: "Examinée par",
  },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  const l = text[locale];

  // The journey "create, post an update, see it change" is one test per step below: each starts from an
  // initiative it seeds (e2e/seed.ts) and people already signed in (the pageAs fixture), so none runs long on a
  // busy machine.

  test(`an empty new-initiative form gets a message at the field and saves nothing, in ${locale}`, async ({ pageAs }) => {
    const page = await pageAs("repJus");
    await page.goto(`/${locale}/initiatives`);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: l.newInitiative }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(l.newInitiative);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: l.create }).click();
    await expect(page.getByRole("alert").filter({ hasText: l.invalid }).first()).toBeVisible();
    await expect(page.getByLabel(l.titleEn, { exact: true })).toHaveAccessibleDescription(new RegExp(l.required.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await expect(page).toHaveURL(/\/initiatives\/new$/);
    await expectNoAxeViolations(page);
  });

  test(`a representative creates an initiative and lands on its page, in ${locale}`, async ({ pageAs }) => {
    const page = await pageAs("repJus");
    await page.goto(`/${locale}/initiatives/new`);
    const title = `Traité e2e ${locale} ${randomUUID().slice(0, 8)}`;
    await page.getByLabel(l.titleFr, { exact: true }).fill(title);
    await page.getByLabel(l.pillar).selectOption({ label: l.pillarName });
    await page.getByLabel(l.status).selectOption({ label: l.statusName });
    await page.getByRole("button", { name: l.create }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    await expect(page.getByRole("link", { name: l.postUpdate })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test(`a representative posts a status update and sees the initiative change, in ${locale}`, async ({ pageAs }) => {
    const initiative = await seedInitiative({ lead: "JUS" });
    const page = await pageAs("repJus");
    await page.goto(`/${locale}/initiatives/${initiative.id}`);
    await page.getByRole("link", { name: l.postUpdate }).click();
    await expect(page.getByLabel(l.health)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel(l.health).selectOption({ label: l.offTrack });
    await page.getByLabel(l.progress, { exact: true }).fill("42");
    await page.getByLabel(l.narrativeEn).fill("Delayed by procurement.");
    await page.getByRole("button", { name: l.submitUpdate }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(initiative.title);
    await expect(page.getByTestId("initiative-status")).toContainText(l.offTrack);
    await expect(page.getByTestId("initiative-progress")).toContainText("42");
    await expect(page.getByTestId("timeline")).toContainText("Delayed by procurement.");
    await expect(page.getByTestId("change-history")).toBeVisible();
    // The author may not review their own update.
    await expect(page.getByRole("button", { name: l.markReviewed })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test(`another department's representative reads an initiative but cannot edit it, in ${locale}`, async ({ pageAs }) => {
    const initiative = await seedInitiative({ lead: "JUS" });
    const page = await pageAs("repRcmp");
    await page.goto(`/${locale}/initiatives/${initiative.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(initiative.title);
    await expect(page.getByRole("link", { name: l.edit })).toHaveCount(0);
    const response = await page.goto(`/${locale}/initiatives/${initiative.id}/edit`);
    expect(response?.status()).toBe(404);
    await expectNoAxeViolations(page);
  });

  test(`the coordinator marks a representative's update reviewed, in ${locale}`, async ({ pageAs }) => {
    const initiative = await seedInitiative({ lead: "JUS" });
    await seedStatusUpdate(initiative.id, demoAccounts.repJus, "Waiting for the contract.");
    const page = await pageAs("coordinator");
    await page.goto(`/${locale}/initiatives/${initiative.id}`);
    // The timeline is one form; each button sends its update's id.
    const timeline = page.getByTestId("timeline");
    await expect(timeline).toContainText("Waiting for the contract.");
    await expect(timeline.getByRole("button", { name: l.markReviewed })).toHaveCount(1);
    await expectNoAxeViolations(page);
    await timeline.getByRole("button", { name: l.markReviewed }).click();
    await expect(page.getByRole("status").filter({ hasText: l.reviewed })).toBeVisible();
    await expect(timeline).toContainText(l.reviewedBy);
    await expect(timeline.getByRole("button", { name: l.markReviewed })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test(`search without the accent finds an accented title, and the filtered list downloads as CSV, in ${locale}`, async ({ pageAs }) => {
    const initiative = await seedInitiative({ lead: "JUS", title: `Traité e2e ${locale} ${randomUUID().slice(0, 8)}` });
    const page = await pageAs("repJus");
    await page.goto(`/${locale}/initiatives`);
    await page.getByLabel(l.search).fill(initiative.title.replace("Traité", "traite"));
    await page.getByRole("button", { name: l.apply }).click();
    await expect(page).toHaveURL(/q=traite/);
    await expect(page.getByTestId("initiatives-table")).toContainText(initiative.title);
    await expectNoAxeViolations(page);

    // The CSV of the filtered list: BOM, headers in the page's language, accents intact.
    const href = await page.getByRole("link", { name: l.export }).getAttribute("href");
    const csv = await page.request.get(href!);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = body.toString("utf8");
    expect(decoded.slice(1)).toMatch(new RegExp(`^${l.csvHeader}`));
    expect(decoded).toContain(initiative.title);
  });

  test(`two people editing the same initiative: one saves, the other gets a conflict and keeps their typing, in ${locale}`, async ({ pageAs }) => {
    const { id, title } = await seedInitiative({ lead: "JUS", title: `Conflict ${locale} ${randomUUID().slice(0, 8)}` });
    const a = await pageAs("repJus");
    const b = await pageAs("coordinator");
    const editUrl = `/${locale}/initiatives/${id}/edit`;
    await a.goto(editUrl);
    await b.goto(editUrl);
    // The title in the page's language: the one its heading shows.
    const titleLabel = locale === "fr" ? l.titleFr : l.titleEn;
    await a.getByLabel(titleLabel, { exact: true }).fill(`${title} (A)`);
    await b.getByLabel(titleLabel, { exact: true }).fill(`${title} (B typed this)`);
    await a.getByRole("button", { name: l.save, exact: true }).click();
    await expect(a.getByRole("heading", { level: 1 })).toContainText(`${title} (A)`);

    await b.getByRole("button", { name: l.save, exact: true }).click();
    const message = b.locator("#initiative-message");
    await expect(message).toContainText(l.conflict);
    await expect(message).toContainText("Anne Roy"); // rep.jus, who saved first
    await expect(b.getByLabel(titleLabel, { exact: true })).toHaveValue(`${title} (B typed this)`);
    await expectNoAxeViolations(b);
  });
}

test("the funding screen rolls up by fiscal year and downloads a CSV with a BOM", async ({ pageAs }) => {
  const page = await pageAs("executive");
  await page.goto("/fr/funding");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Financement");
  await expect(page.getByTestId("funding-rollup")).toContainText("2007-2008");
  await expectNoAxeViolations(page);
  const href = await page.getByRole("link", { name: "Télécharger le cumul (CSV)" }).getAttribute("href");
  const body = await (await page.request.get(href!)).body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString("utf8")).toContain("Exercice,Pilier,Ministère responsable");
});

test("an initiative page shows funding totals and milestones in English", async ({ pageAs }) => {
  const page = await pageAs("executive");
  await page.goto("/en/initiatives?q=wallet+card");
  await page.getByRole("link", { name: /tool kit/i }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Milestones" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
