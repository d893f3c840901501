import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import { cleanSearchText, searchWords } from "@/lib/decisions/queries";
import { literalLikeText } from "@/lib/format/like";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * One search for everything: initiatives, status updates, decisions, agenda items, action items and meetings, in
 * both languages, accent- and case-insensitive (every word, in any order, through immutable_unaccent), ranked, grouped
 * by kind. Bounded: one statement per kind asked for (six at most, run together), each with a limit.
 *
 * What a user may see: every kind here is readable by any signed-in user (DESIGN §3: `portal.read`), minus what is
 * hidden everywhere (archived initiatives and their updates, agenda items taken off the agenda). A kind that needs
 * more (the results framework's indicators) adds its own permission in `searchKinds` and its statement below.
 */
export const searchKinds = ["initiative", "statusUpdate", "decision", "agendaItem", "actionItem", "meeting", "document", "indicator"] as const;
export type SearchKind = (typeof searchKinds)[number];

export function isSearchKind(value: unknown): value is SearchKind {
  return (searchKinds as readonly unknown[]).includes(value);
}

/** Results per kind: a few on the all-kinds page, more when one kind is asked for. */
export const PER_KIND = 5;
export const ONE_KIND = 50;

export type SearchHit = {
  kind: SearchKind;
  id: string;
  /** The page the result opens, without the language prefix. */
  href: string;
  titleEn: string;
  titleFr: string;
  /** Extra context: a code, a number, a meeting. */
  detail: string | null;
  rank: number;
};

export type SearchResults = { query: string; groups: { kind: SearchKind; hits: SearchHit[]; more: boolean }[] };

/** `haystack ILIKE every word`, accent-insensitive; the rank counts words found in the title (weighted) and body. */
function matching(words: string[], title: Prisma.Sql, body: Prisma.Sql) {
  const patterns = words.map((word) => `%${literalLikeText(word)}%`);
  const haystack = Prisma.sql`public.immutable_unaccent(concat_ws(' ', ${title}, ${body}))`;
  const where = Prisma.join(patterns.map((pattern) => Prisma.sql`${haystack} ILIKE public.immutable_unaccent(${pattern})`), " AND ");
  const rank = Prisma.join(
    patterns.map((pattern) => Prisma.sql`(CASE WHEN public.immutable_unaccent(concat_ws(' ', ${title})) ILIKE public.immutable_unaccent(${pattern}) THEN 2 ELSE 1 END)`),
    " + ",
  );
  return { where, rank };
}

type Row = { id: string; href: string; title_en: string; title_fr: string; detail: string | null; rank: number };

function statement(kind: SearchKind, words: string[], limit: number): Prisma.Sql {
  switch (kind) {
    case "initiative": {
      const m = matching(words, Prisma.sql`i.code, i.title_en, i.title_fr`, Prisma.sql`i.summary_en, i.summary_fr`);
      return Prisma.sql`SELECT i.id::text AS id, '/initiatives/' || i.id AS href, COALESCE(NULLIF(i.title_en, ''), i.title_fr) AS title_en,
          COALESCE(NULLIF(i.title_fr, ''), i.title_en) AS title_fr, i.code AS detail, (${m.rank})::int AS rank
        FROM initiatives i WHERE i.archived_at IS NULL AND ${m.where}
        ORDER BY rank DESC, i.code LIMIT ${limit}`;
    }
    case "statusUpdate": {
      const m = matching(words, Prisma.sql`i.code, s.reporting_period`, Prisma.sql`s.narrative_en, s.narrative_fr`);
      return Prisma.sql`SELECT s.id::text AS id, '/initiatives/' || i.id AS href,
          COALESCE(NULLIF(i.title_en, ''), i.title_fr) || ' — ' || s.reporting_period AS title_en,
          COALESCE(NULLIF(i.title_fr, ''), i.title_en) || ' — ' || s.reporting_period AS title_fr, i.code AS detail, (${m.rank})::int AS rank
        FROM status_updates s JOIN initiatives i ON i.id = s.initiative_id AND i.archived_at IS NULL WHERE ${m.where}
        ORDER BY rank DESC, s.created_at DESC LIMIT ${limit}`;
    }
    case "decision": {
      const m = matching(words, Prisma.sql`d.number`, Prisma.sql`d.text_en, d.text_fr`);
      return Prisma.sql`SELECT d.id::text AS id, '/decisions?q=' || d.number || '#decision-' || d.number AS href, d.text_en AS title_en, d.text_fr AS title_fr,
          d.number AS detail, (${m.rank})::int AS rank
        FROM decisions d JOIN meetings mt ON mt.id = d.meeting_id WHERE ${m.where}
        ORDER BY rank DESC, mt.starts_at DESC, d.number LIMIT ${limit}`;
    }
    case "agendaItem": {
      const m = matching(words, Prisma.sql`a.title_en, a.title_fr`, Prisma.sql`a.outcome`);
      return Prisma.sql`SELECT a.id::text AS id, '/meetings/' || mt.id AS href, a.title_en, a.title_fr,
          mt.sequence_number::text AS detail, (${m.rank})::int AS rank
        FROM agenda_items a JOIN meetings mt ON mt.id = a.meeting_id WHERE a.deleted_at IS NULL AND ${m.where}
        ORDER BY rank DESC, mt.starts_at DESC, a.position LIMIT ${limit}`;
    }
    case "actionItem": {
      const m = matching(words, Prisma.sql`ai.title_en, ai.title_fr`, Prisma.sql`ai.details_en, ai.details_fr`);
      // Action items have no page of their own: their initiative's page, else their meeting's list of action items.
      return Prisma.sql`SELECT ai.id::text AS id,
          COALESCE('/initiatives/' || ai.initiative_id, '/action-items?view=all&meeting=' || ai.meeting_id, '/action-items?view=all') AS href, COALESCE(NULLIF(ai.title_en, ''), ai.title_fr) AS title_en,
          COALESCE(NULLIF(ai.title_fr, ''), ai.title_en) AS title_fr, ai.status::text AS detail, (${m.rank})::int AS rank
        FROM action_items ai WHERE ${m.where}
        ORDER BY rank DESC, ai.due_date DESC LIMIT ${limit}`;
    }
    case "document": {
      // Documents (issue 20): the titles and the text extracted from the current version of papers not withdrawn, on
      // records still in view; the detail is the passage around the first word found.
      const m = matching(words, Prisma.sql`dc.title_en, dc.title_fr`, Prisma.sql`v.text`);
      const first = `${words[0] ?? ""}`;
      return Prisma.sql`SELECT dc.id::text AS id,
          COALESCE('/initiatives/' || dc.initiative_id, '/meetings/' || COALESCE(dc.meeting_id, a.meeting_id)) AS href, dc.title_en, dc.title_fr,
          CASE WHEN strpos(lower(public.immutable_unaccent(coalesce(v.text, ''))), lower(public.immutable_unaccent(${first}))) > 0
            THEN '…' || substring(v.text FROM greatest(1, strpos(lower(public.immutable_unaccent(v.text)), lower(public.immutable_unaccent(${first}))) - 80) FOR 200) || '…'
            ELSE v.file_name END AS detail,
          (${m.rank})::int AS rank
        FROM documents dc
        JOIN document_versions v ON v.document_id = dc.id AND v.number = dc.current_version
        LEFT JOIN agenda_items a ON a.id = dc.agenda_item_id
        WHERE dc.withdrawn_at IS NULL AND (dc.agenda_item_id IS NULL OR a.deleted_at IS NULL) AND ${m.where}
        ORDER BY rank DESC, dc.created_at DESC LIMIT ${limit}`;
    }
    case "indicator": {
      // The results framework (issue 19.7): indicators by code and name, and their methodology and data source; those
      // the results pages show (not archived, under a result not archived, of an active pillar); the detail is the code.
      const m = matching(words, Prisma.sql`ind.code, ind.name_en, ind.name_fr`, Prisma.sql`ind.methodology_en, ind.methodology_fr, ind.data_source_en, ind.data_source_fr`);
      return Prisma.sql`SELECT ind.id::text AS id, '/indicators/' || ind.id AS href, COALESCE(NULLIF(ind.name_en, ''), ind.name_fr) AS title_en,
          COALESCE(NULLIF(ind.name_fr, ''), ind.name_en) AS title_fr, ind.code AS detail, (${m.rank})::int AS rank
        FROM indicators ind JOIN expected_results er ON er.id = ind.result_id AND er.archived_at IS NULL
        JOIN pillars pl ON pl.id = er.pillar_id AND pl.active
        WHERE ind.archived_at IS NULL AND ${m.where}
        ORDER BY rank DESC, ind.code LIMIT ${limit}`;
    }
    case "meeting": {
      const m = matching(words, Prisma.sql`mt.title_en, mt.title_fr`, Prisma.sql`mt.location`);
      return Prisma.sql`SELECT mt.id::text AS id, '/meetings/' || mt.id AS href, mt.title_en, mt.title_fr,
          mt.sequence_number::text AS detail, (${m.rank})::int AS rank
        FROM meetings mt WHERE ${m.where}
        ORDER BY rank DESC, mt.starts_at DESC LIMIT ${limit}`;
    }
  }
}

/**
 * The results for a typed text (cleaned: control characters out, cut to a bounded length), for every kind or one.
 * Empty text gives no groups. Never throws on odd input: the text only ever reaches SQL as bound parameters.
 */
export async function searchEverything(user: SessionUser, rawQuery: unknown, kind?: SearchKind): Promise<SearchResults> {
  requirePermission(user, "portal.read");
  const query = cleanSearchText(rawQuery);
  const words = searchWords(query);
  if (words.length === 0) return { query, groups: [] };
  const kinds = kind ? [kind] : [...searchKinds];
  const limit = kind ? ONE_KIND : PER_KIND;
  const found = await Promise.all(kinds.map((each) => db.$queryRaw<Row[]>`${statement(each, words, limit + 1)}`));
  return {
    query,
    groups: kinds.map((each, index) => {
      const rows = found[index]!;
      return {
        kind: each,
        more: rows.length > limit,
        hits: rows.slice(0, limit).map((row) => ({ kind: each, id: row.id, href: row.href, titleEn: row.title_en ?? "", titleFr: row.title_fr ?? "", detail: row.detail, rank: Number(row.rank) })),
      };
    }),
  };
}
