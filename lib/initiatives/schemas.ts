import { z } from "zod";
import { INT4_MAX } from "@/lib/kernel/validation";
import { parseMoneyToCents } from "@/lib/funding";
import { optionalDate } from "@/lib/kernel/schema-helpers";

/**
 * Input schemas of the initiative commands. Forms send strings; these turn them into typed values and
 * report problems per field as message keys of the `Validation` namespace.
 */

export const FISCAL_YEAR_MIN = 1990;
export const FISCAL_YEAR_MAX = 2100;

const uuid = z.uuid();

/** Optional text: blank becomes null; bounded. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

/** A title that may be blank in one language (the other then carries it). Stored as '' when blank. */
const titleText = z.string().trim().max(300).optional().default("");

/** A whole number typed in a field ("55"); blank is "required". */
const integerField = (min: number, max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? Number(value.trim()) : value === "" ? undefined : value), z.number().int().min(min).max(max));

/** Form checkboxes arrive as one string or several; none arrives as nothing. */
const idList = z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(uuid).max(50));

const version = z.preprocess((value) => (typeof value === "string" ? Number(value) : value), z.number().int().min(1).max(INT4_MAX));

function titleInOneLanguage(value: { titleEn: string; titleFr: string }, context: z.RefinementCtx) {
  if (value.titleEn === "" && value.titleFr === "") {
    context.addIssue({ code: "custom", path: ["titleEn"], params: { key: "titleInOneLanguage" } });
    context.addIssue({ code: "custom", path: ["titleFr"], params: { key: "titleInOneLanguage" } });
  }
}

function endNotBeforeStart(value: { startDate: Date | null; targetEndDate: Date | null }, context: z.RefinementCtx) {
  if (value.startDate && value.targetEndDate && value.targetEndDate < value.startDate) {
    context.addIssue({ code: "custom", path: ["targetEndDate"], params: { key: "endBeforeStart" } });
  }
}

export const lifecycleStatuses = ["PLANNED", "ACTIVE", "COMPLETED", "CANCELLED"] as const;
export const healths = ["GREEN", "AMBER", "RED"] as const;

const initiativeFields = {
  titleEn: titleText,
  titleFr: titleText,
  summaryEn: optionalText(4000),
  summaryFr: optionalText(4000),
  leadDepartmentId: uuid,
  partnerDepartmentIds: idList,
  primaryPillarId: uuid,
  secondaryPillarIds: idList,
  status: z.enum(lifecycleStatuses),
  startDate: optionalDate,
  targetEndDate: optionalDate,
  notes: optionalText(4000),
};

export const createInitiativeSchema = z
  .object(initiativeFields)
  .strict()
  .superRefine((value, context) => {
    titleInOneLanguage(value, context);
    endNotBeforeStart(value, context);
  });

export const updateInitiativeSchema = z
  .object({ id: uuid, version, ...initiativeFields })
  .strict()
  .superRefine((value, context) => {
    titleInOneLanguage(value, context);
    endNotBeforeStart(value, context);
  });

export const archiveInitiativeSchema = z.object({ id: uuid, version }).strict();

/** "2007-08 Q3" (or "2007-08 T3", French for trimestre), stored with Q; the two years must follow each other. */
export const reportingPeriod = z
  .string()
  .trim()
  .max(20)
  .transform((value, context) => {
    const match = /^(\d{4})-(\d{2}) ?[QT]([1-4])$/i.exec(value);
    const start = match ? Number(match[1]) : NaN;
    if (!match || (start + 1) % 100 !== Number(match[2])) {
      context.addIssue({ code: "custom", params: { key: "reportingPeriodFormat" } });
      return z.NEVER;
    }
    if (start < FISCAL_YEAR_MIN || start > FISCAL_YEAR_MAX) {
      context.addIssue({ code: "custom", params: { key: "fiscalYearRange", values: { min: FISCAL_YEAR_MIN, max: FISCAL_YEAR_MAX } } });
      return z.NEVER;
    }
    return `${match[1]}-${match[2]} Q${match[3]}`;
  });

export const postStatusUpdateSchema = z
  .object({
    initiativeId: uuid,
    reportingPeriod,
    health: z.enum(healths),
    progress: integerField(0, 100),
    narrativeEn: optionalText(8000),
    narrativeFr: optionalText(8000),
  })
  .strict();

export const reviewStatusUpdateSchema = z.object({ statusUpdateId: uuid }).strict();

const milestoneFields = {
  titleEn: titleText,
  titleFr: titleText,
  dueDate: optionalDate,
  completedDate: optionalDate,
};

export const addMilestoneSchema = z
  .object({ initiativeId: uuid, ...milestoneFields })
  .strict()
  .superRefine((value, context) => titleInOneLanguage(value, context));

export const updateMilestoneSchema = z
  .object({ id: uuid, version, ...milestoneFields })
  .strict()
  .superRefine((value, context) => titleInOneLanguage(value, context));

export const removeMilestoneSchema = z.object({ id: uuid, version }).strict();

/**
 * An amount typed in the user's conventions (see parseMoneyToCents), as integer cents; blank is 0. Each amount
 * field is checked on its own, so its message appears even when another field is wrong too.
 */
const amount = z
  .object({ text: z.string().max(40).optional(), locale: z.enum(["en", "fr"]) })
  .transform(({ text, locale }, context) => {
    if (!text || text.trim() === "") return 0n;
    const parsed = parseMoneyToCents(text, locale);
    if (parsed.ok) return parsed.cents;
    const key = parsed.reason === "negative" ? "amountNegative" : parsed.reason === "tooBig" ? "amountTooBig" : "amountFormat";
    context.addIssue({ code: "custom", params: { key } });
    return z.NEVER;
  });

/** Pairs each typed amount with the language it was typed in (`locale`, default English) before parsing. */
function withLocale(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const { locale, allocated, spent, ...rest } = raw as Record<string, unknown>;
  const language = locale === "fr" ? "fr" : "en";
  return { ...rest, allocated: { text: allocated, locale: language }, spent: { text: spent, locale: language } };
}

const fundingFields = {
  source: z.string().trim().min(1).max(200),
  fiscalYear: integerField(-1_000_000, 1_000_000).refine((year) => year >= FISCAL_YEAR_MIN && year <= FISCAL_YEAR_MAX, {
    params: { key: "fiscalYearRange", values: { min: FISCAL_YEAR_MIN, max: FISCAL_YEAR_MAX } },
  }),
  allocated: amount,
  spent: amount,
  notes: optionalText(2000),
};

const toCents = <T extends { allocated: bigint; spent: bigint }>({ allocated, spent, ...rest }: T) => ({ ...rest, allocatedCents: allocated, spentCents: spent });

export const addFundingLineSchema = z.preprocess(withLocale, z.object({ initiativeId: uuid, ...fundingFields }).strict().transform(toCents));

export const updateFundingLineSchema = z.preprocess(withLocale, z.object({ id: uuid, version, ...fundingFields }).strict().transform(toCents));

export const removeFundingLineSchema = z.object({ id: uuid, version }).strict();

export type CreateInitiativeInput = z.output<typeof createInitiativeSchema>;
export type UpdateInitiativeInput = z.output<typeof updateInitiativeSchema>;
