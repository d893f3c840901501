import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { sql } from "./db";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test, type Locale } from "./fixtures";
import { seedMeeting } from "./seed";

/** A one-page PDF written by hand (the portal reads its type from the first bytes). */
function samplePdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n% ${text}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, "latin1");
}
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

const text = {
  en: { requestPaper: "Request a paper", item: "Agenda item", due: "Due date", saved: "The paper is requested", titleEn: "Title (English)", titleFr: "Title (French)", file: "File", upload: "Upload", uploaded: "The document is uploaded.", yours: "Papers requested from your department", newVersion: /Upload a new version/ },
  fr: { requestPaper: "Demander un document", item: "Point de l'ordre du jour", due: "Date d'échéance", saved: "Le document est demandé", titleEn: "Titre (anglais)", titleFr: "Titre (français)", file: "Fichier", upload: "Téléverser", uploaded: "Le document est téléversé.", yours: "Documents demandés à votre ministère", newVersion: /Téléverser une nouvelle version/ },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  test(`a coordinator requests a paper, the presenting department uploads it and a second version, in ${locale}`, async ({ page }) => {
    const words = text[locale];
    const meeting = await seedMeeting({ date: "2031-05-06", start: "09:00", end: "11:00" });
    const [item] = await sql<{ id: string }>(
      `INSERT INTO agenda_items (id, meeting_id, position, title_en, title_fr, presenting_department_id, updated_at)
       VALUES (gen_random_uuid(), $1, 1, 'Draft framework', 'Cadre provisoire', (SELECT id FROM departments WHERE acronym_en = 'JUS'), now()) RETURNING id`,
      [meeting.id],
    );

    await signIn(page, demoAccounts.coordinator, locale);
    await page.goto(`/${locale}/meetings/${meeting.id}`);
    await page.getByText(words.requestPaper, { exact: true }).first().click();
    const form = page.getByTestId("paper-request");
    await form.getByLabel(words.item).selectOption(item!.id);
    await form.getByLabel(words.due).fill("2031-05-01");
    await form.getByRole("button", { name: words.requestPaper }).click();
    await expect(page.getByText(words.saved)).toBeVisible();
    await expect(page.locator('[data-testid="paper-request-row"][data-received="false"]')).toHaveCount(1);
    await expectNoAxeViolations(page);

    await page.context().clearCookies();
    await signIn(page, demoAccounts.repJus, locale);
    await page.goto(`/${locale}`);
    await expect(page.getByRole("heading", { name: words.yours })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(`/${locale}/meetings/${meeting.id}`);
    const section = page.locator(`section[aria-labelledby="item-${item!.id}-documents-heading"]`);
    const upload = section.getByTestId("document-upload-form").last();
    await upload.getByLabel(words.titleEn).fill("Draft framework");
    await upload.getByLabel(words.titleFr).fill("Cadre provisoire");
    const first = samplePdf("first");
    await upload.getByLabel(words.file, { exact: true }).setInputFiles({ name: "framework.pdf", mimeType: "application/pdf", buffer: first });
    await upload.getByRole("button", { name: words.upload, exact: true }).click();
    await expect(page.getByText(words.uploaded)).toBeVisible();
    await expect(page.locator('[data-testid="paper-request-row"][data-received="true"]')).toHaveCount(1);
    await expectNoAxeViolations(page);

    await section.locator("summary").first().click();
    const version = section.locator("details").getByTestId("document-upload-form");
    await version.getByLabel(words.file, { exact: true }).setInputFiles({ name: "framework-v2.pdf", mimeType: "application/pdf", buffer: samplePdf("second") });
    await version.getByRole("button", { name: words.upload, exact: true }).click();
    await expect(section.getByTestId("document-version")).toHaveCount(2);
    await expectNoAxeViolations(page);

    // The first version stays readable, byte for byte.
    const [file] = await Promise.all([page.waitForEvent("download"), section.getByTestId("document-version").last().getByRole("link").click()]);
    expect(file.suggestedFilename()).toBe("framework.pdf");
    expect(sha256(await readFile((await file.path())!))).toBe(sha256(first));
  });
}
