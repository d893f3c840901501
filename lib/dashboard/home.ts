import "server-only";
import { db } from "@/lib/db";
import { readSetting } from "@/lib/settings/queries";
import type { HealthLevel } from "./filters";

/*
 * What the home page shows each role (DESIGN.md §4): a fixed number of statements each, aggregated in PostgreSQL.
 * "Stale" uses the `staleDays` setting; "overdue" is before today in America/Toronto. An open call
 * for updates is answered for an initiative by a status update for the call's reporting period, as its matrix
 * counts it (lib/update-calls/queries.ts).
 */

export type InitiativeToUpdate = {
  id: string;
  code: string;
  titleEn: string;
  titleFr: string;
  health: HealthLevel | null;
  lastUpdatedAt: Date | null;
  stale: boolean;
  /** The open calls for updates that ask for this initiative and have no answer from it yet, soonest due first. */
  owedCalls: { period: string; due: string }[];
};

/**
 * The initiatives a department leads that need an update, each once with every reason: what the department owes
 * to the open calls for updates (covered, no status update for the call's reporting period), active and stale (no
 * update for `staleDays`), or active and RED or AMBER. What a call asks for comes first, soonest due first.
 */
export async function listInitiativesToUpdate(departmentId: string): Promise<{ staleDays: number; items: InitiativeToUpdate[] }> {
  const staleDays = await readSetting("staleDays");
  const rows = await db.$queryRaw<(InitiativeToUpdate & { at_risk: boolean })[]>`
    WITH owed AS (
      SELECT uci.initiative_id,
             json_agg(json_build_object('period', uc.reporting_period, 'due', to_char(uc.due_date, 'YYYY-MM-DD')) ORDER BY uc.due_date, uc.reporting_period) AS calls
      FROM update_call_initiatives uci
      JOIN update_calls uc ON uc.id = uci.update_call_id
      WHERE uc.status = 'OPEN'
        AND NOT EXISTS (SELECT 1 FROM status_updates su WHERE su.initiative_id = uci.initiative_id AND su.reporting_period = uc.reporting_period)
      GROUP BY uci.initiative_id
    ),
    judged AS (
      SELECT i.id::text AS id, i.code, i.title_en AS "titleEn", i.title_fr AS "titleFr", i.health::text AS health,
             i.last_updated_at AS "lastUpdatedAt",
             initiative_is_stale(i.status, i.last_updated_at, ${staleDays}::int, now()) AS stale,
             (i.status = 'ACTIVE' AND i.health IN ('RED', 'AMBER')) AS at_risk,
             COALESCE(o.calls, '[]'::json) AS "owedCalls"
      FROM initiatives i
      LEFT JOIN owed o ON o.initiative_id = i.id
      WHERE i.lead_department_id = ${departmentId}::uuid AND i.archived_at IS NULL
    )
    SELECT * FROM judged
    WHERE stale OR at_risk OR json_array_length("owedCalls") > 0
    ORDER BY "owedCalls"->0->>'due' NULLS LAST, GREATEST(dashboard_health_rank(health::health), 1) DESC, "lastUpdatedAt" NULLS FIRST, code`;
  return { staleDays, items: rows.map(({ at_risk: _atRisk, ...item }) => item) };
}

export type OpenActionItem = {
  id: string;
  titleEn: string;
  titleFr: string;
  acronymEn: string;
  acronymFr: string;
  dueDate: Date;
  status: "OPEN" | "IN_PROGRESS";
  overdue: boolean;
};

/** Open (or in progress) action items, soonest due first, of one department or of all; at most `limit`. */
export async function listOpenActionItems({ departmentId, overdueOnly = false, limit = 25 }: { departmentId?: string; overdueOnly?: boolean; limit?: number }) {
  return db.$queryRaw<OpenActionItem[]>`
    SELECT a.id::text AS id, a.title_en AS "titleEn", a.title_fr AS "titleFr", d.acronym_en::text AS "acronymEn", d.acronym_fr::text AS "acronymFr",
           a.due_date AS "dueDate", a.status::text AS status,
           (a.due_date < (now() AT TIME ZONE 'America/Toronto')::date) AS overdue
    FROM action_items a
    JOIN departments d ON d.id = a.owner_department_id
    WHERE a.status IN ('OPEN', 'IN_PROGRESS')
      AND (${departmentId ?? null}::uuid IS NULL OR a.owner_department_id = ${departmentId ?? null}::uuid)
      AND (NOT ${overdueOnly} OR a.due_date < (now() AT TIME ZONE 'America/Toronto')::date)
    ORDER BY a.due_date, a.title_en
    LIMIT ${limit}`;
}

export type CoordinatorOverview = {
  nextMeeting: { id: string; sequenceNumber: number; titleEn: string; titleFr: string; startsAt: Date; agendaStatus: "DRAFT" | "PUBLISHED" | "HELD" } | null;
  openCalls: { id: string; reportingPeriod: string; dueDate: Date; total: number; answered: number }[];
  openActionItems: number;
  overdueActionItems: number;
};

/** The coordinator's overview: the next meeting, progress of open calls for updates, and action-item counts. */
export async function getCoordinatorOverview(): Promise<CoordinatorOverview> {
  const [meetings, calls, counts] = await Promise.all([
    db.$queryRaw<NonNullable<CoordinatorOverview["nextMeeting"]>[]>`
      SELECT id::text AS id, sequence_number AS "sequenceNumber", title_en AS "titleEn", title_fr AS "titleFr",
             starts_at AS "startsAt", agenda_status::text AS "agendaStatus"
      FROM meetings WHERE ends_at >= now() AND agenda_status <> 'HELD'
      ORDER BY starts_at LIMIT 1`,
    db.$queryRaw<CoordinatorOverview["openCalls"]>`
      SELECT uc.id::text AS id, uc.reporting_period AS "reportingPeriod", uc.due_date AS "dueDate",
             count(uci.initiative_id)::int AS total,
             (count(uci.initiative_id) FILTER (WHERE EXISTS (
               SELECT 1 FROM status_updates su WHERE su.initiative_id = uci.initiative_id AND su.reporting_period = uc.reporting_period)))::int AS answered
      FROM update_calls uc
      LEFT JOIN update_call_initiatives uci ON uci.update_call_id = uc.id
      WHERE uc.status = 'OPEN'
      GROUP BY uc.id
      ORDER BY uc.due_date`,
    db.$queryRaw<{ open: number; overdue: number }[]>`
      SELECT count(*)::int AS open,
             (count(*) FILTER (WHERE due_date < (now() AT TIME ZONE 'America/Toronto')::date))::int AS overdue
      FROM action_items WHERE status IN ('OPEN', 'IN_PROGRESS')`,
  ]);
  return { nextMeeting: meetings[0] ?? null, openCalls: calls, openActionItems: counts[0]?.open ?? 0, overdueActionItems: counts[0]?.overdue ?? 0 };
}
