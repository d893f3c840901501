import { z } from "zod";
import type { ValidationKey } from "@/lib/kernel/result";
import { settingLimits } from "./definitions";

type Range = { min: number; max: number };

/**
 * A whole number typed in a field. Blank, letters, decimals and values out of range all get the same message, which
 * names the range ("Enter a whole number of days between 1 and 365.").
 */
export const wholeNumberField = (key: ValidationKey, { min, max }: Range) =>
  z.preprocess(
    (value) => (typeof value === "number" ? String(value) : value),
    // Bounded like every text field: what a number field sends is short.
    z
      .string()
      .max(20)
      .transform((value, context) => {
        const number = /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
        if (Number.isInteger(number) && number >= min && number <= max) return number;
        context.addIssue({ code: "custom", params: { key, values: { min, max } } });
        return z.NEVER;
      }),
  );

/**
 * A percentage typed in a field, 0 to 100, with at most one decimal (a comma or a point): "10", "12.5", "12,5".
 * Anything else gets "Enter a percentage between 0 and 100."
 */
const percentField = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : value),
  z
    .string()
    .max(20)
    .transform((value, context) => {
      const cleaned = value.trim().replace(/\s*%$/, "").replace(",", ".");
      const number = /^\d{1,3}(\.\d)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
      if (number >= settingLimits.resultsVarianceMarginPercent.min && number <= settingLimits.resultsVarianceMarginPercent.max) return number;
      context.addIssue({ code: "custom", params: { key: "percentRange" } });
      return z.NEVER;
    }),
);

const markingText = z.string().trim().min(1).max(settingLimits.markingLength);
/** A checkbox arrives as "on" when ticked and not at all otherwise. */
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());
/** The version each setting was at when the form was opened; 0 for a setting never saved. */
const version = z.coerce.number().int().min(0);

/**
 * The settings form, one field per value. The ranges here are the widest a setting may ever hold; the command
 * narrows the quorum to the active member departments and the session to the server's ceiling.
 */
export const updateSettingsSchema = z
  .object({
    securityMarkingEn: markingText,
    securityMarkingFr: markingText,
    quorumMinimumDepartments: wholeNumberField("quorumDepartmentsRange", settingLimits.quorumDepartments),
    quorumChairRequired: checkbox,
    staleDays: wholeNumberField("staleDaysRange", settingLimits.staleDays),
    sessionHours: wholeNumberField("sessionHoursRange", settingLimits.sessionHours),
    // The same message as the session length: "a whole number of hours between {min} and {max}".
    oneTimePasswordHours: wholeNumberField("sessionHoursRange", settingLimits.oneTimePasswordHours),
    mfaRequiredForEveryone: checkbox,
    securityMarkingVersion: version,
    quorumRuleVersion: version,
    staleDaysVersion: version,
    sessionHoursVersion: version,
    oneTimePasswordHoursVersion: version,
    mfaRequiredForEveryoneVersion: version,
    // documents (issue 20): optional, so that a form without them leaves the size limit as it is.
    documentMaxMegabytes: wholeNumberField("megabytesRange", settingLimits.documentMaxMegabytes).optional(),
    documentMaxMegabytesVersion: version.optional(),
    // results (issue 18): optional in the same way.
    resultsVarianceMarginPercent: percentField.optional(),
    resultsVarianceMarginPercentVersion: version.optional(),
    // translation (issue 21): one checkbox per role; the version field says the form showed them (absent: unchanged).
    translationVerifyAdmin: checkbox,
    translationVerifyCoordinator: checkbox,
    translationVerifyRepresentative: checkbox,
    translationVerifierRolesVersion: version.optional(),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.translationVerifierRolesVersion === undefined) return;
    if (!input.translationVerifyAdmin && !input.translationVerifyCoordinator && !input.translationVerifyRepresentative) {
      context.addIssue({ code: "custom", path: ["translationVerifyCoordinator"], params: { key: "verifierRoleRequired" } });
    }
  });

export type UpdateSettingsInput = z.output<typeof updateSettingsSchema>;
