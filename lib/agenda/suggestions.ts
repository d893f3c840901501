import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { torontoToday } from "@/lib/meetings/time";
import { isUuid } from "@/lib/security/ids";
import { staleDaysSql } from "@/lib/settings/sql";

export const suggestionReasons = ["redAmber", "worsened", "overdueAction", "stale", "missingUpdate", "previousOpen"] as const;
export type SuggestionReason = (typeof suggestionReasons)[number];

/**
 * The most suggestions the builder shows. At scale thousands of initiatives are red, amber or stale; a list that
 * long helps no one and made the page grow with the data. The panel says how many there are in all and links to
 * the initiatives list, filtered, for the rest (and the add form's search finds any of them).
 */
export const SUGGESTION_LIMIT = 40;

export type Suggestion = {
  /** "initiative:<id>" or "actionItem:<id>": one suggestion per record, with every reason it is suggested for. */
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

export type Suggestions = { rows: Suggestion[]; total: number };

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
 * code; then action items, overdue ones first, by due date. At most SUGGESTION_LIMIT, with the total.
 *
 * One statement whatever the data (it used to be one per reason and one per open update call).
 */
export async function listAgendaSuggestions(_user: SessionUser, meetingId: string, { now = new Date(), limit = SUGGESTION_LIMIT } = {}): Promise<Suggestions> {
  if (!isUuid(meetingId)) return { rows: [], total: 0 };
  const rows = await db.$queryRaw<Row[]>`${suggestionsSql(meetingId, now, torontoToday(now), limit)}`;
  return { rows: rows.map(toSuggestion), total: rows[0]?.total ?? 0 };
}

/** The suggestions statement (exported so that its plan can be looked at on a scale database). */
export function suggestionsSql(meetingId: string, now: Date, today: string, limit: number): Prisma.Sql {
  return Prisma.sql`
    WITH m AS (
      SELECT id, starts_at FROM meetings WHERE id = ${meetingId}::uuid
    ), setting AS (
      SELECT ${now}::timestamptz - make_interval(days => ${staleDaysSql}) AS stale_before
    ), linked AS (
      SELECT a.initiative_id, a.action_item_id FROM agenda_items a JOIN m ON a.meeting_id = m.id WHERE a.deleted_at IS NULL
    ), previous AS (
      SELECT p.id, p.starts_at FROM meetings p, m WHERE p.starts_at < m.starts_at ORDER BY p.starts_at DESC LIMIT 1
    ), initiative_reasons AS (
      SELECT i.id, i.code, 'redAmber' AS reason, 1 AS rank FROM initiatives i
      WHERE i.archived_at IS NULL AND i.status = 'ACTIVE' AND i.health IN ('RED', 'AMBER')
      UNION ALL
      -- Health changes only with a status update, which sets last_updated_at: an initiative not updated since the
      -- previous meeting has the health it had then, and one now GREEN cannot have worsened. Only the few others
      -- are looked up (it was one index lookup per initiative: 110 ms at 16 × 500).
      SELECT i.id, i.code, 'worsened', 2 FROM initiatives i
      CROSS JOIN previous
      JOIN LATERAL (
        SELECT su.health FROM status_updates su
        WHERE su.initiative_id = i.id AND su.created_at <= previous.starts_at
        ORDER BY su.created_at DESC LIMIT 1
      ) past ON true
      WHERE i.archived_at IS NULL AND i.health IN ('AMBER', 'RED') AND i.last_updated_at > previous.starts_at
        AND (CASE i.health WHEN 'GREEN' THEN 0 WHEN 'AMBER' THEN 1 ELSE 2 END)
          > (CASE past.health WHEN 'GREEN' THEN 0 WHEN 'AMBER' THEN 1 ELSE 2 END)
      UNION ALL
      SELECT i.id, i.code, 'stale', 3 FROM initiatives i
      WHERE i.archived_at IS NULL AND i.status = 'ACTIVE' AND (i.last_updated_at IS NULL OR i.last_updated_at < (SELECT stale_before FROM setting))
      UNION ALL
      SELECT DISTINCT i.id, i.code, 'missingUpdate', 4 FROM update_calls c
      JOIN update_call_initiatives ci ON ci.update_call_id = c.id
      JOIN initiatives i ON i.id = ci.initiative_id AND i.archived_at IS NULL
      WHERE c.status = 'OPEN'
        AND NOT EXISTS (SELECT 1 FROM status_updates su WHERE su.initiative_id = ci.initiative_id AND su.reporting_period = c.reporting_period)
    ), action_reasons AS (
      SELECT id, due_date, reason, rank FROM (
        SELECT a.id, a.due_date, 'overdueAction' AS reason, 5 AS rank FROM action_items a
        WHERE a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_date < ${today}::date
        ORDER BY a.due_date, a.id LIMIT 50
      ) overdue
      UNION ALL
      SELECT a.id, a.due_date, 'previousOpen', 6 FROM action_items a JOIN previous ON a.meeting_id = previous.id
      WHERE a.status IN ('OPEN', 'IN_PROGRESS')
    ), suggested AS (
      -- One row per record with all its reasons; titles are read only for the page that is shown.
      SELECT 'initiative' AS kind, r.id, array_agg(r.reason ORDER BY r.rank) AS reasons, min(r.rank) AS first_rank, r.code, NULL::date AS due_date
      FROM initiative_reasons r
      WHERE r.id NOT IN (SELECT initiative_id FROM linked WHERE initiative_id IS NOT NULL)
      GROUP BY r.id, r.code
      UNION ALL
      SELECT 'actionItem', r.id, array_agg(r.reason ORDER BY r.rank), min(r.rank), NULL, r.due_date
      FROM action_reasons r
      WHERE r.id NOT IN (SELECT action_item_id FROM linked WHERE action_item_id IS NOT NULL)
      GROUP BY r.id, r.due_date
    ), page AS (
      SELECT s.*, count(*) OVER () AS total FROM suggested s
      WHERE EXISTS (SELECT 1 FROM m)
      ORDER BY s.kind DESC, s.first_rank, s.code, s.due_date, s.id
      LIMIT ${limit}
    )
    SELECT page.kind, page.id::text AS id, page.reasons, page.code,
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
