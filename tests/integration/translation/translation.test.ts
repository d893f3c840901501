import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { addAgendaItem, publishAgenda, updateAgendaItem } from "@/lib/agenda/commands";
import { db } from "@/lib/db";
import { circulateMinutes } from "@/lib/minutes/commands";
import { importXliff, requestTranslation, verifyTranslation } from "@/lib/translation/commands";
import { textKey } from "@/lib/translation/kinds";
import { missingTranslations, sourceFingerprint, textsForExport, translationQueue } from "@/lib/translation/queries";
import { buildXliff, PORTAL_NS, XLIFF_NS } from "@/lib/translation/xliff";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { expectUnchanged, sessionUser } from "../../support/database";
import { makeMeeting } from "../meetings/support";

/**
 * The translation workflow (issue 21) on a real database: the triggers that keep each text's language state, the
 * queue, the XLIFF round trip (read back with an independent parser) with every bad input, and the language gates
 * of publishing an agenda and circulating minutes, with the coordinator's audited override.
 */
const coordinator = () => sessionUser("coordinator@iwgtip.example");

async function stateOf(kind: string, id: string, field: string) {
  return db.textLanguageState.findUniqueOrThrow({ where: { recordKind_recordId_field: { recordKind: kind, recordId: id, field } } });
}

async function meetingWithItems(titles: { titleEn: string; titleFr: string }[]) {
  const meeting = await makeMeeting();
  const user = await coordinator();
  const ids: string[] = [];
  for (const title of titles) {
    const added = await addAgendaItem(user, { meetingId: meeting.id, ...title, kind: "DISCUSSION", minutes: "10" });
    expect(added, JSON.stringify(added)).toMatchObject({ ok: true });
    if (added.ok) ids.push((added.data as { id: string }).id);
  }
  return { meeting, ids };
}

/** The export of `keys` as the portal writes it, through its own query and builder. */
async function exportOf(keys: string[]) {
  const refs = keys.map((key) => {
    const [kind, id, field] = key.split(":") as [never, string, string];
    return { kind, id, field };
  });
  const texts = await textsForExport(await coordinator(), refs);
  return buildXliff(texts.map((text) => ({ key: text.key, sourceLanguage: text.sourceLanguage, source: text.sourceText, fingerprint: sourceFingerprint(text.sourceText) })));
}

/** A translator's answer: each <source> followed by a <target> (made by the test, not the portal). */
function translated(xliff: string, targets: Record<string, string>) {
  return xliff.replace(/(<trans-unit id="([^"]+)"[^>]*>\s*<source[^>]*>[^<]*<\/source>)/g, (whole, head: string, key: string) => (key in targets ? `${head}\n        <target state="translated">${targets[key]}</target>` : whole));
}

describe("language states, kept by the database", () => {
  it("marks the other language missing, then translated, then needs review when the source changes after verification", async () => {
    const { ids } = await meetingWithItems([{ titleEn: "Tool kit review", titleFr: "" }]);
    const id = ids[0]!;
    expect(await stateOf("agenda_item", id, "title")).toMatchObject({ sourceLanguage: "en", state: "missing", sourceSha256: null });

    await db.agendaItem.update({ where: { id }, data: { titleFr: "Examen de la trousse" } });
    const translatedState = await stateOf("agenda_item", id, "title");
    expect(translatedState).toMatchObject({ state: "translated", sourceSha256: sourceFingerprint("Tool kit review") });

    const user = await coordinator();
    expect(await verifyTranslation(user, { key: textKey({ kind: "agenda_item", id, field: "title" }) })).toMatchObject({ ok: true });
    expect(await stateOf("agenda_item", id, "title")).toMatchObject({ state: "verified", verifiedById: user.id });
    expect(await db.auditEvent.count({ where: { action: "translation.verify", entityId: id } })).toBe(1);

    // Editing the source (through the agenda's own command) marks the verified French as needing review.
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id } });
    expect(await updateAgendaItem(user, { id, version: String(item.version), titleEn: "Tool kit review, second reading", titleFr: "Examen de la trousse", kind: "DISCUSSION", minutes: "10" })).toMatchObject({ ok: true });
    expect(await stateOf("agenda_item", id, "title")).toMatchObject({ state: "needs_review" });
  });

  it("a text written in French first has English as its other language; the seed's texts are tracked", async () => {
    const { ids } = await meetingWithItems([{ titleEn: "", titleFr: "Tour de table" }]);
    expect(await stateOf("agenda_item", ids[0]!, "title")).toMatchObject({ sourceLanguage: "fr", state: "missing" });
    expect(await db.textLanguageState.count({ where: { recordKind: "initiative", field: "title" } })).toBeGreaterThan(0);
  });

  it("verifying a text with nothing to verify is refused with a message in both languages", async () => {
    const { ids } = await meetingWithItems([{ titleEn: "Only English", titleFr: "" }]);
    const result = await expectUnchanged(async () => verifyTranslation(await coordinator(), { key: `agenda_item:${ids[0]}:title` }));
    expect(result).toEqual({ ok: false, code: "invalid", fieldErrors: { key: [{ key: "notAwaitingVerification" }] } });
    expect(en.Validation.notAwaitingVerification && fr.Validation.notAwaitingVerification).toBeTruthy();
  });
});

describe("the queue", () => {
  it("lists a meeting's missing texts with word counts and a total, filters by kind and meeting, and marks requested", async () => {
    const { meeting, ids } = await meetingWithItems([{ titleEn: "Three word title", titleFr: "" }, { titleEn: "Two words", titleFr: "" }]);
    const user = await coordinator();
    const queue = await translationQueue(user, { meetingId: meeting.id, kind: "agenda_item" });
    expect(queue.entries.map((entry) => entry.id).sort()).toEqual([...ids].sort());
    expect(queue.totalWords).toBe(5);
    expect(queue.entries.every((entry) => entry.href === `/meetings/${meeting.id}/agenda` && entry.dueAt?.getTime() === meeting.startsAt.getTime())).toBe(true);
    expect((await translationQueue(user, { meetingId: meeting.id, kind: "decision" })).total).toBe(0);
    const dayBefore = new Date(meeting.startsAt.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await translationQueue(user, { meetingId: meeting.id, dueBy: dayBefore })).total).toBe(0);

    expect(await requestTranslation(user, { keys: [`agenda_item:${ids[0]}:title`] })).toMatchObject({ ok: true, data: { count: 1 } });
    expect(await stateOf("agenda_item", ids[0]!, "title")).toMatchObject({ state: "requested", requestedById: user.id });
    expect((await translationQueue(user, { meetingId: meeting.id, state: "requested" })).total).toBe(1);
  });

  it("filters by department: an initiative's texts belong to its lead department", async () => {
    const user = await coordinator();
    const jus = await db.department.findFirstOrThrow({ where: { acronymEn: "JUS" }, select: { id: true } });
    const initiative = await db.initiative.findFirstOrThrow({ where: { leadDepartmentId: jus.id, archivedAt: null }, select: { id: true } });
    await db.initiative.update({ where: { id: initiative.id }, data: { summaryEn: "A summary in English only.", summaryFr: null } });
    const mine = await translationQueue(user, { departmentId: jus.id, kind: "initiative" });
    expect(mine.entries.map((entry) => entry.key)).toContain(`initiative:${initiative.id}:summary`);
    const other = await db.department.findFirstOrThrow({ where: { acronymEn: "RCMP" }, select: { id: true } });
    expect((await translationQueue(user, { departmentId: other.id, kind: "initiative" })).entries.map((entry) => entry.key)).not.toContain(`initiative:${initiative.id}:summary`);
  });

  it("is the coordinator's: a representative may not read it", async () => {
    await expect(translationQueue(await sessionUser("rep.jus@iwgtip.example"), {})).rejects.toThrow();
  });
});

describe("XLIFF hand-off", () => {
  it("exports XLIFF 1.2 that an independent parser reads, with every required element and the fingerprint", async () => {
    const { ids } = await meetingWithItems([{ titleEn: "Budget & <timing>", titleFr: "" }]);
    const key = `agenda_item:${ids[0]}:title`;
    const xliff = await exportOf([key]);
    expect(XMLValidator.validate(xliff)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["file", "trans-unit", "note"].includes(name) }).parse(xliff);
    expect(doc.xliff["@version"]).toBe("1.2");
    expect(doc.xliff["@xmlns"]).toBe(XLIFF_NS);
    expect(doc.xliff["@xmlns:iwg"]).toBe(PORTAL_NS);
    const file = doc.xliff.file[0];
    expect(file["@source-language"]).toBe("en-CA");
    expect(file["@target-language"]).toBe("fr-CA");
    expect(file["@datatype"]).toBe("plaintext");
    expect(file["@original"]).toBeTruthy();
    const unit = file.body["trans-unit"][0];
    expect(unit["@id"]).toBe(key);
    expect(unit.source["#text"]).toBe("Budget & <timing>");
    expect(unit["@iwg:source-sha256"]).toBe(sourceFingerprint("Budget & <timing>"));
    expect(unit.note[0]["#text"]).toBe(`source-sha256:${sourceFingerprint("Budget & <timing>")}`);
  });

  it("imports a translated file in one transaction: good units fill French, stale and unknown ones are refused and listed", async () => {
    const { ids } = await meetingWithItems([{ titleEn: "Good item", titleFr: "" }, { titleEn: "Stale item", titleFr: "" }]);
    const [good, stale] = ids.map((id) => `agenda_item:${id}:title`) as [string, string];
    const unknown = "agenda_item:00000000-0000-4000-8000-000000000000:title";
    let xliff = await exportOf([good, stale]);
    xliff = translated(xliff, { [good]: "Bon point", [stale]: "Point périmé" });
    // An extra unit no export ever named.
    xliff = xliff.replace("</body>", `  <trans-unit id="${unknown}" iwg:source-sha256="${"0".repeat(64)}"><source>x</source><target>y</target></trans-unit>\n    </body>`);
    // The source of one changes after the export.
    await db.agendaItem.update({ where: { id: ids[1] }, data: { titleEn: "Stale item, edited" } });

    const user = await coordinator();
    const result = await importXliff(user, { file: xliff });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.data.applied).toEqual([good]);
    expect(result.data.refused).toEqual(expect.arrayContaining([{ key: stale, reason: "stale" }, { key: unknown, reason: "unknown" }]));
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: ids[0] } })).titleFr).toBe("Bon point");
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: ids[1] } })).titleFr).toBe("");
    expect(await stateOf("agenda_item", ids[0]!, "title")).toMatchObject({ state: "translated", translatedById: user.id, sourceSha256: sourceFingerprint("Good item") });
    expect(await db.auditEvent.count({ where: { action: "translation.import", entityType: "agenda_item", entityId: ids[0] } })).toBe(1);
    const report = await db.auditEvent.findFirstOrThrow({ where: { action: "translation.import", entityType: "translation_import", entityId: result.data.reportId } });
    expect((report.after as { refused: unknown[] }).refused).toHaveLength(2);
  });

  it("refuses a unit for a text that no longer exists (an agenda item removed since the export)", async () => {
    const { ids } = await meetingWithItems([{ titleEn: "Removed later", titleFr: "" }]);
    const key = `agenda_item:${ids[0]}:title`;
    const xliff = translated(await exportOf([key]), { [key]: "Retiré plus tard" });
    const user = await coordinator();
    await db.agendaItem.update({ where: { id: ids[0] }, data: { deletedAt: new Date(), deletedById: user.id } });
    const result = await importXliff(user, { file: xliff });
    expect(result).toMatchObject({ ok: true, data: { applied: [], refused: [{ key, reason: "unknown" }] } });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: ids[0] } })).titleFr).toBe("");
  });

  it.each([
    ["not XML", "this is not < xml", "xliffNotXml"],
    ["XML but not XLIFF", '<?xml version="1.0"?><html><body/></html>', "xliffNotXliff"],
    ["XLIFF of another version", '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"><file id="f"/></xliff>', "xliffNotXliff"],
    ["truncated XLIFF", `<xliff version="1.2" xmlns="${XLIFF_NS}"><file source-language="en" target-language="fr" datatype="plaintext" original="x"><body><trans-unit id="a">`, "xliffNotXml"],
    ["a DOCTYPE with external entities (XXE)", `<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xliff version="1.2" xmlns="${XLIFF_NS}">&xxe;</xliff>`, "xliffDoctype"],
    ["billion laughs", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><xliff version="1.2" xmlns="${XLIFF_NS}">&lol2;</xliff>`, "xliffDoctype"],
    ["an undeclared entity", `<xliff version="1.2" xmlns="${XLIFF_NS}">&xxe;</xliff>`, "xliffNotXml"],
  ])("refuses %s with a message in both languages and changes nothing", async (_name, file, key) => {
    const result = await expectUnchanged(async () => importXliff(await coordinator(), { file }));
    expect(result).toEqual({ ok: false, code: "invalid", fieldErrors: { file: [{ key }] } });
    expect((en.Validation as Record<string, string>)[key]).toBeTruthy();
    expect((fr.Validation as Record<string, string>)[key]).toBeTruthy();
  });

  it("refuses a file over 10 MB, changing nothing", async () => {
    const big = `<xliff version="1.2" xmlns="${XLIFF_NS}"><!--${"x".repeat(10 * 1024 * 1024)}--></xliff>`;
    const result = await expectUnchanged(async () => importXliff(await coordinator(), { file: big }));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
  });

  it("is refused to a representative, changing nothing", async () => {
    const result = await expectUnchanged(async () => importXliff(await sessionUser("rep.jus@iwgtip.example"), { file: "<x/>" }));
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("language gates", () => {
  it("refuses to publish an agenda while items lack French, lists them, and publishes once they are translated", async () => {
    const { meeting, ids } = await meetingWithItems([{ titleEn: "Item one", titleFr: "" }, { titleEn: "Item two", titleFr: "" }, { titleEn: "Item three", titleFr: "Point trois" }]);
    const user = await coordinator();
    const refused = await expectUnchanged(() => publishAgenda(user, { meetingId: meeting.id }));
    expect(refused).toEqual({ ok: false, code: "invalid", fieldErrors: { _form: [{ key: "translationMissing" }] } });
    const missing = await missingTranslations(db, meeting.id, "agenda");
    expect(missing.map((text) => text.id).sort()).toEqual(ids.slice(0, 2).sort());
    expect(missing.every((text) => text.missingLanguage === "fr" && text.href === `/meetings/${meeting.id}/agenda`)).toBe(true);

    const keys = ids.slice(0, 2).map((id) => `agenda_item:${id}:title`);
    const xliff = translated(await exportOf(keys), { [keys[0]!]: "Point un", [keys[1]!]: "Point deux" });
    const imported = await importXliff(user, { file: xliff });
    expect(imported.ok && [...imported.data.applied].sort()).toEqual([...keys].sort());
    expect(await publishAgenda(user, { meetingId: meeting.id })).toMatchObject({ ok: true });
  });

  it("lets the coordinator publish with a recorded reason (an audit event naming what was missing)", async () => {
    const { meeting, ids } = await meetingWithItems([{ titleEn: "Urgent item", titleFr: "" }]);
    const user = await coordinator();
    expect(await publishAgenda(user, { meetingId: meeting.id, overrideReason: "Translation arrives tomorrow; members warned." })).toMatchObject({ ok: true });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "translation.override", entityId: meeting.id } });
    expect(event.after).toMatchObject({ scope: "agenda", reason: "Translation arrives tomorrow; members warned.", missing: [{ key: `agenda_item:${ids[0]}:title`, missingLanguage: "fr" }] });
  });

  it("refuses to circulate minutes in one language, and circulates them with an audited reason", async () => {
    const meeting = await makeMeeting({ agendaStatus: "HELD" });
    const minutes = await db.minutes.create({ data: { meetingId: meeting.id, bodyEn: "The chair opened the meeting.", bodyFr: "" } });
    const user = await coordinator();
    expect(await expectUnchanged(() => circulateMinutes(user, { meetingId: meeting.id, version: String(minutes.version) }))).toEqual({ ok: false, code: "invalid", fieldErrors: { bodyFr: [{ key: "required" }] } });
    expect((await missingTranslations(db, meeting.id, "minutes")).map((text) => text.kind)).toEqual(["minutes"]);
    expect(await circulateMinutes(user, { meetingId: meeting.id, version: String(minutes.version), overrideReason: "Urgent: French follows." })).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { action: "translation.override", entityId: meeting.id } })).toBe(1);
  });
});
