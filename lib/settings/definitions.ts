import { z } from "zod";

/*
 * The few values an administrator changes without a release (DESIGN.md §2): what each may hold and what applies
 * while it is unset. Pure, so the readers, the command and the unit tests share one definition. Stored as JSON in
 * the `settings` table, one row per key.
 */

export const settingLimits = {
  markingLength: 60,
  quorumDepartments: { min: 1, max: 100 },
  staleDays: { min: 1, max: 365 },
  sessionHours: { min: 1, max: 24 },
  oneTimePasswordHours: { min: 1, max: 720 },
  // documents (issue 20)
  documentMaxMegabytes: { min: 1, max: 100 },
  // results (issue 18): per cent of the target
  resultsVarianceMarginPercent: { min: 0, max: 100 },
} as const;

/** The roles the verifier setting may name: those the policy lets verify at all. */
export const translationVerifierRoleChoices = ["ADMIN", "COORDINATOR", "DEPARTMENT_REP"] as const;

const markingText = z.string().trim().min(1).max(settingLimits.markingLength);
const wholeNumber = ({ min, max }: { min: number; max: number }) => z.int().min(min).max(max);

export const settingSchemas = {
  /** Printed at the top and bottom of every page of the agenda package and the briefing, in both languages. */
  securityMarking: z.object({ en: markingText, fr: markingText }).strict(),
  /** Quorum: at least this many member departments present (delegate or alternate), the chair among them if required. */
  quorumRule: z.object({ minimumDepartments: wholeNumber(settingLimits.quorumDepartments), chairRequired: z.boolean() }).strict(),
  /** An active initiative without a status update for this many days "needs an update". */
  staleDays: wholeNumber(settingLimits.staleDays),
  /** How long a session lasts after signing in, within the server's ceiling (SESSION_MAX_AGE_HOURS). */
  sessionHours: wholeNumber(settingLimits.sessionHours),
  /** How long a one-time password set by an administrator works (once) before it expires unused. */
  oneTimePasswordHours: wholeNumber(settingLimits.oneTimePasswordHours),
  /** Two-step verification for every password account, not only administrators and coordinators. */
  mfaRequiredForEveryone: z.boolean(),
  /** The largest file a document version may be (issue 20), enforced while the upload streams. */
  documentMaxMegabytes: wholeNumber(settingLimits.documentMaxMegabytes),
  /**
   * Results (issue 18): an actual that exceeds its target by more than this per cent of it needs an explanation.
   * The same key and range lib/results/margin.ts reads.
   */
  resultsVarianceMarginPercent: z.number().min(settingLimits.resultsVarianceMarginPercent.min).max(settingLimits.resultsVarianceMarginPercent.max),
  /**
   * The roles whose members may mark a translation verified (issue 21), within what the policy grants them: a
   * representative only for texts of their own department. Executives change no data, so they are never listed.
   */
  translationVerifierRoles: z.array(z.enum(translationVerifierRoleChoices)).min(1).max(translationVerifierRoleChoices.length),
};

export type SettingKey = keyof typeof settingSchemas;
export type SettingValues = { [K in SettingKey]: z.output<(typeof settingSchemas)[K]> };

export const settingKeys = Object.keys(settingSchemas) as SettingKey[];

export const settingDefaults: SettingValues = {
  securityMarking: { en: "UNCLASSIFIED", fr: "NON CLASSIFIÉ" },
  quorumRule: { minimumDepartments: 9, chairRequired: true },
  staleDays: 90,
  sessionHours: 8,
  oneTimePasswordHours: 72,
  mfaRequiredForEveryone: false,
  documentMaxMegabytes: 25,
  resultsVarianceMarginPercent: 10,
  translationVerifierRoles: ["ADMIN", "COORDINATOR"],
};

/** A stored value as its setting's type; the default when it is missing or malformed, so a bad row breaks nothing. */
export function settingValue<K extends SettingKey>(key: K, stored: unknown): SettingValues[K] {
  const parsed = settingSchemas[key].safeParse(stored);
  return parsed.success ? (parsed.data as SettingValues[K]) : settingDefaults[key];
}

/** The marking as printed: both languages ("UNCLASSIFIED / NON CLASSIFIÉ"), once when they are the same. */
export function printedMarking(marking: SettingValues["securityMarking"]): string {
  return marking.en === marking.fr ? marking.en : `${marking.en} / ${marking.fr}`;
}
