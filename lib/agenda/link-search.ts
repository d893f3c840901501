import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { byLocale } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

/** The most choices one search answers with: enough to pick from, small enough to read. */
export const LINK_SEARCH_LIMIT = 20;

export const linkKinds = ["initiative", "actionItem"] as const;
export type LinkKind = (typeof linkKinds)[number];

export const linkSearchSchema = z.object({
  kind: z.enum(linkKinds),
  q: z.string().trim().max(100),
});

export type LinkChoice = { id: string; label: string };
export type LinkSearchResult = { choices: LinkChoice[]; more: boolean };

/** A LIKE pattern that matches `text` anywhere, its own % _ and \ taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * What an agenda item may newly link to, matching `q` (empty: the first ones): initiatives not archived, by code
 * or by title in either language (accents ignored), codes that start with `q` first; open action items by title
 * in either language, soonest due first. At most LINK_SEARCH_LIMIT, and whether there are more.
 */
export async function searchAgendaLinks(kind: LinkKind, q: string, locale: Locale): Promise<LinkSearchResult> {
  const pattern = containsPattern(q);
  const take = LINK_SEARCH_LIMIT + 1;
  const rows =
    kind === "initiative"
      ? await db.$queryRaw<{ id: string; code: string; titleEn: string; titleFr: string }[]>`
          SELECT id::text AS id, code, title_en AS "titleEn", title_fr AS "titleFr" FROM initiatives
          WHERE archived_at IS NULL
            AND (code ILIKE ${pattern} OR immutable_unaccent(title_en) ILIKE immutable_unaccent(${pattern})
                 OR immutable_unaccent(title_fr) ILIKE immutable_unaccent(${pattern}))
          ORDER BY code ILIKE ${pattern.slice(1)} DESC, code
          LIMIT ${take}`
      : await db.$queryRaw<{ id: string; code: null; titleEn: string; titleFr: string }[]>`
          SELECT id::text AS id, NULL AS code, title_en AS "titleEn", title_fr AS "titleFr" FROM action_items
          WHERE status IN ('OPEN', 'IN_PROGRESS')
            AND (immutable_unaccent(title_en) ILIKE immutable_unaccent(${pattern})
                 OR immutable_unaccent(title_fr) ILIKE immutable_unaccent(${pattern}))
          ORDER BY due_date, id
          LIMIT ${take}`;
  return {
    choices: rows.slice(0, LINK_SEARCH_LIMIT).map((row) => {
      const title = byLocale(locale, row.titleEn, row.titleFr);
      return { id: row.id, label: row.code ? `${row.code} — ${title}` : title };
    }),
    more: rows.length > LINK_SEARCH_LIMIT,
  };
}
