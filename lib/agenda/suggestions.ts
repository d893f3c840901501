import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { torontoToday } from "@/lib/kernel/time";
import { isUuid } from "@/lib/security/ids";
import { staleDaysSql } from "@/lib/settings";
import { requirePermission } from "@/lib/authz/require";
import { listMissedIndicators } from "@/lib/results/queries";

export const suggestionReasons = ["redAmber", "worsened", "overdueAction", "stale", "missingUpdate", "previousOpen", "missedTarget"] as const;
export type SuggestionReason = (typeof suggestionReasons)[number];

/**
 * The most suggestions the builder shows. At scale thousands of initiatives are red, amber or stale; a list that
 * long helps no one and made the page grow with the data. The panel says how many there are in all and links to
 * the initiatives list, filtered, for the rest (and the add form's search finds any of them).
 */
export const SUGGESTION_LIMIT = 40;

export type Suggestion = {
  /** "initiative:<id>", "actionItem:<id>" or "indicator:<id>": one suggestion per record, with every reason it is suggested for. */
  key: string;
  reasons: SuggestionReason[];
  titleEn: string;
  titleFr: string;
  initiativeId: string | null;
  actionItemId: string | null;
  presentingDepartmentId: string | null;
  kind: "DISCUSSION";
  minutes: number;
};

/** `total` is exact unless `more`: then more than `total` are suggested (the count stopped there). */
export type Suggestions = { rows: Suggestion[]; total: number; more: boolean };

/**
 * How far past the shown suggestions they are counted (as the initiatives list does, lib/initiatives COUNT_AHEAD):
 * counting every one costs a visit of each RED, AMBER or stale initiative, thousands at scale, so beyond this the
 * panel says "more than".
 */
export const SUGGESTION_COUNT_AHEAD = 200;

type Row = {
  kind: "initiative" | "actionItem";
  id: string;
  reasons: SuggestionReason[];
  code: string | null;
  titleEn: string;
  titleFr: string;
  departmentId: string;
  total: number;
};

/**
 * What the coordinator may want on this meeting's agenda (DESIGN §4): RED and AMBER initiatives, initiatives
 * whose health worsened since the last meeting, initiatives with no update in `staleDays`, missing updates for the
 * open update calls, overdue action items (the 50 due first) and the previous meeting's open action items. Records
 * already linked from this agenda are left out. Initiatives come first, in the order of their first reason then by
 * code; then action items, overdue ones first, by due date. At most `limit`, with the total counted up to
 * `countAhead` past them (`more` when it stopped there).
 *
 * One statement whatever the data (it used to be one per reason and one per open update call).
 */
export async function listAgendaSuggestions(
  user: SessionUser,
  meetingId: string,
  { now = new Date(), limit = SUGGESTION_LIMIT, countAhead = SUGGESTION_COUNT_AHEAD } = {},
): Promise<Suggestions> {
  requirePermission(user, "portal.read");
  if (!isUuid(meetingId)) return { rows: [], total: 0, more: false };
  const countLimit = limit + countAhead;
  const rows = await db.$queryRaw<Row[]>`${suggestionsSql(meetingId, now, torontoToday(now), limit, countLimit)}`;
  const counted = rows[0]?.total ?? 0;
  return { rows: rows.map(toSuggestion), total: Math.min(counted, countLimit), more: counted > countLimit };
}

// Each reason as a condition on one initiative `i` (not archived), given the CTEs `previous` and `setting` below.
// A record is suggested once, in the group of its first reason; its other reasons are looked up for the page only.
const redAmber = Prisma.sql`(i.status = 'ACTIVE' AND i.health IN ('RED', 'AMBER'))`;
// Health changes only with a status update, which sets last_updated_at: an initiative not updated since the previous
// meeting has the health it had then, and one now GREEN cannot have worsened. Only the few others are looked up.
const worsened = Prisma.sql`(i.health IN ('AMBER', 'RED') AND i.last_updated_at > (SELECT starts_at FROM previous)
  AND dashboard_health_rank(i.health) > (
    SELECT dashboard_health_rank(su.health) FROM status_updates su
    WHERE su.initiative_id = i.id AND su.created_at <= (SELECT starts_at FROM previous)
    ORDER BY su.created_at DESC LIMIT 1))`;
const stale = Prisma.sql`initiative_is_stale(i.status, i.last_updated_at, (SELECT stale_days FROM setting), (SELECT at FROM setting))`;
const missingUpdate = Prisma.sql`EXISTS (
  SELECT 1 FROM update_call_initiatives ci JOIN update_calls c ON c.id = ci.update_call_id
  WHERE ci.initiative_id = i.id AND c.status = 'OPEN'
    AND NOT EXISTS (SELECT 1 FROM status_updates su WHERE su.initiative_id = i.id AND su.reporting_period = c.reporting_period))`;
const notLinked = Prisma.sql`i.id NOT IN (SELECT initiative_id FROM linked WHERE initiative_id IS NOT NULL)`;
const open = Prisma.sql`action_item_is_open(a.status)`;

/**
 * The suggestions statement (exported so that its plan can be looked at on a scale database). Each group of
 * records (by first reason) is read in the page's order and cut at `countLimit` + 1, so that PostgreSQL stops
 * early, walking an index in that order (initiatives_active_code_idx, action_items_open_due_idx,
 * action_items_meeting_open_due_idx); the total is the sum of the groups, exact when none was cut.
 */
export function suggestionsSql(meetingId: string, now: Date, today: string, limit: number, countLimit: number = limit + SUGGESTION_COUNT_AHEAD): Prisma.Sql {
  const cut = countLimit + 1;
  return Prisma.sql`
    WITH m AS (
      SELECT id, starts_at FROM meetings WHERE id = ${meetingId}::uuid
    ), setting AS (
      SELECT ${staleDaysSql} AS stale_days, ${now}::timestamptz AS at
    ), linked AS (
      SELECT a.initiative_id, a.action_item_id FROM agenda_items a JOIN m ON a.meeting_id = m.id WHERE a.deleted_at IS NULL
    ), previous AS (
      SELECT p.id, p.starts_at FROM meetings p, m WHERE p.starts_at < m.starts_at ORDER BY p.starts_at DESC LIMIT 1
    ), first_red_amber AS (
      SELECT i.id, i.code FROM initiatives i
      WHERE i.archived_at IS NULL AND ${redAmber} AND ${notLinked}
      ORDER BY i.code LIMIT ${cut}
    ), first_worsened AS (
      -- Not RED/AMBER-and-active: so not active.
      SELECT i.id, i.code FROM initiatives i
      WHERE i.archived_at IS NULL AND i.status <> 'ACTIVE' AND ${worsened} AND ${notLinked}
      ORDER BY i.code LIMIT ${cut}
    ), first_stale AS (
      -- Active and not RED/AMBER: so not worsened either.
      SELECT i.id, i.code FROM initiatives i
      WHERE i.archived_at IS NULL AND ${stale} AND (i.health IS NULL OR i.health NOT IN ('RED', 'AMBER')) AND ${notLinked}
      ORDER BY i.code LIMIT ${cut}
    ), first_missing AS (
      SELECT i.id, i.code FROM initiatives i
      WHERE i.archived_at IS NULL AND ${missingUpdate} AND ${notLinked}
        AND ${redAmber} IS NOT TRUE AND ${worsened} IS NOT TRUE AND ${stale} IS NOT TRUE
      ORDER BY i.code LIMIT ${cut}
    ), overdue AS (
      -- The 50 due first, whether linked or not (the linked ones are then left out, as before).
      SELECT a.id, a.due_date FROM action_items a
      WHERE action_item_is_overdue(a.status, a.due_date, ${today}::date)
      ORDER BY a.due_date, a.id LIMIT 50
    ), first_previous_open AS (
      -- A value, not a join, so that the index's order by due date stands for the ORDER BY.
      SELECT a.id, a.due_date FROM action_items a
      WHERE a.meeting_id = (SELECT id FROM previous) AND ${open} AND a.id NOT IN (SELECT id FROM overdue)
        AND a.id NOT IN (SELECT action_item_id FROM linked WHERE action_item_id IS NOT NULL)
      ORDER BY a.due_date, a.id LIMIT ${cut}
    ), suggested AS (
      SELECT 'initiative' AS kind, id, 1 AS first_rank, code, NULL::date AS due_date FROM first_red_amber
      UNION ALL SELECT 'initiative', id, 2, code, NULL FROM first_worsened
      UNION ALL SELECT 'initiative', id, 3, code, NULL FROM first_stale
      UNION ALL SELECT 'initiative', id, 4, code, NULL FROM first_missing
      UNION ALL SELECT 'actionItem', id, 5, NULL, due_date FROM overdue
        WHERE id NOT IN (SELECT action_item_id FROM linked WHERE action_item_id IS NOT NULL)
      UNION ALL SELECT 'actionItem', id, 6, NULL, due_date FROM first_previous_open
    ), page AS (
      SELECT s.*, count(*) OVER () AS total FROM suggested s
      WHERE EXISTS (SELECT 1 FROM m)
      ORDER BY s.kind DESC, s.first_rank, s.code, s.due_date, s.id
      LIMIT ${limit}
    )
    SELECT page.kind, page.id::text AS id, page.code,
           CASE page.kind WHEN 'initiative' THEN array_remove(ARRAY[
               CASE WHEN ${redAmber} THEN 'redAmber' END, CASE WHEN ${worsened} THEN 'worsened' END,
               CASE WHEN ${stale} THEN 'stale' END, CASE WHEN ${missingUpdate} THEN 'missingUpdate' END], NULL)
             ELSE array_remove(ARRAY[
               CASE WHEN a.id IN (SELECT id FROM overdue) THEN 'overdueAction' END,
               CASE WHEN ${open} AND a.meeting_id = (SELECT id FROM previous) THEN 'previousOpen' END], NULL)
           END AS reasons,
           COALESCE(i.title_en, a.title_en) AS "titleEn", COALESCE(i.title_fr, a.title_fr) AS "titleFr",
           COALESCE(i.lead_department_id, a.owner_department_id)::text AS "departmentId", page.total::int AS total
    FROM page
    LEFT JOIN initiatives i ON page.kind = 'initiative' AND i.id = page.id
    LEFT JOIN action_items a ON page.kind = 'actionItem' AND a.id = page.id
    ORDER BY page.kind DESC, page.first_rank, page.code, page.due_date, page.id`;
}

function toSuggestion(row: Row): Suggestion {
  const initiative = row.kind === "initiative";
  return {
    key: `${row.kind}:${row.id}`,
    reasons: row.reasons,
    titleEn: initiative ? `${row.code} — ${row.titleEn}` : `Action item: ${row.titleEn}`,
    titleFr: initiative ? `${row.code} — ${row.titleFr}` : `Mesure de suivi : ${row.titleFr}`,
    initiativeId: initiative ? row.id : null,
    actionItemId: initiative ? null : row.id,
    presentingDepartmentId: row.departmentId,
    kind: "DISCUSSION",
    minutes: initiative ? 10 : 5,
  };
}

/** How many indicators whose latest actual missed its target the builder suggests (after the others). */
export const INDICATOR_SUGGESTION_LIMIT = 10;

/**
 * The builder's suggestions (listAgendaSuggestions) followed by the indicators whose latest actual missed its target
 * (issue 18, point 6), the first by code: each an item titled with the indicator's code, presented by its
 * responsible department. Agenda items link initiatives and action items, not indicators: an indicator is left out
 * once an item of this agenda has a title that starts with its code (as the suggestion's does). Three more statements,
 * run with the others.
 */
export async function listAgendaSuggestionsWithResults(user: SessionUser, meetingId: string): Promise<Suggestions> {
  if (!isUuid(meetingId)) return listAgendaSuggestions(user, meetingId);
  // Together: the others, whether the meeting exists (an unknown one has no suggestions), the indicators.
  const [base, meeting, missed] = await Promise.all([
    listAgendaSuggestions(user, meetingId),
    db.meeting.findUnique({ where: { id: meetingId }, select: { id: true } }),
    listMissedIndicators(user, { meetingId, limit: INDICATOR_SUGGESTION_LIMIT }),
  ]);
  if (!meeting) return base;
  const rows = missed.indicators.map(
    (indicator): Suggestion => ({
      key: `indicator:${indicator.id}`,
      reasons: ["missedTarget"],
      titleEn: `${indicator.code} — ${indicator.nameEn || indicator.nameFr}`,
      titleFr: `${indicator.code} — ${indicator.nameFr || indicator.nameEn}`,
      initiativeId: null,
      actionItemId: null,
      presentingDepartmentId: indicator.responsibleDepartmentId,
      kind: "DISCUSSION",
      minutes: 10,
    }),
  );
  return { rows: [...base.rows, ...rows], total: base.total + rows.length, more: base.more || missed.more };
}
