import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { can } from "@/lib/authz/permissions";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listDecisionRegister } from "@/lib/decisions/queries";
import { getFiscalYearResults } from "@/lib/results/queries";
import type { MissingText } from "@/lib/translation/queries";
import { isUuid } from "@/lib/security/ids";
import { currentFiscalYear, type AnnualReportContent, type HealthValue, type Text } from "./schemas";

/**
 * Reads of the annual progress report (issue 19.4) and the Treasury Board table (19.5). The content of a report is
 * generated from the portal's data by `buildAnnualReportContent` (a fixed number of statements whatever the data)
 * and kept as the report's snapshot; an issued report is read back as it was issued.
 */

const fyStart = (year: number) => `${year}-04-01`;
const fyEnd = (year: number) => `${year + 1}-03-31`;
/** "2025-26 " — the prefix of the year's reporting periods ("2025-26 Q2"). */
const periodPrefix = (year: number) => `${year}-${String((year + 1) % 100).padStart(2, "0")} %`;

type InitiativeRow = {
  id: string;
  code: string;
  title_en: string;
  title_fr: string;
  pillar_id: string;
  lead_en: string;
  lead_fr: string;
  status: string;
  health: HealthValue | null;
  progress: number | null;
};

type SpendingRow = { pillar_id: string; department_id: string; acronym_en: string; acronym_fr: string; name_en: string; name_fr: string; allocated: bigint; spent: bigint };

/**
 * The year's data, per active pillar: the initiatives of the year (not archived; funded that year, reported on that
 * year, or running during it), each with its health at the end of the year (its latest status update of the year);
 * the results with targets and actuals; planned and actual spending per lead department; the decisions of the
 * year's meetings. Five statements whatever the data.
 */
export async function buildAnnualReportContent(user: SessionUser, fiscalYear: number, now = new Date()): Promise<AnnualReportContent> {
  requirePermission(user, "portal.read");
  const [pillars, initiatives, spending, results, decisions] = await Promise.all([
    db.pillar.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, nameEn: true, nameFr: true } }),
    db.$queryRaw<InitiativeRow[]>`
      SELECT i.id, i.code, i.title_en, i.title_fr, i.primary_pillar_id AS pillar_id, d.acronym_en::text AS lead_en, d.acronym_fr::text AS lead_fr,
             i.status::text AS status, u.health::text AS health, u.progress
        FROM initiatives i
        JOIN departments d ON d.id = i.lead_department_id
        LEFT JOIN LATERAL (
          SELECT s.health, s.progress FROM status_updates s
           WHERE s.initiative_id = i.id AND s.reporting_period LIKE ${periodPrefix(fiscalYear)}
           ORDER BY s.reporting_period DESC, s.created_at DESC LIMIT 1) u ON TRUE
       WHERE i.archived_at IS NULL
         AND (u.health IS NOT NULL
              OR EXISTS (SELECT 1 FROM funding_lines f WHERE f.initiative_id = i.id AND f.fiscal_year = ${fiscalYear} AND f.deleted_at IS NULL)
              OR (i.start_date IS NOT NULL AND i.start_date <= ${fyEnd(fiscalYear)}::date AND (i.target_end_date IS NULL OR i.target_end_date >= ${fyStart(fiscalYear)}::date)))
       ORDER BY i.code`,
    db.$queryRaw<SpendingRow[]>`
      SELECT i.primary_pillar_id AS pillar_id, d.id AS department_id, d.acronym_en::text AS acronym_en, d.acronym_fr::text AS acronym_fr, d.name_en, d.name_fr,
             SUM(f.allocated_cents)::bigint AS allocated, SUM(f.spent_cents)::bigint AS spent
        FROM funding_lines f
        JOIN initiatives i ON i.id = f.initiative_id
        JOIN departments d ON d.id = i.lead_department_id
       WHERE f.fiscal_year = ${fiscalYear} AND f.deleted_at IS NULL AND i.archived_at IS NULL
       GROUP BY i.primary_pillar_id, d.id, d.acronym_en, d.acronym_fr, d.name_en, d.name_fr
       ORDER BY d.acronym_en`,
    getFiscalYearResults(user, fiscalYear),
    listDecisionRegister(user, { fy: fiscalYear }),
  ]);
  const text = (en: string | null, fr: string | null): Text => ({ en: en ?? "", fr: fr ?? "" });
  const optional = (en: string | null, fr: string | null): Text | null => (en || fr ? text(en, fr) : null);
  return {
    fiscalYear,
    generatedAt: now.toISOString(),
    pillars: pillars.map((pillar) => ({
      id: pillar.id,
      code: pillar.code,
      name: text(pillar.nameEn, pillar.nameFr),
      initiatives: initiatives
        .filter((row) => row.pillar_id === pillar.id)
        .map((row) => ({ id: row.id, code: row.code, title: text(row.title_en, row.title_fr), lead: text(row.lead_en, row.lead_fr), status: row.status, health: row.health, progress: row.progress })),
      results: (results.find((candidate) => candidate.id === pillar.id)?.results ?? []).map((result) => ({
        id: result.id,
        code: result.code,
        title: text(result.titleEn, result.titleFr),
        indicators: result.indicators.map((indicator) => ({
          id: indicator.id,
          code: indicator.code,
          name: text(indicator.nameEn, indicator.nameFr),
          departmentId: indicator.departmentId,
          department: text(indicator.departmentEn, indicator.departmentFr),
          target: optional(indicator.targetEn, indicator.targetFr),
          achieveBy: indicator.achieveBy,
          actual: optional(indicator.actualEn, indicator.actualFr),
          explanation: optional(indicator.explanationEn, indicator.explanationFr),
          status: indicator.status,
        })),
      })),
      spending: spending
        .filter((row) => row.pillar_id === pillar.id)
        .map((row) => ({ departmentId: row.department_id, department: text(row.acronym_en, row.acronym_fr), departmentName: text(row.name_en, row.name_fr), plannedCents: row.allocated.toString(), actualCents: row.spent.toString() })),
    })),
    decisions: decisions.rows
      .slice()
      .reverse()
      .map((row) => ({
        id: row.id,
        number: row.number,
        text: text(row.textEn, row.textFr),
        meetingId: row.meetingId,
        meetingNumber: row.meetingNumber,
        date: row.meetingStartsAt.toLocaleDateString("en-CA", { timeZone: "America/Toronto" }),
      })),
  };
}

/**
 * The texts of a report that lack their other language (the gate of issuing, issue 21.4), each with the page where
 * it is fixed. Read from the report's content: what is issued is what was reviewed.
 */
export function reportMissingTexts(content: AnnualReportContent): MissingText[] {
  const missing: MissingText[] = [];
  const check = (kind: MissingText["kind"], id: string, field: string, value: Text, href: string) => {
    const en = value.en.trim();
    const fr = value.fr.trim();
    if ((en === "") === (fr === "")) return;
    if (missing.some((entry) => entry.kind === kind && entry.id === id && entry.field === field)) return;
    missing.push({ kind, id, field, missingLanguage: en ? "fr" : "en", text: en || fr, href });
  };
  for (const pillar of content.pillars) {
    for (const initiative of pillar.initiatives) check("initiative", initiative.id, "title", initiative.title, `/initiatives/${initiative.id}/edit`);
    for (const result of pillar.results) {
      check("expected_result", result.id, "title", result.title, `/results/${pillar.code}`);
      for (const indicator of result.indicators) check("indicator", indicator.id, "name", indicator.name, `/indicators/${indicator.id}`);
    }
  }
  for (const decision of content.decisions) check("decision", decision.id, "text", decision.text, `/meetings/${decision.meetingId}/record`);
  return missing;
}

const reportSelect = {
  id: true,
  fiscalYear: true,
  revision: true,
  status: true,
  content: true,
  generatedAt: true,
  issuedAt: true,
  version: true,
} as const;

export type AnnualReportRecord = {
  id: string;
  fiscalYear: number;
  revision: number;
  status: "DRAFT" | "ISSUED";
  content: AnnualReportContent;
  generatedAt: Date;
  issuedAt: Date | null;
  version: number;
  generatedBy: string | null;
  issuedBy: string | null;
};

async function withNames(rows: { id: string; fiscalYear: number; revision: number; status: string; content: unknown; generatedAt: Date; issuedAt: Date | null; version: number; generatedById: string; issuedById: string | null }[]): Promise<AnnualReportRecord[]> {
  const ids = [...new Set(rows.flatMap((row) => [row.generatedById, row.issuedById]).filter((id): id is string => id !== null))];
  const users = ids.length === 0 ? [] : await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  const name = (id: string | null) => users.find((user) => user.id === id)?.displayName ?? null;
  return rows.map(({ generatedById, issuedById, ...row }) => ({ ...row, status: row.status as "DRAFT" | "ISSUED", content: row.content as AnnualReportContent, generatedBy: name(generatedById), issuedBy: name(issuedById) }));
}

/**
 * The reports of a fiscal year a user may read: the latest issued one (everyone signed in) and the draft (only with
 * reports.manage), with the language-gate overrides recorded on them.
 */
export async function getAnnualReports(user: SessionUser, fiscalYear: number) {
  requirePermission(user, "portal.read");
  const manager = can(user, "reports.manage");
  const rows = await db.annualReport.findMany({
    where: { fiscalYear, ...(manager ? {} : { status: "ISSUED" }) },
    orderBy: { revision: "desc" },
    select: { ...reportSelect, generatedById: true, issuedById: true },
  });
  const records = await withNames(rows);
  const issued = records.find((record) => record.status === "ISSUED") ?? null;
  const draft = records.find((record) => record.status === "DRAFT") ?? null;
  const overrides = issued
    ? await db.auditEvent.findMany({
        where: { action: "translation.override", entityType: "annual_report", entityId: issued.id },
        orderBy: { occurredAt: "asc" },
        select: { id: true, occurredAt: true, after: true, actor: { select: { displayName: true } } },
      })
    : [];
  return {
    issued,
    draft,
    overrides: overrides.map((event) => {
      const after = event.after as { reason?: string; missing?: unknown[] } | null;
      return { id: event.id, at: event.occurredAt, by: event.actor?.displayName ?? null, reason: after?.reason ?? "", missingCount: after?.missing?.length ?? 0 };
    }),
  };
}

/** One report by its id, when the user may read it (an issued one, or any with reports.manage). */
export async function getAnnualReportById(user: SessionUser, id: string): Promise<AnnualReportRecord | null> {
  requirePermission(user, "portal.read");
  if (!isUuid(id)) return null;
  const row = await db.annualReport.findUnique({ where: { id }, select: { ...reportSelect, generatedById: true, issuedById: true } });
  if (!row || (row.status !== "ISSUED" && !can(user, "reports.manage"))) return null;
  return (await withNames([row]))[0]!;
}

/** For the reports page: each fiscal year with data or a report, newest first, with what exists for it. */
export async function listReportYears(user: SessionUser) {
  requirePermission(user, "portal.read");
  const manager = can(user, "reports.manage");
  const current = currentFiscalYear();
  const [funded, reports] = await Promise.all([
    db.fundingLine.findMany({ where: { deletedAt: null, fiscalYear: { lte: current + 1 } }, distinct: ["fiscalYear"], select: { fiscalYear: true } }),
    db.annualReport.findMany({ where: manager ? {} : { status: "ISSUED" }, orderBy: { revision: "desc" }, select: { fiscalYear: true, status: true, revision: true, issuedAt: true } }),
  ]);
  const years = [...new Set([current, ...funded.map((row) => row.fiscalYear), ...reports.map((row) => row.fiscalYear)])].sort((a, b) => b - a);
  return years.map((fiscalYear) => ({
    fiscalYear,
    issued: reports.find((row) => row.fiscalYear === fiscalYear && row.status === "ISSUED") ?? null,
    draft: reports.find((row) => row.fiscalYear === fiscalYear && row.status === "DRAFT") ?? null,
  }));
}

/**
 * The Treasury Board table's general information (issue 19.5): the lead (the chair department), the partners (the
 * other departments leading or partnering the year's initiatives), start and end (of the initiatives), the total
 * allocation (every fiscal year), and what governance says (the working group's meetings of the year).
 */
export async function getHorizontalInitiativeInfo(user: SessionUser, fiscalYear: number) {
  requirePermission(user, "portal.read");
  // The year's initiatives as the annual report takes them (funded, reported on or running that year).
  const ofYear: Prisma.InitiativeWhereInput = {
    archivedAt: null,
    OR: [
      { fundingLines: { some: { fiscalYear, deletedAt: null } } },
      { statusUpdates: { some: { reportingPeriod: { startsWith: periodPrefix(fiscalYear).slice(0, -1) } } } },
      { startDate: { not: null, lte: new Date(`${fyEnd(fiscalYear)}T00:00:00Z`) }, OR: [{ targetEndDate: null }, { targetEndDate: { gte: new Date(`${fyStart(fiscalYear)}T00:00:00Z`) } }] },
    ],
  };
  const [lead, partners, span, total, meetings] = await Promise.all([
    db.department.findFirst({ where: { isChair: true }, orderBy: { acronymEn: "asc" }, select: { id: true, acronymEn: true, acronymFr: true, nameEn: true, nameFr: true } }),
    db.department.findMany({
      where: { OR: [{ ledInitiatives: { some: ofYear } }, { partnerships: { some: { initiative: ofYear } } }] },
      orderBy: { acronymEn: "asc" },
      select: { id: true, acronymEn: true, acronymFr: true, nameEn: true, nameFr: true },
    }),
    db.initiative.aggregate({ where: { archivedAt: null }, _min: { startDate: true }, _max: { targetEndDate: true } }),
    db.fundingLine.aggregate({ where: { deletedAt: null, initiative: { archivedAt: null } }, _sum: { allocatedCents: true } }),
    db.meeting.count({ where: { cancelledAt: null, startsAt: { gte: new Date(`${fyStart(fiscalYear)}T04:00:00Z`), lt: new Date(`${fyStart(fiscalYear + 1)}T04:00:00Z`) } } }),
  ]);
  return {
    lead,
    partners: partners.filter((department) => department.id !== lead?.id),
    start: span._min.startDate,
    end: span._max.targetEndDate,
    totalAllocationCents: total._sum.allocatedCents ?? 0n,
    meetings,
  };
}
