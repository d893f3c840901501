import { z } from "zod";
import { FISCAL_YEAR_MIN } from "@/lib/initiatives/schemas";
import { fiscalYearOf } from "@/lib/format/numbers";
import { optionalText } from "@/lib/kernel/schema-helpers";
import { calendarDate, torontoToday } from "@/lib/kernel/time";

/**
 * The annual progress report (issue 19.4) and the Treasury Board horizontal-initiative table (19.5): the fiscal
 * years they are made for, the commands' input, and the content a report keeps (its snapshot, both languages).
 */

/** The fiscal year today falls in (America/Toronto). */
export const currentFiscalYear = () => fiscalYearOf(calendarDate(torontoToday()));

/** A fiscal year the portal knows: from the first the data model accepts to the current one and the next. */
export function isKnownFiscalYear(year: number, currentFiscalYear: number): boolean {
  return Number.isInteger(year) && year >= FISCAL_YEAR_MIN && year <= currentFiscalYear + 1;
}

/** "2025-26" (the English label, as in the URLs) → 2025; null for anything else (the page answers 404). */
export function parseFiscalYearSlug(slug: string, currentFiscalYear: number): number | null {
  const match = /^(\d{4})-(\d{2})$/.exec(slug);
  if (!match) return null;
  const start = Number(match[1]);
  if ((start + 1) % 100 !== Number(match[2])) return null;
  return isKnownFiscalYear(start, currentFiscalYear) ? start : null;
}

export const fiscalYearSlug = (year: number) => `${year}-${String((year + 1) % 100).padStart(2, "0")}`;

export const generateAnnualReportSchema = z
  .object({
    fiscalYear: z.coerce
      .number()
      .int()
      .superRefine((year, context) => {
        const max = currentFiscalYear() + 1;
        if (!isKnownFiscalYear(year, max - 1)) context.addIssue({ code: "custom", params: { key: "fiscalYearRange", values: { min: FISCAL_YEAR_MIN, max } } });
      }),
  })
  .strict();
/** `overrideReason`: issuing although a text lacks its other language (translation.manage; audited). */
export const issueAnnualReportSchema = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(2_147_483_647), overrideReason: optionalText(1000) }).strict();

export type Text = { en: string; fr: string };
export type HealthValue = "GREEN" | "AMBER" | "RED";
export type StatusValue = "MET" | "NOT_MET" | "NOT_YET_DUE" | "NO_DATA" | "REPORTED";

/** The content of a report as generated: everything its page and files show, so an issued report never changes. */
export type AnnualReportContent = {
  fiscalYear: number;
  generatedAt: string;
  pillars: {
    id: string;
    code: string;
    name: Text;
    initiatives: { id: string; code: string; title: Text; lead: Text; status: string; health: HealthValue | null; progress: number | null }[];
    results: {
      id: string;
      code: string;
      title: Text;
      indicators: { id: string; code: string; name: Text; departmentId: string; department: Text; target: Text | null; achieveBy: string | null; actual: Text | null; explanation: Text | null; status: StatusValue | null }[];
    }[];
    /** Per lead department of the pillar's initiatives: planned (allocated) and actual (spent), integer cents as text. */
    spending: { departmentId: string; department: Text; departmentName: Text; plannedCents: string; actualCents: string }[];
  }[];
  decisions: { id: string; number: string; text: Text; meetingId: string; meetingNumber: number; date: string }[];
};

export const isEmptyReport = (content: AnnualReportContent) =>
  content.decisions.length === 0 && content.pillars.every((pillar) => pillar.initiatives.length === 0 && pillar.results.length === 0 && pillar.spending.length === 0);
