import { z } from "zod";
import { optionalText, requiredText } from "@/lib/kernel/schema-helpers";

export const PROBLEM_REPORT_MAX_LENGTH = 2000;

/**
 * How much one source may send, so that the form cannot flood the secretariat's mailbox: a source is the signed-in
 * account, or the client's address for a visitor who is not signed in. Past `mailedPerHour` reports in the last
 * hour from everyone together, reports are still stored (the administrators' list shows them) but no longer mailed.
 */
export const problemReportLimits = { perSourcePerHour: 5, mailedPerHour: 50 } as const;

/** A path on this portal, in one of its languages: "/fr/initiatives?page=2", never another site's address. */
const portalPath = z
  .string()
  .trim()
  .max(500)
  .regex(/^\/(en|fr)(?:[/?#]|$)/)
  .refine((path) => !path.startsWith("//") && !/[\s\\]/.test(path), { params: { key: "invalidFormat" } });

export const problemReportSchema = z
  .object({
    pagePath: portalPath,
    description: requiredText(PROBLEM_REPORT_MAX_LENGTH),
    contactEmail: optionalText(254).pipe(z.email().optional()),
  })
  .strict();

export type ProblemReportInput = z.output<typeof problemReportSchema>;
