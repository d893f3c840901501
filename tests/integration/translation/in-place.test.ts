import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateSettings } from "@/lib/settings/commands";
import { readSetting } from "@/lib/settings/queries";
import { importXliff, verifyTranslation } from "@/lib/translation/commands";
import { languageGate, sourceFingerprint, textLanguageStatuses, translationQueue } from "@/lib/translation/queries";
import { departmentId, expectUnchanged, sessionUser } from "../../support/database";
import { makeMeeting } from "../meetings/support";
import { settingsForm, snapshotSettings } from "../settings/support";

/**
 * Issue 21, point 5 on a real database: who may verify a translation is a setting (the roles it names, within the
 * policy: a representative only for their department's texts), verified in place from the screen of the text; and
 * document titles tracked like every other bilingual text.
 */
const coordinator = () => sessionUser("coordinator@iwgtip.example");
const admin = () => sessionUser("admin@iwgtip.example");

let restore: () => Promise<void>;
beforeAll(async () => {
  restore = await snapshotSettings();
});
afterEach(async () => restore());
afterAll(async () => restore());

/** An agenda item in both languages (its French awaiting verification), presented by `acronym`. */
async function bilingualItem(acronym: string | null) {
  const meeting = await makeMeeting();
  const presentingDepartmentId = acronym ? await departmentId(acronym) : null;
  const item = await db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, titleEn: "Tool kit review", titleFr: "Examen de la trousse", minutes: 10, presentingDepartmentId }, select: { id: true } });
  return { meeting, key: `agenda_item:${item.id}:title`, ref: { kind: "agenda_item" as const, id: item.id, field: "title" } };
}

async function setVerifierRoles(roles: { admin?: boolean; coordinator?: boolean; representative?: boolean }) {
  const version = String((await db.setting.findUnique({ where: { key: "translationVerifierRoles" } }))?.version ?? 0);
  const form = await settingsForm({
    translationVerifierRolesVersion: version,
    translationVerifyAdmin: roles.admin ? "on" : undefined,
    translationVerifyCoordinator: roles.coordinator ? "on" : undefined,
    translationVerifyRepresentative: roles.representative ? "on" : undefined,
  });
  return updateSettings(await admin(), form);
}

describe("who may verify a translation: a setting", () => {
  it("names administrators and coordinators until changed; a coordinator verifies, and a representative is refused", async () => {
    expect(await readSetting("translationVerifierRoles")).toEqual(["ADMIN", "COORDINATOR"]);
    const { key, ref } = await bilingualItem("RCMP");
    const rep = await sessionUser("rep.rcmp@iwgtip.example");
    expect(await expectUnchanged(() => verifyTranslation(rep, { key }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await verifyTranslation(await coordinator(), { key })).toMatchObject({ ok: true });
    expect((await textLanguageStatuses(await coordinator(), [ref])).get(key)).toMatchObject({ state: "verified", verifiedBy: expect.any(String), mayVerify: false });
  });

  it("when it leaves coordinators out, a coordinator may no longer verify, and the screen offers no button", async () => {
    expect(await setVerifierRoles({ admin: true })).toMatchObject({ ok: true, data: { changed: ["translationVerifierRoles"] } });
    const { key, ref } = await bilingualItem(null);
    expect((await textLanguageStatuses(await coordinator(), [ref])).get(key)).toMatchObject({ state: "translated", mayVerify: false });
    expect(await expectUnchanged(async () => verifyTranslation(await coordinator(), { key }))).toMatchObject({ ok: false, code: "forbidden" });
    expect((await textLanguageStatuses(await admin(), [ref])).get(key)).toMatchObject({ mayVerify: true });
    expect(await verifyTranslation(await admin(), { key })).toMatchObject({ ok: true });
  });

  it("when it names representatives, one verifies the texts of their own department only", async () => {
    expect(await setVerifierRoles({ coordinator: true, representative: true })).toMatchObject({ ok: true });
    const ownItem = await bilingualItem("RCMP");
    const otherItem = await bilingualItem("CIC");
    const noDepartment = await bilingualItem(null);
    const rep = await sessionUser("rep.rcmp@iwgtip.example");
    const statuses = await textLanguageStatuses(rep, [ownItem.ref, otherItem.ref, noDepartment.ref]);
    expect(statuses.get(ownItem.key)?.mayVerify).toBe(true);
    expect(statuses.get(otherItem.key)?.mayVerify).toBe(false);
    expect(statuses.get(noDepartment.key)?.mayVerify).toBe(false);
    expect(await expectUnchanged(() => verifyTranslation(rep, { key: otherItem.key }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await expectUnchanged(() => verifyTranslation(rep, { key: noDepartment.key }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await verifyTranslation(rep, { key: ownItem.key })).toMatchObject({ ok: true });
    const audit = await db.auditEvent.findFirst({ where: { action: "translation.verify", entityId: ownItem.ref.id }, select: { actorId: true } });
    expect(audit?.actorId).toBe(rep.id);
    // An executive changes nothing, whatever the setting names.
    expect(await expectUnchanged(async () => verifyTranslation(await sessionUser("executive@iwgtip.example"), { key: ownItem.key }))).toMatchObject({ ok: false });
  });

  it("refuses a form with no role ticked, with a message at the field, saving nothing", async () => {
    const result = await expectUnchanged(() => setVerifierRoles({}));
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { translationVerifyCoordinator: [{ key: "verifierRoleRequired" }] } });
    expect(await readSetting("translationVerifierRoles")).toEqual(["ADMIN", "COORDINATOR"]);
  });

  it("is left as it is by a settings form that does not show it", async () => {
    expect(await setVerifierRoles({ admin: true, coordinator: true, representative: true })).toMatchObject({ ok: true });
    expect(await updateSettings(await admin(), await settingsForm({ staleDays: "45" }))).toMatchObject({ ok: true, data: { changed: ["staleDays"] } });
    expect(await readSetting("translationVerifierRoles")).toEqual(["ADMIN", "COORDINATOR", "DEPARTMENT_REP"]);
  });
});

describe("the record page's language gate", () => {
  it("lists the minutes written in one language only (decisions are bilingual by constraint), before the coordinator circulates", async () => {
    const meeting = await makeMeeting({ agendaStatus: "HELD", daysFromNow: -3 });
    const decision = await db.decision.create({ data: { meetingId: meeting.id, number: `9${String(meeting.sequenceNumber % 1000).padStart(3, "0")}-${String((meeting.sequenceNumber % 90) + 10)}-D${Date.now() % 100_000}`, textEn: "The group adopts the framework.", textFr: "Le groupe adopte le cadre." }, select: { id: true } });
    const minutes = await db.minutes.create({ data: { meetingId: meeting.id, bodyEn: "Minutes in English only.", bodyFr: null }, select: { id: true } });
    const gate = await languageGate(await coordinator(), meeting.id, "minutes");
    expect(gate).toEqual([expect.objectContaining({ kind: "minutes", id: minutes.id, field: "body", missingLanguage: "fr", text: "Minutes in English only." })]);
    expect(gate.map((text) => text.id)).not.toContain(decision.id);
    await expect(languageGate(await sessionUser("rep.jus@iwgtip.example"), meeting.id, "minutes")).rejects.toThrow();
  });
});

describe("document titles, a tracked kind", () => {
  it("keeps a document title's language state, lists it in the queue, and takes its French from an XLIFF import", async () => {
    const meeting = await makeMeeting();
    const user = await coordinator();
    const document = await db.document.create({
      data: { meetingId: meeting.id, titleEn: "Briefing note on tool kits", titleFr: "", language: "en", marking: "UNCLASSIFIED", uploadedById: user.id },
      select: { id: true },
    });
    const key = `document:${document.id}:title`;
    expect(await db.textLanguageState.findUnique({ where: { recordKind_recordId_field: { recordKind: "document", recordId: document.id, field: "title" } } })).toMatchObject({ sourceLanguage: "en", state: "missing" });
    const queue = await translationQueue(user, { kind: "document", meetingId: meeting.id });
    expect(queue.entries.map((entry) => entry.key)).toEqual([key]);

    const fingerprint = sourceFingerprint("Briefing note on tool kits");
    const xliff = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:iwg="urn:iwgtip:translation:1">
  <file original="iwgtip" datatype="plaintext" source-language="en-CA" target-language="fr-CA">
    <body>
      <trans-unit id="${key}" iwg:source-sha256="${fingerprint}">
        <source xml:lang="en-CA">Briefing note on tool kits</source>
        <target xml:lang="fr-CA" state="translated">Note d'information sur les trousses</target>
      </trans-unit>
    </body>
  </file>
</xliff>`;
    const report = await importXliff(user, { file: xliff });
    expect(report, JSON.stringify(report)).toMatchObject({ ok: true });
    if (report.ok && report.data.refused.length > 0) throw new Error(JSON.stringify(report.data.refused));
    expect(await db.document.findUniqueOrThrow({ where: { id: document.id }, select: { titleFr: true, version: true } })).toEqual({ titleFr: "Note d'information sur les trousses", version: 2 });
    expect((await textLanguageStatuses(user, [{ kind: "document", id: document.id, field: "title" }])).get(key)).toMatchObject({ state: "translated", mayVerify: true });
  });
});
