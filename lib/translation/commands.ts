import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { can, canVerifyTranslation } from "@/lib/authz/permissions";
import type { SessionUser } from "@/lib/auth/types";
import { defineCommand, type Tx } from "@/lib/kernel/registry";
import { refuseField } from "@/lib/kernel/refusals";
import { CommandRefusal } from "@/lib/kernel/result";
import { readSetting } from "@/lib/settings/queries";
import { columnField, fieldLimit, parseTextKey, textKey, textKinds, type TextRef } from "./kinds";
import { loadTexts, missingTranslations, sourceFingerprint, type MissingText } from "./queries";
import { MAX_XLIFF_BYTES, readXliff, XliffError } from "./xliff";

const textKeySchema = z.string().max(200).refine((value) => parseTextKey(value) !== null, { params: { key: "invalidChoice" } });

export const requestTranslationSchema = z.object({ keys: z.array(textKeySchema).min(1).max(500) }).strict();
export const verifyTranslationSchema = z.object({ key: textKeySchema }).strict();
export const importXliffSchema = z.object({ file: z.string().max(MAX_XLIFF_BYTES + 1) }).strict();

/** Names the person acting for the triggers of this transaction (translated_by of text_language_states). */
async function actAs(tx: Tx, user: SessionUser) {
  await tx.$executeRaw`SELECT set_config('iwgtip.actor_id', ${user.id}, true)`;
}

/** The coordinator asks for the other language of texts (sent to the translation service): missing → requested. */
export const requestTranslation = defineCommand({
  name: "translation.request",
  permission: "translation.manage",
  schema: requestTranslationSchema,
  run: async ({ user, input, tx, requestId }) => {
    const refs = [...new Set(input.keys)].map((key) => parseTextKey(key)!);
    const requestedAt = new Date();
    let count = 0;
    for (const ref of refs) {
      const changed = await tx.textLanguageState.updateMany({
        where: { recordKind: ref.kind, recordId: ref.id, field: ref.field, state: { in: ["missing", "needs_review"] } },
        data: { requestedById: user.id, requestedAt, updatedAt: requestedAt },
      });
      if (changed.count === 0) continue;
      await tx.textLanguageState.updateMany({ where: { recordKind: ref.kind, recordId: ref.id, field: ref.field, state: "missing" }, data: { state: "requested" } });
      await recordAudit(tx, { actorId: user.id, action: "translation.request", entityType: ref.kind, entityId: ref.id, after: { field: ref.field }, requestId });
      count += 1;
    }
    return { count };
  },
});

/**
 * A person the verifier setting names checks the other language against the source: translated / needs review →
 * verified. The text's department is its owner, so a representative (when the setting names them) verifies only the
 * texts of their own department.
 */
export const verifyTranslation = defineCommand({
  name: "translation.verify",
  permission: "translation.verify",
  schema: verifyTranslationSchema,
  owner: async (input, tx) => {
    const [text] = await loadTexts(tx, [parseTextKey(input.key)!]);
    return text ? { departmentId: text.departmentId, text } : null;
  },
  run: async ({ user, input, tx, requestId, owner }) => {
    const ref = parseTextKey(input.key)!;
    const text = owner!.text;
    if (!canVerifyTranslation(user, await readSetting("translationVerifierRoles", tx), owner!)) throw new CommandRefusal({ ok: false, code: "forbidden" });
    if (!text.otherText || (text.state !== "translated" && text.state !== "needs_review")) refuseField("key", "notAwaitingVerification");
    const verifiedAt = new Date();
    await tx.textLanguageState.update({
      where: { recordKind_recordId_field: { recordKind: ref.kind, recordId: ref.id, field: ref.field } },
      data: { state: "verified", sourceSha256: sourceFingerprint(text.sourceText), verifiedById: user.id, verifiedAt, updatedAt: verifiedAt },
    });
    await recordAudit(tx, { actorId: user.id, action: "translation.verify", entityType: ref.kind, entityId: ref.id, before: { field: ref.field, state: text.state }, after: { field: ref.field, state: "verified" }, requestId });
    return { key: textKey(ref) };
  },
});

type RecordUpdater = { update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<unknown> };

export type ImportRefusal = "unknown" | "stale" | "languageMismatch" | "empty" | "tooLong" | "locked" | "duplicate";
export type ImportReport = { reportId: string; applied: string[]; refused: { key: string; reason: ImportRefusal }[] };

/** Texts that are part of a record no longer changed: approved minutes, the agenda of a held meeting. */
async function lockedKeys(tx: Tx, refs: TextRef[]): Promise<Set<string>> {
  const minutes = refs.filter((ref) => ref.kind === "minutes").map((ref) => ref.id);
  const items = refs.filter((ref) => ref.kind === "agenda_item").map((ref) => ref.id);
  const locked = new Set<string>();
  if (minutes.length > 0) {
    for (const row of await tx.minutes.findMany({ where: { id: { in: minutes }, status: "APPROVED" }, select: { id: true } })) locked.add(textKey({ kind: "minutes", id: row.id, field: "body" }));
  }
  if (items.length > 0) {
    for (const row of await tx.agendaItem.findMany({ where: { id: { in: items }, meeting: { agendaStatus: "HELD" } }, select: { id: true } })) locked.add(textKey({ kind: "agenda_item", id: row.id, field: "title" }));
  }
  return locked;
}

/**
 * Reads a translated XLIFF file back, in one transaction: each unit whose source is unchanged since the export (its
 * fingerprint) fills the other language of its text, the importer recorded as its translator; every other unit is
 * refused and listed in the report. A file that is not XLIFF 1.2 (or too large, or with a DOCTYPE) changes nothing.
 */
export const importXliff = defineCommand({
  name: "translation.import",
  permission: "translation.manage",
  schema: importXliffSchema,
  run: async ({ user, input, tx, requestId }): Promise<ImportReport> => {
    let units;
    try {
      units = readXliff(input.file);
    } catch (error) {
      if (!(error instanceof XliffError)) throw error;
      const key = ({ tooLarge: "xliffTooLarge", doctype: "xliffDoctype", notXml: "xliffNotXml", notXliff: "xliffNotXliff" } as const)[error.reason];
      refuseField("file", key);
    }
    await actAs(tx, user);
    const refs = units.map((unit) => parseTextKey(unit.key)).filter((ref): ref is TextRef => ref !== null);
    const current = new Map((await loadTexts(tx, refs)).map((text) => [text.key, text]));
    const locked = await lockedKeys(tx, refs);
    const report: ImportReport = { reportId: randomUUID(), applied: [], refused: [] };
    const seen = new Set<string>();
    for (const unit of units) {
      const ref = parseTextKey(unit.key);
      const text = ref ? current.get(textKey(ref)) : undefined;
      const refuse = (reason: ImportRefusal) => report.refused.push({ key: unit.key.slice(0, 200), reason });
      if (!ref || !text || !unit.fingerprint) { refuse("unknown"); continue; }
      const key = textKey(ref);
      if (seen.has(key)) { refuse("duplicate"); continue; }
      seen.add(key);
      const targetLanguage = unit.targetLanguage ?? (unit.sourceLanguage === "en" ? "fr" : "en");
      if (unit.sourceLanguage !== text.sourceLanguage || targetLanguage === text.sourceLanguage) { refuse("languageMismatch"); continue; }
      if (sourceFingerprint(text.sourceText) !== unit.fingerprint) { refuse("stale"); continue; }
      const target = unit.target?.trim() ?? "";
      if (target === "") { refuse("empty"); continue; }
      if (target.length > fieldLimit(ref.kind, ref.field)!) { refuse("tooLong"); continue; }
      if (locked.has(key)) { refuse("locked"); continue; }
      const { model, versioned } = textKinds[ref.kind];
      // The record's own model (its triggers record the state; a versioned record's version moves on, so a form
      // open on the old text answers "changed by someone else").
      const delegate = (tx as unknown as Record<string, RecordUpdater>)[model]!;
      await delegate.update({ where: { id: ref.id }, data: { [columnField(ref.field, targetLanguage)]: target, ...(versioned ? { version: { increment: 1 } } : {}) } });
      await recordAudit(tx, {
        actorId: user.id,
        action: "translation.import",
        entityType: ref.kind,
        entityId: ref.id,
        before: { field: ref.field, language: targetLanguage, text: text.otherText },
        after: { field: ref.field, language: targetLanguage, text: target, reportId: report.reportId },
        requestId,
      });
      report.applied.push(key);
    }
    // The report itself, for the page that shows it and for the record.
    await recordAudit(tx, { actorId: user.id, action: "translation.import", entityType: "translation_import", entityId: report.reportId, after: { applied: report.applied, refused: report.refused }, requestId });
    return report;
  },
});

/**
 * The language gate of publishing an agenda or circulating minutes (issue 21): refuses while one of the texts that
 * go out lacks its other language, unless a person with translation.manage gives a reason, which is audited with
 * what was missing. Called inside the publishing command's transaction.
 */
export async function checkLanguageGate(
  tx: Tx,
  { user, meetingId, scope, overrideReason, requestId }: { user: SessionUser; meetingId: string; scope: "agenda" | "minutes"; overrideReason?: string; requestId: string },
): Promise<MissingText[]> {
  const missing = await missingTranslations(tx, meetingId, scope);
  if (missing.length === 0) return missing;
  if (!overrideReason || !can(user, "translation.manage")) refuseField("_form", "translationMissing");
  await recordAudit(tx, {
    actorId: user.id,
    action: "translation.override",
    entityType: "meeting",
    entityId: meetingId,
    after: { scope, reason: overrideReason, missing: missing.map((text) => ({ key: textKey(text), missingLanguage: text.missingLanguage })) },
    requestId,
  });
  return missing;
}
