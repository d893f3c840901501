import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActionItemStatus, Health, LifecycleStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/types";
import type { Locale } from "@/lib/i18n/routing";
import { collator as intlCollator, intlLocale } from "@/lib/format/intl";
import { requirePermission } from "@/lib/authz/require";

const departmentSummary = {
  id: true,
  acronymEn: true,
  acronymFr: true,
  nameEn: true,
  nameFr: true,
  isChair: true,
  active: true,
  _count: {
    select: {
      ledInitiatives: { where: { archivedAt: null } },
      partnerships: { where: { initiative: { archivedAt: null } } },
    },
  },
} as const;

/** Any signed-in user may list the member departments; sorted by name in the page's language. */
export async function listDepartments(user: SessionUser, locale: Locale) {
  requirePermission(user, "portal.read");
  const rows = await db.department.findMany({ select: departmentSummary });
  const collator = intlCollator(intlLocale(locale), { sensitivity: "base" });
  return rows.sort((a, b) => collator.compare(locale === "fr" ? a.nameFr : a.nameEn, locale === "fr" ? b.nameFr : b.nameEn));
}

export type DepartmentSummary = Awaited<ReturnType<typeof listDepartments>>[number];

/** Rows per page of each list of the department page (a department may lead or partner on thousands). */
export const DEPARTMENT_PAGE_SIZE = 25;

/** Which page of each list the department page shows (1 when absent). */
export type DepartmentPages = { led: number; partner: number; actions: number };

const offset = (page: number) => (Math.max(1, page) - 1) * DEPARTMENT_PAGE_SIZE;

export type DepartmentInitiativeRow = {
  id: string;
  code: string;
  titleEn: string;
  titleFr: string;
  status: LifecycleStatus;
  health: Health | null;
  progress: number;
  primaryPillar: { code: string; nameEn: string; nameFr: string };
  leadDepartment: { acronymEn: string; acronymFr: string };
};

type ActionItemRow = {
  id: string;
  titleEn: string;
  titleFr: string;
  status: ActionItemStatus;
  /** "YYYY-MM-DD" (a date column, as JSON). */
  dueDate: string;
  initiative: { id: string; code: string; archived: boolean } | null;
};

type DepartmentRow = {
  id: string;
  acronymEn: string;
  acronymFr: string;
  nameEn: string;
  nameFr: string;
  isChair: boolean;
  totals: { led: number; partner: number; actions: number };
  ledInitiatives: DepartmentInitiativeRow[];
  partnerInitiatives: DepartmentInitiativeRow[];
  actionItems: ActionItemRow[];
  users: { id: string; displayName: string; email: string }[];
  /** Sums as text: bigint cents do not fit a JSON number. */
  funding: { fiscalYear: number; allocatedCents: string; spentCents: string }[];
};

/** An initiative as the department page's tables show it, as JSON (the alias `i` is an initiatives row). */
const initiativeJson = Prisma.sql`json_build_object(
  'id', i.id, 'code', i.code, 'titleEn', i.title_en, 'titleFr', i.title_fr, 'status', i.status, 'health', i.health, 'progress', i.progress,
  'primaryPillar', json_build_object('code', p.code, 'nameEn', p.name_en, 'nameFr', p.name_fr),
  'leadDepartment', json_build_object('acronymEn', l.acronym_en, 'acronymFr', l.acronym_fr))`;

/**
 * How far past the page shown the partner and action-item lists are counted (as the initiatives list does,
 * lib/initiatives COUNT_AHEAD): a department partners on or owns thousands at scale, and counting them all cost a
 * visit of each; beyond this the page says "more than".
 */
export const DEPARTMENT_COUNT_AHEAD = 200;

/**
 * One department by its English or French acronym (case-insensitive), with one page of what it leads and one page
 * of what it partners on (not archived, by code), one page of the action items it owns (open ones first, then by
 * due date), the three totals, its active representatives, and the funding of what it leads summed per fiscal year.
 * Null when there is no such department.
 *
 * One statement whose work does not grow with the department: each page walks an index in its order and stops at
 * its LIMIT (initiatives_lead_department_code_idx, the code index, action_items_owner_status_due_idx); the led count
 * and the funding sums are read from the dashboard's roll-ups (kept by triggers, see the dashboard_rollups
 * migration); the partner and action-item counts stop DEPARTMENT_COUNT_AHEAD past the page (`more`).
 */
export async function getDepartmentByAcronym(
  user: SessionUser,
  acronym: string,
  pages: DepartmentPages = { led: 1, partner: 1, actions: 1 },
  { countAhead = DEPARTMENT_COUNT_AHEAD } = {},
) {
  requirePermission(user, "portal.read");
  if (acronym.length > 32) return null;
  const countLimit = { partner: offset(pages.partner) + DEPARTMENT_PAGE_SIZE + countAhead, actions: offset(pages.actions) + DEPARTMENT_PAGE_SIZE + countAhead };
  const [row] = await db.$queryRaw<DepartmentRow[]>`
    WITH d AS (
      -- Acronyms are citext: plain equality ignores case.
      SELECT * FROM departments WHERE acronym_en = ${acronym}::citext OR acronym_fr = ${acronym}::citext LIMIT 1
    ), led AS (
      -- The department's id as a value, not a join, so that the index's order stands for the ORDER BY.
      SELECT i.id FROM initiatives i WHERE i.lead_department_id = (SELECT id FROM d) AND i.archived_at IS NULL
      ORDER BY i.code LIMIT ${DEPARTMENT_PAGE_SIZE} OFFSET ${offset(pages.led)}
    ), partnered AS (
      -- Along the code index, each initiative's partnership looked up by key: the page stops at its LIMIT instead
      -- of sorting every partnership of the department.
      SELECT i.id FROM initiatives i
      WHERE i.archived_at IS NULL AND EXISTS (SELECT 1 FROM initiative_partners ip WHERE ip.initiative_id = i.id AND ip.department_id = (SELECT id FROM d))
      ORDER BY i.code LIMIT ${DEPARTMENT_PAGE_SIZE} OFFSET ${offset(pages.partner)}
    ), actions AS (
      SELECT a.* FROM action_items a WHERE a.owner_department_id = (SELECT id FROM d)
      ORDER BY a.status, a.due_date, a.id LIMIT ${DEPARTMENT_PAGE_SIZE} OFFSET ${offset(pages.actions)}
    )
    SELECT d.id::text AS id, d.acronym_en AS "acronymEn", d.acronym_fr AS "acronymFr", d.name_en AS "nameEn", d.name_fr AS "nameFr", d.is_chair AS "isChair",
      json_build_object(
        'led', (SELECT COALESCE(sum(c.initiatives), 0) FROM dashboard_initiative_counts c WHERE c.lead_department_id = d.id),
        -- Per partnership, a lookup by key, up to the count limit.
        'partner', (SELECT count(*) FROM (SELECT 1 FROM initiative_partners ip WHERE ip.department_id = d.id
                    AND (SELECT i.archived_at IS NULL FROM initiatives i WHERE i.id = ip.initiative_id) LIMIT ${countLimit.partner + 1}) counted),
        'actions', (SELECT count(*) FROM (SELECT 1 FROM action_items a WHERE a.owner_department_id = d.id LIMIT ${countLimit.actions + 1}) counted)) AS totals,
      COALESCE((SELECT json_agg(${initiativeJson} ORDER BY i.code) FROM led JOIN initiatives i ON i.id = led.id
        JOIN pillars p ON p.id = i.primary_pillar_id JOIN departments l ON l.id = i.lead_department_id), '[]') AS "ledInitiatives",
      COALESCE((SELECT json_agg(${initiativeJson} ORDER BY i.code) FROM partnered JOIN initiatives i ON i.id = partnered.id
        JOIN pillars p ON p.id = i.primary_pillar_id JOIN departments l ON l.id = i.lead_department_id), '[]') AS "partnerInitiatives",
      COALESCE((SELECT json_agg(json_build_object('id', a.id, 'titleEn', a.title_en, 'titleFr', a.title_fr, 'status', a.status, 'dueDate', a.due_date,
          'initiative', CASE WHEN i.id IS NULL THEN NULL ELSE json_build_object('id', i.id, 'code', i.code, 'archived', i.archived_at IS NOT NULL) END)
        ORDER BY a.status, a.due_date, a.id) FROM actions a LEFT JOIN initiatives i ON i.id = a.initiative_id), '[]') AS "actionItems",
      COALESCE((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name, 'email', u.email) ORDER BY u.display_name)
        FROM users u WHERE u.department_id = d.id AND u.role = 'DEPARTMENT_REP' AND u.active), '[]') AS users,
      COALESCE((SELECT json_agg(f ORDER BY f."fiscalYear") FROM (
        -- The funding lines (not deleted) of its initiatives not archived, summed by the dashboard's roll-up.
        SELECT s.fiscal_year AS "fiscalYear", sum(s.allocated_cents)::text AS "allocatedCents", sum(s.spent_cents)::text AS "spentCents"
        FROM dashboard_funding_sums s WHERE s.lead_department_id = d.id AND NOT s.archived
        GROUP BY s.fiscal_year HAVING sum(s.lines) > 0) f), '[]') AS funding
    FROM d`;
  if (!row) return null;
  const { funding, totals, ...department } = row;
  return {
    ...department,
    totals: { led: totals.led, partner: Math.min(totals.partner, countLimit.partner), actions: Math.min(totals.actions, countLimit.actions) },
    /** Lists whose count stopped at its limit: more than `totals[list]`. */
    more: { led: false, partner: totals.partner > countLimit.partner, actions: totals.actions > countLimit.actions },
    fundingTotals: funding.map((total) => ({ fiscalYear: total.fiscalYear, allocatedCents: BigInt(total.allocatedCents), spentCents: BigInt(total.spentCents) })),
  };
}

export type DepartmentDetail = NonNullable<Awaited<ReturnType<typeof getDepartmentByAcronym>>>;
