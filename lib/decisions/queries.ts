import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/types";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import { literalLikeText } from "@/lib/format/like";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The decision register: every decision of every meeting, newest meeting first, numbered as recorded
 * (`2007-09-D1`), with its meeting, its agenda item and its linked initiatives. Any signed-in user may read it
 * (decisions are on every meeting's page). One statement per request, bounded by REGISTER_LIMIT.
 */
export const REGISTER_LIMIT = 500;

/** Longest search text kept: longer input is cut, never refused (a pasted paragraph still searches). */
export const SEARCH_TEXT_MAX = 200;

/**
 * Typed search text made safe to send: control characters (PostgreSQL refuses NUL in text) become spaces, runs of
 * blanks collapse, and the result is cut to `max`. Empty means no search.
 */
export function cleanSearchText(value: unknown, max = SEARCH_TEXT_MAX): string {
  if (typeof value !== "string") return "";
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").replace(/\s+/g, " ").trim().slice(0, max).trim();
}

/** The words of a search (at most eight, so the statement stays bounded), split on blanks and apostrophes. */
export function searchWords(text: string | undefined): string[] {
  return [...new Set((text ?? "").split(/[\s'’]+/).filter((word) => word.length > 0))].slice(0, 8);
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const decisionFiltersSchema = z.object({
  q: z.preprocess((value) => cleanSearchText(first(value)) || undefined, z.string().optional()),
  fy: z.preprocess((value) => (first(value) ? Number(first(value)) : undefined), z.number().int().min(1990).max(2100).optional().catch(undefined)),
  meeting: z.preprocess(first, z.uuid().optional().catch(undefined)),
  pillar: z.preprocess(first, z.string().regex(/^[A-Z][A-Z0-9_]{0,39}$/).optional().catch(undefined)),
  initiative: z.preprocess(first, z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,29}$/).optional().catch(undefined)),
});
export type DecisionFilters = z.output<typeof decisionFiltersSchema>;

export function parseDecisionFilters(params: Record<string, unknown>): DecisionFilters {
  return decisionFiltersSchema.parse(params);
}

export type RegisterDecision = {
  id: string;
  number: string;
  textEn: string;
  textFr: string;
  meetingId: string;
  meetingNumber: number;
  meetingTitleEn: string;
  meetingTitleFr: string;
  meetingStartsAt: Date;
  fiscalYear: number;
  agendaPosition: number | null;
  agendaTitleEn: string | null;
  agendaTitleFr: string | null;
  initiatives: { id: string; code: string }[];
};

/** The initiatives a decision is about: those linked to it, and the one its agenda item is about. */
const aboutInitiatives = Prisma.sql`(
  SELECT di.initiative_id FROM decision_initiatives di WHERE di.decision_id = d.id
  UNION SELECT a.initiative_id WHERE a.initiative_id IS NOT NULL)`;

/** The matching decisions (at most REGISTER_LIMIT) and whether there were more. */
export async function listDecisionRegister(user: SessionUser, filters: DecisionFilters): Promise<{ rows: RegisterDecision[]; more: boolean }> {
  requirePermission(user, "portal.read");
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.fy) where.push(Prisma.sql`m.fiscal_year = ${filters.fy}`);
  if (filters.meeting) where.push(Prisma.sql`m.id = ${filters.meeting}::uuid`);
  if (filters.pillar)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM initiatives i JOIN pillars p ON p.id = i.primary_pillar_id WHERE p.code = ${filters.pillar} AND i.id IN ${aboutInitiatives})`);
  if (filters.initiative) where.push(Prisma.sql`EXISTS (SELECT 1 FROM initiatives i WHERE i.code = ${filters.initiative} AND i.id IN ${aboutInitiatives})`);
  for (const word of searchWords(filters.q)) {
    // Every word, in any order, accent- and case-insensitive, in either language, on the number, the text, the
    // meeting and the agenda item, through the same unaccent wrapper as the initiatives' search (migration init).
    const pattern = `%${literalLikeText(word)}%`;
    where.push(Prisma.sql`public.immutable_unaccent(concat_ws(' ', d.number, d.text_en, d.text_fr, m.title_en, m.title_fr, a.title_en, a.title_fr))
      ILIKE public.immutable_unaccent(${pattern})`);
  }
  const rows = await db.$queryRaw<(Omit<RegisterDecision, "fiscalYear" | "meetingNumber"> & { fiscalYear: number; meetingNumber: number })[]>`
    SELECT d.id, d.number, d.text_en AS "textEn", d.text_fr AS "textFr",
           m.id AS "meetingId", m.sequence_number AS "meetingNumber", m.title_en AS "meetingTitleEn", m.title_fr AS "meetingTitleFr",
           m.starts_at AS "meetingStartsAt", m.fiscal_year::int AS "fiscalYear",
           a.position AS "agendaPosition", a.title_en AS "agendaTitleEn", a.title_fr AS "agendaTitleFr",
           COALESCE((SELECT json_agg(json_build_object('id', i.id, 'code', i.code) ORDER BY i.code)
                       FROM initiatives i WHERE i.id IN ${aboutInitiatives}), '[]'::json) AS initiatives
      FROM decisions d
      JOIN LATERAL (
        SELECT mm.*, fiscal_year_of((mm.starts_at AT TIME ZONE 'America/Toronto')::date) AS fiscal_year
          FROM meetings mm WHERE mm.id = d.meeting_id) m ON TRUE
      LEFT JOIN agenda_items a ON a.id = d.agenda_item_id
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY m.starts_at DESC, d.created_at ASC, d.number ASC
     LIMIT ${REGISTER_LIMIT + 1}`;
  return { rows: rows.slice(0, REGISTER_LIMIT), more: rows.length > REGISTER_LIMIT };
}

/** The filters' choices: fiscal years and meetings that have decisions, pillars. One statement. */
export async function decisionRegisterChoices(user: SessionUser) {
  requirePermission(user, "portal.read");
  const [meetings, pillars] = await Promise.all([
    db.$queryRaw<{ id: string; sequenceNumber: number; titleEn: string; titleFr: string; fiscalYear: number }[]>`
      SELECT m.id, m.sequence_number AS "sequenceNumber", m.title_en AS "titleEn", m.title_fr AS "titleFr",
             fiscal_year_of((m.starts_at AT TIME ZONE 'America/Toronto')::date) AS "fiscalYear"
        FROM meetings m WHERE EXISTS (SELECT 1 FROM decisions d WHERE d.meeting_id = m.id) ORDER BY m.starts_at DESC LIMIT 500`,
    db.pillar.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { code: true, nameEn: true, nameFr: true } }),
  ]);
  return { meetings, pillars, fiscalYears: [...new Set(meetings.map((meeting) => meeting.fiscalYear))].sort((a, b) => b - a) };
}
