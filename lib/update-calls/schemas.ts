import { z } from "zod";
import { intFromForm, isoDate, optionalText } from "@/lib/kernel/schema-helpers";

/** "2007-08 Q2": a fiscal year and quarter, as on status updates (the database holds the same CHECK). */
export const reportingPeriodSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2} Q[1-4]$/)
  .refine((value) => (Number(value.slice(0, 4)) + 1) % 100 === Number(value.slice(5, 7)), { params: { key: "invalidFormat" } });

const idList = z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(z.uuid()).max(500));

export const openUpdateCallSchema = z
  .object({
    reportingPeriod: reportingPeriodSchema,
    dueDate: isoDate,
    /** Empty: every active initiative. */
    initiativeIds: idList,
    messageEn: optionalText(4000),
    messageFr: optionalText(4000),
    /** results (issue 18): also ask for the indicators' actuals of this fiscal year (blank: none). */
    resultsFiscalYear: z
      .preprocess((value) => (value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? null : typeof value === "string" ? Number(value.trim()) : value), z.number().int().nullable())
      .refine((year) => year === null || (year >= 1990 && year <= 2100), { params: { key: "fiscalYearRange", values: { min: 1990, max: 2100 } } })
      .optional()
      .transform((year) => year ?? null),
  })
  .strict();

export const closeUpdateCallSchema = z.object({ id: z.uuid(), version: intFromForm.min(1) }).strict();
