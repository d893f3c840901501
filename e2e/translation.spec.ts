import { readFile } from "node:fs/promises";
import { XMLParser } from "fast-xml-parser";
import en from "../messages/en.json";
import fr from "../messages/fr.json";
import { sql } from "./db";
import { expect, expectNoAxeViolations, test, type Locale } from "./fixtures";
import { seedMeeting } from "./seed";

/**
 * Issue 21, "Done when", in English and French with axe on every screen: the coordinator cannot publish an agenda
 * whose two items lack French, exports them from the translation queue as XLIFF, imports a translated file (made
 * here, not by the portal), the items read in French and the agenda publishes; editing the English of one
 * afterwards marks its French as needing review where it appears.
 */
const messages = { en, fr } as const;

for (const locale of ["en", "fr"] as Locale[]) {
  const m = messages[locale];
  test(`an agenda with items lacking French is held back, translated through XLIFF and published, in ${locale}`, async ({ pageAs }) => {
    const meeting = await seedMeeting({ date: "2031-03-12", start: "09:00", end: "11:00" });
    const stamp = meeting.number;
    const english = [`Prevention tool kit ${stamp}`, `Border statistics ${stamp}`];
    const french = [`Trousse de prévention ${stamp}`, `Statistiques frontalières ${stamp}`];
    const ids: string[] = [];
    for (const [index, title] of english.entries()) {
      const [row] = await sql<{ id: string }>("INSERT INTO agenda_items (id, meeting_id, position, title_en, title_fr, minutes) VALUES (gen_random_uuid(), $1, $2, $3, '', 15) RETURNING id", [meeting.id, index + 1, title]);
      ids.push(row!.id);
    }
    await sql("INSERT INTO agenda_items (id, meeting_id, position, title_en, title_fr, minutes) VALUES (gen_random_uuid(), $1, 3, 'Round table', 'Tour de table', 10)", [meeting.id]);

    const page = await pageAs("coordinator");

    // 1. Publishing is refused, and the builder lists the two items lacking French.
    await page.goto(`/${locale}/meetings/${meeting.id}/agenda`);
    const gate = page.getByTestId("agenda-language-gate");
    await expect(gate.getByRole("listitem")).toHaveCount(2);
    await page.getByRole("button", { name: m.Agenda.publish, exact: true }).click();
    await expect(page.getByTestId("agenda-message")).toContainText(m.Validation.translationMissing);
    await expectNoAxeViolations(page);

    // 2. The queue, filtered to the meeting, lists them with their word counts; export both as XLIFF.
    await page.goto(`/${locale}/translation?meeting=${meeting.id}`);
    const queue = page.getByTestId("translation-queue");
    await expect(queue.getByRole("row")).toHaveCount(3);
    await expect(page.getByTestId("translation-count")).toContainText(locale === "en" ? "2 texts, 7 words" : "2 textes, 7 mots");
    await expectNoAxeViolations(page);
    for (const checkbox of await queue.getByRole("checkbox").all()) await checkbox.check();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xliff").click()]);
    const exported = await readFile((await download.path())!, "utf8");

    // The file is XLIFF 1.2, read by an independent parser: one unit per item, English to French, with a fingerprint.
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "trans-unit" || name === "file" }).parse(exported);
    expect(doc.xliff["@version"]).toBe("1.2");
    const units = doc.xliff.file[0].body["trans-unit"] as { "@id": string; "@iwg:source-sha256": string; source: string }[];
    expect(units.map((unit) => unit["@id"]).sort()).toEqual(ids.map((id) => `agenda_item:${id}:title`).sort());
    expect(units.every((unit) => /^[0-9a-f]{64}$/.test(unit["@iwg:source-sha256"]))).toBe(true);

    // 3. The translator's file (made here): a <target> after each <source>.
    let translated = exported;
    for (const [index, title] of english.entries()) translated = translated.replace(`${title}</source>`, `${title}</source>\n        <target state="translated">${french[index]}</target>`);
    await page.getByLabel(m.Translation.importFile, { exact: true }).setInputFiles({ name: "translated.xlf", mimeType: "application/x-xliff+xml", buffer: Buffer.from(translated, "utf8") });
    await page.getByRole("button", { name: m.Translation.importSubmit, exact: true }).click();
    await expect(page.getByTestId("import-report")).toContainText(locale === "en" ? "2 units imported." : "2 unités importées.");
    await expectNoAxeViolations(page);

    // 4. The items read in French, and the agenda publishes.
    await page.goto(`/${locale}/meetings/${meeting.id}/agenda`);
    await expect(page.getByTestId("agenda-language-gate")).toHaveCount(0);
    if (locale === "fr") for (const title of french) await expect(page.getByText(title).first()).toBeVisible();
    await page.getByRole("button", { name: m.Agenda.publish, exact: true }).click();
    await expect(page.getByTestId("agenda-message")).toContainText(m.Agenda.publishedMessage);
    await expectNoAxeViolations(page);

    // 5. Editing the English of one afterwards marks its French as needing review, on the meeting's page.
    await sql("UPDATE agenda_items SET title_en = $2 WHERE id = $1", [ids[0], `${english[0]}, revised`]);
    await page.goto(`/${locale}/meetings/${meeting.id}`);
    await expect(page.getByTestId("meeting-agenda").getByTestId("needs-review")).toHaveCount(1);
    await expect(page.getByTestId("needs-review")).toHaveText(m.Content.needsReview);
    await expectNoAxeViolations(page);
  });
}
