import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import { parseTextKey, type TextRef } from "./kinds";
import { sourceFingerprint, textsForExport } from "./queries";
import { buildXliff } from "./xliff";
import type { ImportRefusal } from "./commands";

export { importXliff, requestTranslation, verifyTranslation, type ImportRefusal } from "./commands";
export { MAX_XLIFF_BYTES } from "./xliff";

/** The XLIFF 1.2 file of the texts named by `keys` ("kind:id:field"), or null when none names a text. */
export async function exportXliff(user: SessionUser, keys: string[]): Promise<string | null> {
  const refs = keys.map(parseTextKey).filter((ref): ref is TextRef => ref !== null);
  const texts = await textsForExport(user, refs);
  if (texts.length === 0) return null;
  return buildXliff(texts.map((text) => ({ key: text.key, sourceLanguage: text.sourceLanguage, source: text.sourceText, fingerprint: sourceFingerprint(text.sourceText) })));
}

/** The report of an import (its audit event), for the queue page: what was filled and what was refused, and why. */
export async function importReport(user: SessionUser, reportId: string): Promise<{ applied: string[]; refused: { key: string; reason: ImportRefusal }[]; at: Date } | null> {
  requirePermission(user, "translation.manage");
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) return null;
  const event = await db.auditEvent.findFirst({ where: { action: "translation.import", entityType: "translation_import", entityId: reportId }, select: { after: true, occurredAt: true } });
  if (!event) return null;
  const after = event.after as { applied?: string[]; refused?: { key: string; reason: ImportRefusal }[] } | null;
  return { applied: after?.applied ?? [], refused: after?.refused ?? [], at: event.occurredAt };
}
