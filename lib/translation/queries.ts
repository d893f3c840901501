import "server-only";
import { createHash } from "node:crypto";
import type { SessionUser } from "@/lib/auth/types";
import { canVerifyTranslation } from "@/lib/authz/permissions";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/kernel/tx";
import { isUuid } from "@/lib/security/ids";
import { readSetting } from "@/lib/settings/queries";
import { awaitingStates, isTextKind, languageStates, textKey, type LanguageState, type TextKind, type TextRef } from "./kinds";

/** sha256 (hex) of a source text, as the database's translation_sha256() computes it. */
export function sourceFingerprint(text: string): string {
  return createHash("sha256").update(text.trim(), "utf8").digest("hex");
}

/**
 * Every tracked bilingual text with what the queue filters on: its two languages, the department it belongs to,
 * the meeting it is for and when it is due (a meeting's texts are due by the meeting's date, before its agenda
 * goes out), and the portal page where it is edited. Archived and removed records are left out.
 */
const texts = Prisma.sql`
  SELECT 'initiative' AS kind, i.id, 'title' AS field, i.title_en AS en, i.title_fr AS fr, i.lead_department_id AS department_id, NULL::uuid AS meeting_id, NULL::timestamptz AS due_at, '/initiatives/' || i.id || '/edit' AS href
    FROM initiatives i WHERE i.archived_at IS NULL
  UNION ALL SELECT 'initiative', i.id, 'summary', i.summary_en, i.summary_fr, i.lead_department_id, NULL, NULL, '/initiatives/' || i.id || '/edit'
    FROM initiatives i WHERE i.archived_at IS NULL
  UNION ALL SELECT 'status_update', s.id, 'narrative', s.narrative_en, s.narrative_fr, i.lead_department_id, NULL, NULL, '/initiatives/' || i.id
    FROM status_updates s JOIN initiatives i ON i.id = s.initiative_id WHERE i.archived_at IS NULL
  UNION ALL SELECT 'milestone', m.id, 'title', m.title_en, m.title_fr, i.lead_department_id, NULL, m.due_date::timestamptz, '/initiatives/' || i.id
    FROM milestones m JOIN initiatives i ON i.id = m.initiative_id WHERE m.deleted_at IS NULL AND i.archived_at IS NULL
  UNION ALL SELECT 'expected_result', r.id, 'title', r.title_en, r.title_fr, NULL, NULL, NULL, '/results/' || r.code
    FROM expected_results r WHERE r.archived_at IS NULL
  UNION ALL SELECT 'expected_result', r.id, 'description', r.description_en, r.description_fr, NULL, NULL, NULL, '/results/' || r.code
    FROM expected_results r WHERE r.archived_at IS NULL
  UNION ALL SELECT 'indicator', n.id, 'name', n.name_en, n.name_fr, n.responsible_department_id, NULL, NULL, '/indicators/' || n.id
    FROM indicators n WHERE n.archived_at IS NULL
  UNION ALL SELECT 'indicator', n.id, 'methodology', n.methodology_en, n.methodology_fr, n.responsible_department_id, NULL, NULL, '/indicators/' || n.id
    FROM indicators n WHERE n.archived_at IS NULL
  UNION ALL SELECT 'indicator', n.id, 'data_source', n.data_source_en, n.data_source_fr, n.responsible_department_id, NULL, NULL, '/indicators/' || n.id
    FROM indicators n WHERE n.archived_at IS NULL
  UNION ALL SELECT 'meeting', g.id, 'title', g.title_en, g.title_fr, NULL, g.id, g.starts_at, '/meetings/' || g.id || '/edit'
    FROM meetings g
  UNION ALL SELECT 'agenda_item', a.id, 'title', a.title_en, a.title_fr, a.presenting_department_id, g.id, g.starts_at, '/meetings/' || g.id || '/agenda'
    FROM agenda_items a JOIN meetings g ON g.id = a.meeting_id WHERE a.deleted_at IS NULL
  UNION ALL SELECT 'decision', d.id, 'text', d.text_en, d.text_fr, NULL, g.id, g.starts_at, '/meetings/' || g.id || '/record'
    FROM decisions d JOIN meetings g ON g.id = d.meeting_id
  UNION ALL SELECT 'minutes', x.id, 'body', x.body_en, x.body_fr, NULL, g.id, g.starts_at, '/meetings/' || g.id || '/record'
    FROM minutes x JOIN meetings g ON g.id = x.meeting_id
  UNION ALL SELECT 'document', d.id, 'title', d.title_en, d.title_fr, d.department_id, g.id, g.starts_at,
         CASE WHEN d.initiative_id IS NOT NULL THEN '/initiatives/' || d.initiative_id ELSE '/meetings/' || g.id END
    FROM documents d LEFT JOIN agenda_items a ON a.id = d.agenda_item_id LEFT JOIN meetings g ON g.id = coalesce(d.meeting_id, a.meeting_id)
   WHERE d.withdrawn_at IS NULL`;

export type QueueFilters = { kind?: TextKind; state?: LanguageState; departmentId?: string; meetingId?: string; dueBy?: string };

export type QueueEntry = TextRef & {
  key: string;
  state: LanguageState;
  sourceLanguage: "en" | "fr";
  sourceText: string;
  otherText: string | null;
  words: number;
  departmentId: string | null;
  meetingId: string | null;
  dueAt: Date | null;
  href: string;
  requestedAt: Date | null;
  translatedAt: Date | null;
};

type QueueRow = {
  kind: TextKind;
  id: string;
  field: string;
  state: LanguageState;
  source_language: "en" | "fr";
  en: string | null;
  fr: string | null;
  words: number;
  department_id: string | null;
  meeting_id: string | null;
  due_at: Date | null;
  href: string;
  requested_at: Date | null;
  translated_at: Date | null;
};

const QUEUE_LIMIT = 500;

/** Reads the raw filters of the queue page (anything malformed is ignored). */
export function queueFilters(query: Record<string, string | string[] | undefined>): QueueFilters {
  const one = (name: string) => (typeof query[name] === "string" ? (query[name] as string) : undefined);
  const kind = one("kind");
  const state = one("state");
  const departmentId = one("department");
  const meetingId = one("meeting");
  const dueBy = one("dueBy");
  return {
    kind: isTextKind(kind) ? kind : undefined,
    state: languageStates.find((candidate) => candidate === state),
    departmentId: departmentId && isUuid(departmentId) ? departmentId : undefined,
    meetingId: meetingId && isUuid(meetingId) ? meetingId : undefined,
    dueBy: dueBy && /^\d{4}-\d{2}-\d{2}$/.test(dueBy) && !Number.isNaN(Date.parse(dueBy)) ? dueBy : undefined,
  };
}

/**
 * The translation queue: every text whose other language is missing, requested, or awaiting (re)verification,
 * soonest due first, with its word count (of the source) and the total of the list.
 */
export async function translationQueue(user: SessionUser, filters: QueueFilters): Promise<{ entries: QueueEntry[]; total: number; totalWords: number; truncated: boolean }> {
  requirePermission(user, "translation.manage");
  const conditions: Prisma.Sql[] = [Prisma.sql`s.state IN (${Prisma.join(filters.state ? [filters.state] : [...awaitingStates])})`];
  if (filters.kind) conditions.push(Prisma.sql`t.kind = ${filters.kind}`);
  if (filters.departmentId) conditions.push(Prisma.sql`t.department_id = ${filters.departmentId}::uuid`);
  if (filters.meetingId) conditions.push(Prisma.sql`t.meeting_id = ${filters.meetingId}::uuid`);
  // Due by the end of that day in Toronto.
  if (filters.dueBy) conditions.push(Prisma.sql`t.due_at < ((${filters.dueBy}::date + 1)::timestamp AT TIME ZONE 'America/Toronto')`);
  const rows = await db.$queryRaw<(QueueRow & { total: bigint; total_words: bigint })[]>`
    WITH t AS (${texts}),
    q AS (
      SELECT t.kind, t.id, t.field, s.state, s.source_language::text AS source_language, t.en, t.fr, t.department_id, t.meeting_id, t.due_at, t.href,
             s.requested_at, s.translated_at,
             coalesce(array_length(regexp_split_to_array(btrim(CASE WHEN s.source_language = 'en' THEN t.en ELSE t.fr END), '\\s+'), 1), 0)::int AS words
        FROM t JOIN text_language_states s ON s.record_kind = t.kind AND s.record_id = t.id AND s.field = t.field
       WHERE ${Prisma.join(conditions, " AND ")}
    )
    SELECT q.*, count(*) OVER () AS total, coalesce(sum(q.words) OVER (), 0) AS total_words
      FROM q ORDER BY q.due_at ASC NULLS LAST, q.kind, q.id, q.field
     LIMIT ${QUEUE_LIMIT}`;
  const total = Number(rows[0]?.total ?? 0);
  return {
    entries: rows.map(toEntry),
    total,
    totalWords: Number(rows[0]?.total_words ?? 0),
    truncated: total > rows.length,
  };
}

function toEntry(row: QueueRow): QueueEntry {
  const source = row.source_language === "en" ? row.en : row.fr;
  const other = row.source_language === "en" ? row.fr : row.en;
  const ref = { kind: row.kind, id: row.id, field: row.field };
  return {
    ...ref,
    key: textKey(ref),
    state: row.state,
    sourceLanguage: row.source_language,
    sourceText: (source ?? "").trim(),
    otherText: other?.trim() ? other.trim() : null,
    words: row.words,
    departmentId: row.department_id,
    meetingId: row.meeting_id,
    dueAt: row.due_at,
    href: row.href,
    requestedAt: row.requested_at,
    translatedAt: row.translated_at,
  };
}

/** The texts named by `refs` as the export needs them (source, languages); unknown or removed ones are left out. */
export async function textsForExport(user: SessionUser, refs: TextRef[]): Promise<QueueEntry[]> {
  requirePermission(user, "translation.manage");
  return loadTexts(db, refs);
}

/** The current texts and states of `refs` (for the export and, inside its transaction, the import). */
export async function loadTexts(client: Tx | typeof db, refs: TextRef[]): Promise<QueueEntry[]> {
  if (refs.length === 0) return [];
  const wanted = Prisma.join(refs.map((ref) => Prisma.sql`(${ref.kind}, ${ref.id}::uuid, ${ref.field})`));
  const rows = await client.$queryRaw<QueueRow[]>`
    WITH t AS (${texts})
    SELECT t.kind, t.id, t.field, s.state, s.source_language::text AS source_language, t.en, t.fr, t.department_id, t.meeting_id, t.due_at, t.href,
           s.requested_at, s.translated_at, 0 AS words
      FROM t JOIN text_language_states s ON s.record_kind = t.kind AND s.record_id = t.id AND s.field = t.field
     WHERE (t.kind, t.id, t.field) IN (${wanted})
     ORDER BY t.due_at ASC NULLS LAST, t.kind, t.id, t.field`;
  return rows.map(toEntry);
}

/** A text that lacks its other language, for a gate's refusal: what it is and where to fix it. */
export type MissingText = TextRef & { missingLanguage: "en" | "fr"; text: string; href: string };

/**
 * What publishing a meeting's agenda (`agenda`: its title and the items on it) or circulating its minutes
 * (`minutes`: the minutes and the decisions recorded) would send out in one language only.
 */
export async function missingTranslations(client: Tx | typeof db, meetingId: string, scope: "agenda" | "minutes"): Promise<MissingText[]> {
  const kinds = scope === "agenda" ? ["meeting", "agenda_item"] : ["minutes", "decision"];
  const rows = await client.$queryRaw<{ kind: TextKind; id: string; field: string; en: string | null; fr: string | null; href: string }[]>`
    WITH t AS (${texts})
    SELECT t.kind, t.id, t.field, t.en, t.fr, t.href FROM t
     WHERE t.meeting_id = ${meetingId}::uuid AND t.kind IN (${Prisma.join(kinds)})
       AND (coalesce(btrim(t.en), '') = '') <> (coalesce(btrim(t.fr), '') = '')
     ORDER BY t.kind, t.id`;
  return rows.map((row) => {
    const missingLanguage = row.en?.trim() ? "fr" : "en";
    return { kind: row.kind, id: row.id, field: row.field, missingLanguage, text: (missingLanguage === "fr" ? row.en : row.fr)!.trim(), href: row.href };
  });
}

/** The keys ("kind:id:field") among `refs` whose other language needs review since the source changed. */
export async function needingReview(user: SessionUser, kind: TextKind, ids: string[]): Promise<Set<string>> {
  requirePermission(user, "portal.read");
  if (ids.length === 0) return new Set();
  const rows = await db.textLanguageState.findMany({ where: { recordKind: kind, recordId: { in: ids }, state: "needs_review" }, select: { recordId: true, field: true } });
  return new Set(rows.map((row) => textKey({ kind, id: row.recordId, field: row.field })));
}

/** The language state of one text, for its page. */
export async function languageStateOf(user: SessionUser, ref: TextRef) {
  requirePermission(user, "portal.read");
  return db.textLanguageState.findUnique({ where: { recordKind_recordId_field: { recordKind: ref.kind, recordId: ref.id, field: ref.field } } });
}

/** The queue page's filter choices: departments and the meetings (latest first, at most 50). */
export async function queueChoices(user: SessionUser) {
  requirePermission(user, "translation.manage");
  const [departments, meetings] = await Promise.all([
    db.department.findMany({ where: { active: true }, orderBy: { acronymEn: "asc" }, select: { id: true, acronymEn: true, acronymFr: true } }),
    db.meeting.findMany({ orderBy: { startsAt: "desc" }, take: 50, select: { id: true, sequenceNumber: true, titleEn: true, titleFr: true } }),
  ]);
  return { departments, meetings };
}

/** Where a text's other language stands, for the screen where the text is edited (issue 21, point 5). */
export type TextLanguageStatus = TextRef & {
  key: string;
  state: LanguageState;
  sourceLanguage: "en" | "fr";
  translatedAt: Date | null;
  translatedBy: string | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  /** The viewer may mark this translation verified now (the policy, the verifier setting, and a translation to verify). */
  mayVerify: boolean;
};

/**
 * The language states of `refs` (texts the viewer may already see on the page asking), with who translated and
 * verified each, and whether the viewer may verify it in place: one statement for the states, one for the setting.
 */
export async function textLanguageStatuses(user: SessionUser, refs: TextRef[]): Promise<Map<string, TextLanguageStatus>> {
  requirePermission(user, "portal.read");
  if (refs.length === 0) return new Map();
  const [texts, verifierRoles] = await Promise.all([loadTexts(db, refs), readSetting("translationVerifierRoles")]);
  const wanted = Prisma.join(refs.map((ref) => Prisma.sql`(${ref.kind}, ${ref.id}::uuid, ${ref.field})`));
  const people = await db.$queryRaw<{ kind: TextKind; id: string; field: string; translated_at: Date | null; verified_at: Date | null; translated_by: string | null; verified_by: string | null }[]>`
    SELECT s.record_kind AS kind, s.record_id AS id, s.field, s.translated_at, s.verified_at, tu.display_name AS translated_by, vu.display_name AS verified_by
      FROM text_language_states s
      LEFT JOIN users tu ON tu.id = s.translated_by_id
      LEFT JOIN users vu ON vu.id = s.verified_by_id
     WHERE (s.record_kind, s.record_id, s.field) IN (${wanted})`;
  const byKey = new Map(people.map((row) => [textKey(row), row]));
  return new Map(
    texts.map((text) => {
      const row = byKey.get(text.key);
      const awaiting = text.otherText !== null && (text.state === "translated" || text.state === "needs_review");
      return [
        text.key,
        {
          kind: text.kind,
          id: text.id,
          field: text.field,
          key: text.key,
          state: text.state,
          sourceLanguage: text.sourceLanguage,
          translatedAt: row?.translated_at ?? null,
          translatedBy: row?.translated_by ?? null,
          verifiedAt: row?.verified_at ?? null,
          verifiedBy: row?.verified_by ?? null,
          mayVerify: awaiting && canVerifyTranslation(user, verifierRoles, { departmentId: text.departmentId }),
        },
      ];
    }),
  );
}

/**
 * What a language gate would refuse today, for the screen before it (the record page's "Circulate"): the texts of
 * the meeting's `scope` in one official language only, each with where it is fixed.
 */
export async function languageGate(user: SessionUser, meetingId: string, scope: "agenda" | "minutes"): Promise<MissingText[]> {
  requirePermission(user, "meeting.manage");
  return missingTranslations(db, meetingId, scope);
}
