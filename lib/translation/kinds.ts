/**
 * The bilingual texts the translation workflow tracks (issue 21): for each kind of record, its table and the
 * base names of its bilingual columns (`<field>_en` / `<field>_fr`), with their length limits. Each table has a
 * trigger (migration translation_workflow) that keeps `text_language_states` current; adding a kind is a trigger
 * plus an entry here plus a branch of the queue's SQL (docs/translation.md).
 *
 * Pure data: no database (the XLIFF code and the client-side labels use it too).
 */
export const textKinds = {
  initiative: { model: "initiative", table: "initiatives", fields: { title: 300, summary: 4000 }, versioned: true, meetingScoped: false },
  status_update: { model: "statusUpdate", table: "status_updates", fields: { narrative: 8000 }, versioned: false, meetingScoped: false },
  milestone: { model: "milestone", table: "milestones", fields: { title: 300 }, versioned: true, meetingScoped: false },
  expected_result: { model: "expectedResult", table: "expected_results", fields: { title: 300, description: 4000 }, versioned: true, meetingScoped: false },
  indicator: { model: "indicator", table: "indicators", fields: { name: 300, methodology: 4000, data_source: 500 }, versioned: true, meetingScoped: false },
  meeting: { model: "meeting", table: "meetings", fields: { title: 300 }, versioned: true, meetingScoped: true },
  agenda_item: { model: "agendaItem", table: "agenda_items", fields: { title: 300 }, versioned: true, meetingScoped: true },
  decision: { model: "decision", table: "decisions", fields: { text: 4000 }, versioned: true, meetingScoped: true },
  minutes: { model: "minutes", table: "minutes", fields: { body: 100_000 }, versioned: true, meetingScoped: true },
  // Meeting papers and the documents of initiatives (issue 20): the title only; the file is in its own language.
  document: { model: "document", table: "documents", fields: { title: 300 }, versioned: true, meetingScoped: true },
} as const;

export type TextKind = keyof typeof textKinds;

/** The Prisma field of a bilingual column: ("data_source", "fr") → "dataSourceFr". */
export function columnField(field: string, language: "en" | "fr"): string {
  return field.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()) + (language === "en" ? "En" : "Fr");
}
export const textKindNames = Object.keys(textKinds) as TextKind[];

export const languageStates = ["missing", "requested", "translated", "verified", "needs_review"] as const;
export type LanguageState = (typeof languageStates)[number];

/**
 * What the queue lists unless a state is chosen: texts whose other language is missing, requested, or no longer
 * matches its source. Texts translated but not yet verified are listed when that state is chosen (every text
 * written in both languages starts there, so they would drown the queue).
 */
export const awaitingStates = ["missing", "requested", "needs_review"] as const satisfies readonly LanguageState[];

export function isTextKind(value: unknown): value is TextKind {
  return typeof value === "string" && Object.hasOwn(textKinds, value);
}

/** The length limit of `field` of `kind`, or null when the kind has no such bilingual field. */
export function fieldLimit(kind: TextKind, field: string): number | null {
  const fields = textKinds[kind].fields as Record<string, number>;
  return Object.hasOwn(fields, field) ? fields[field]! : null;
}

/** One text: a record's bilingual field. Its key is "kind:id:field" (the XLIFF unit id). */
export type TextRef = { kind: TextKind; id: string; field: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function textKey(ref: TextRef): string {
  return `${ref.kind}:${ref.id}:${ref.field}`;
}

/** Reads "kind:id:field" back; null for anything that does not name a tracked field. */
export function parseTextKey(key: string): TextRef | null {
  const parts = key.split(":");
  if (parts.length !== 3) return null;
  const [kind, id, field] = parts as [string, string, string];
  if (!isTextKind(kind) || !uuid.test(id) || fieldLimit(kind, field) === null) return null;
  return { kind, id: id.toLowerCase(), field };
}

/** Words, as a translation service counts them for a quote: runs of non-space characters. */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/u).length;
}
