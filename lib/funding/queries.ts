import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { getReferenceData } from "@/lib/initiatives/queries";
import { Prisma } from "@/lib/generated/prisma/client";
import { requirePermission } from "@/lib/authz/require";

/**
 * Funding roll-ups by fiscal year × pillar (primary) × lead department, summed by PostgreSQL with
 * GROUPING SETS so the subtotals per fiscal year and per fiscal year × pillar come from the same query.
 * Removed funding lines and archived initiatives are left out. Any signed-in user may read funding.
 */
export type FundingRollupRow = {
  fiscalYear: number;
  /** "detail" (one department), "pillar" (subtotal of a pillar in the year) or "year" (the year's total). */
  level: "detail" | "pillar" | "year";
  pillarCode: string | null;
  pillarEn: string | null;
  pillarFr: string | null;
  departmentAcronymEn: string | null;
  departmentAcronymFr: string | null;
  allocatedCents: bigint;
  spentCents: bigint;
  initiatives: number;
};

export async function getFundingRollup(user: SessionUser, { fiscalYear }: { fiscalYear?: number } = {}): Promise<FundingRollupRow[]> {
  requirePermission(user, "portal.read");
  const yearFilter = fiscalYear ? Prisma.sql`AND f.fiscal_year = ${fiscalYear}` : Prisma.empty;
  const rows = await db.$queryRaw<
    {
      fiscal_year: number;
      pillar_grouped: number;
      department_grouped: number;
      pillar_code: string | null;
      pillar_en: string | null;
      pillar_fr: string | null;
      pillar_order: number | null;
      acronym_en: string | null;
      acronym_fr: string | null;
      allocated: bigint;
      spent: bigint;
      initiatives: bigint;
    }[]
  >`
    SELECT f.fiscal_year,
           GROUPING(p.code)::int AS pillar_grouped,
           GROUPING(d.acronym_en)::int AS department_grouped,
           p.code AS pillar_code, MIN(p.name_en) AS pillar_en, MIN(p.name_fr) AS pillar_fr, MIN(p.sort_order) AS pillar_order,
           d.acronym_en, MIN(d.acronym_fr::text) AS acronym_fr,
           SUM(f.allocated_cents)::bigint AS allocated, SUM(f.spent_cents)::bigint AS spent,
           COUNT(DISTINCT i.id) AS initiatives
    FROM funding_lines f
    JOIN initiatives i ON i.id = f.initiative_id AND i.archived_at IS NULL
    JOIN pillars p ON p.id = i.primary_pillar_id
    JOIN departments d ON d.id = i.lead_department_id
    WHERE f.deleted_at IS NULL ${yearFilter}
    GROUP BY GROUPING SETS ((f.fiscal_year, p.code, d.acronym_en), (f.fiscal_year, p.code), (f.fiscal_year))
    -- GROUPING(p.code) first within a year: the year's row has no pillar, and MIN(p.sort_order) over the whole year
    -- is the first pillar's, which used to slot the year's total in right after that pillar's subtotal.
    ORDER BY f.fiscal_year, GROUPING(p.code), MIN(p.sort_order), p.code, GROUPING(d.acronym_en), d.acronym_en`;
  return rows.map((row) => ({
    fiscalYear: row.fiscal_year,
    level: row.pillar_grouped ? "year" : row.department_grouped ? "pillar" : "detail",
    pillarCode: row.pillar_code,
    pillarEn: row.pillar_en,
    pillarFr: row.pillar_fr,
    departmentAcronymEn: row.acronym_en,
    departmentAcronymFr: row.acronym_fr,
    allocatedCents: BigInt(row.allocated),
    spentCents: BigInt(row.spent),
    initiatives: Number(row.initiatives),
  }));
}

/** The fiscal years that have funding, newest first, for the filter (read with the reference data). */
export async function listFundedFiscalYears(user: SessionUser): Promise<number[]> {
  requirePermission(user, "portal.read");
  return (await getReferenceData()).fundedFiscalYears;
}
