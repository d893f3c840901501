import { z } from "zod";
import { INT4_MAX } from "@/lib/kernel/validation";
import { FISCAL_YEAR_MAX, FISCAL_YEAR_MIN } from "@/lib/initiatives/schemas";
import { optionalDate } from "@/lib/kernel/schema-helpers";

/**
 * Input schemas of the results framework (issue 18). Forms send strings; these turn them into typed values and
 * report problems per field as message keys of the `Validation` namespace. What needs the database (the
 * indicator's unit, its baseline, the target an actual is compared with) is checked by the commands, which
 * answer in the same shape.
 */

export const resultLevels = ["ULTIMATE_OUTCOME", "INTERMEDIATE_OUTCOME", "IMMEDIATE_OUTCOME", "OUTPUT"] as const;
export const indicatorUnits = ["NUMBER", "PERCENT", "DOLLARS", "NARRATIVE"] as const;
export const indicatorDirections = ["INCREASE", "DECREASE", "MAINTAIN"] as const;
export const indicatorFrequencies = ["ANNUAL", "SEMI_ANNUAL", "QUARTERLY"] as const;
export const targetTypes = ["EXACT", "RANGE", "AT_LEAST", "AT_MOST", "NARRATIVE"] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];

/** Explanations of an actual: at most 1,000 characters (issue 18). */
export const EXPLANATION_MAX = 1000;
/** The largest figure accepted (DECIMAL(18, 2) holds 16 digits before the point). */
export const FIGURE_MAX = 1e15;

const uuid = z.uuid();
const version = z.preprocess((value) => (typeof value === "string" ? Number(value) : value), z.number().int().min(1).max(INT4_MAX));

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

const titleText = (max: number) => z.string().trim().max(max).optional().default("");

const idList = z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(uuid).max(50));

const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

const fiscalYear = z
  .preprocess((value) => (typeof value === "string" && value.trim() !== "" ? Number(value.trim()) : value === "" ? undefined : value), z.number().int().min(-1_000_000).max(1_000_000))
  .refine((year) => year >= FISCAL_YEAR_MIN && year <= FISCAL_YEAR_MAX, { params: { key: "fiscalYearRange", values: { min: FISCAL_YEAR_MIN, max: FISCAL_YEAR_MAX } } });

const requiredDate = optionalDate.transform((value, context) => {
  if (value === null) {
    context.addIssue({ code: "custom", params: { key: "required" } });
    return z.NEVER;
  }
  return value;
});

/**
 * A figure as people type it in their language: `1,234.5` (English) or `1 234,5` (French), with or without `%` or
 * `$`; at most two decimals. Blank is null. Kept as a number: figures are counts, percentages and dollars of
 * DECIMAL(18, 2) columns, well within a double's exact range at two decimals.
 */
export function parseFigure(text: string, locale: "en" | "fr"): { ok: true; value: number } | { ok: false } {
  let cleaned = text.trim().replace(/[\s\u00a0\u202f$%]/g, "").replace(/^−/, "-");
  cleaned = locale === "fr" ? cleaned.replace(/\./g, "").replace(",", ".") : cleaned.replace(/,/g, "");
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return { ok: false };
  const value = Number(cleaned);
  if (!Number.isFinite(value) || Math.abs(value) >= FIGURE_MAX) return { ok: false };
  return { ok: true, value };
}

const figure = z
  .object({ text: z.string().max(40).optional(), locale: z.enum(["en", "fr"]) })
  .transform(({ text, locale }, context) => {
    if (text === undefined || text.trim() === "") return null;
    const parsed = parseFigure(text, locale);
    if (parsed.ok) return parsed.value;
    context.addIssue({ code: "custom", params: { key: "figureFormat" } });
    return z.NEVER;
  });

/** Pairs each typed figure with the language it was typed in (`locale`, default English) before parsing. */
function withLocale(fields: string[]) {
  return (raw: unknown): unknown => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
    const { locale, ...rest } = raw as Record<string, unknown>;
    const language = locale === "fr" ? "fr" : "en";
    const out: Record<string, unknown> = { ...rest };
    for (const field of fields) out[field] = { text: typeof rest[field] === "string" ? rest[field] : rest[field] === undefined || rest[field] === null ? undefined : rest[field], locale: language };
    return out;
  };
}

function inOneLanguage<K extends string>(en: K, fr: K) {
  return (value: Record<K, string>, context: z.RefinementCtx) => {
    if (value[en] === "" && value[fr] === "") {
      context.addIssue({ code: "custom", path: [en], params: { key: "titleInOneLanguage" } });
      context.addIssue({ code: "custom", path: [fr], params: { key: "titleInOneLanguage" } });
    }
  };
}

/**
 * The limits a unit puts on a figure, the same as the CHECK constraints of the migration: percentages 0–100,
 * dollars not negative. Answers the message key, or null when the figure fits.
 */
export function figureProblem(unit: IndicatorUnit, value: number): "percentRange" | "amountNegative" | null {
  if (unit === "PERCENT" && (value < 0 || value > 100)) return "percentRange";
  if (unit === "DOLLARS" && value < 0) return "amountNegative";
  return null;
}

// ------------------------------------------------------------------------------------------------------------
// Expected results
// ------------------------------------------------------------------------------------------------------------

const resultFields = {
  pillarId: uuid,
  level: z.enum(resultLevels),
  titleEn: titleText(300),
  titleFr: titleText(300),
  descriptionEn: optionalText(4000),
  descriptionFr: optionalText(4000),
  departmentIds: idList,
};

export const createResultSchema = z.object(resultFields).strict().superRefine(inOneLanguage("titleEn", "titleFr"));
export const updateResultSchema = z.object({ id: uuid, version, ...resultFields }).strict().superRefine(inOneLanguage("titleEn", "titleFr"));
export const archiveSchema = z.object({ id: uuid, version }).strict();

// ------------------------------------------------------------------------------------------------------------
// Indicators
// ------------------------------------------------------------------------------------------------------------

const indicatorFields = {
  responsibleDepartmentId: uuid,
  initiativeIds: idList,
  nameEn: titleText(300),
  nameFr: titleText(300),
  methodologyEn: optionalText(4000),
  methodologyFr: optionalText(4000),
  dataSourceEn: optionalText(500),
  dataSourceFr: optionalText(500),
  direction: z.enum(indicatorDirections),
  cumulative: checkbox,
  frequency: z.enum(indicatorFrequencies),
  baselineValue: figure,
  baselineDate: optionalDate,
};

function baselineFits(value: { unit: IndicatorUnit; baselineValue: number | null }, context: z.RefinementCtx) {
  if (value.baselineValue === null) return;
  if (value.unit === "NARRATIVE") {
    context.addIssue({ code: "custom", path: ["baselineValue"], params: { key: "narrativeMismatch" } });
    return;
  }
  const problem = figureProblem(value.unit, value.baselineValue);
  if (problem) context.addIssue({ code: "custom", path: ["baselineValue"], params: { key: problem } });
}

export const createIndicatorSchema = z.preprocess(
  withLocale(["baselineValue"]),
  z
    .object({ resultId: uuid, unit: z.enum(indicatorUnits), ...indicatorFields })
    .strict()
    .superRefine((value, context) => {
      inOneLanguage("nameEn", "nameFr")(value, context);
      baselineFits(value, context);
    }),
);

/** The unit is not edited: targets and actuals already recorded in it would change meaning. */
export const updateIndicatorSchema = z.preprocess(
  withLocale(["baselineValue"]),
  z
    .object({ id: uuid, version, ...indicatorFields })
    .strict()
    .superRefine((value, context) => inOneLanguage("nameEn", "nameFr")(value, context)),
);

// ------------------------------------------------------------------------------------------------------------
// Targets
// ------------------------------------------------------------------------------------------------------------

/** "2008-03" (what `<input type="month">` sends). */
const achieveBy = z
  .string()
  .trim()
  .max(7)
  .transform((value, context) => {
    const match = /^(\d{4})-(\d{2})$/.exec(value);
    const year = match ? Number(match[1]) : NaN;
    const month = match ? Number(match[2]) : NaN;
    if (!match || month < 1 || month > 12) {
      context.addIssue({ code: "custom", params: { key: value === "" ? "required" : "invalidFormat" } });
      return z.NEVER;
    }
    if (year < FISCAL_YEAR_MIN || year > FISCAL_YEAR_MAX + 1) {
      context.addIssue({ code: "custom", params: { key: "fiscalYearRange", values: { min: FISCAL_YEAR_MIN, max: FISCAL_YEAR_MAX } } });
      return z.NEVER;
    }
    return { year, month };
  });

/**
 * A target for one fiscal year: `value` for EXACT, AT_LEAST and AT_MOST; `minValue` and `maxValue` for RANGE; the
 * narrative for NARRATIVE. Setting it again for the same year replaces it (with the version it started from).
 * Output: the stored shape (min/max), so the command writes what the CHECK constraints check.
 */
export const setTargetSchema = z.preprocess(
  withLocale(["value", "minValue", "maxValue"]),
  z
    .object({
      indicatorId: uuid,
      /** The version of the target being replaced; absent or blank when there is none yet. */
      version: z.preprocess((value) => (value === "" ? undefined : value), version.optional()),
      fiscalYear,
      targetType: z.enum(targetTypes),
      value: figure,
      minValue: figure,
      maxValue: figure,
      narrativeEn: optionalText(2000),
      narrativeFr: optionalText(2000),
      achieveBy,
    })
    .strict()
    .superRefine((input, context) => {
      const need = (field: "value" | "minValue" | "maxValue") => {
        if (input[field] === null) context.addIssue({ code: "custom", path: [field], params: { key: "required" } });
      };
      if (input.targetType === "RANGE") {
        need("minValue");
        need("maxValue");
        if (input.minValue !== null && input.maxValue !== null && input.minValue > input.maxValue) {
          context.addIssue({ code: "custom", path: ["maxValue"], params: { key: "rangeMinAboveMax" } });
        }
      } else if (input.targetType === "NARRATIVE") {
        if (input.narrativeEn === null && input.narrativeFr === null) {
          context.addIssue({ code: "custom", path: ["narrativeEn"], params: { key: "titleInOneLanguage" } });
          context.addIssue({ code: "custom", path: ["narrativeFr"], params: { key: "titleInOneLanguage" } });
        }
      } else {
        need("value");
      }
    })
    .transform(({ value, minValue, maxValue, achieveBy: due, ...rest }) => ({
      ...rest,
      minValue: rest.targetType === "RANGE" ? minValue : rest.targetType === "EXACT" || rest.targetType === "AT_LEAST" ? value : null,
      maxValue: rest.targetType === "RANGE" ? maxValue : rest.targetType === "EXACT" || rest.targetType === "AT_MOST" ? value : null,
      achieveByYear: due.year,
      achieveByMonth: due.month,
    })),
);

// ------------------------------------------------------------------------------------------------------------
// Actuals: append-only
// ------------------------------------------------------------------------------------------------------------

const quarter = z.preprocess(
  (value) => (value === "" || value === undefined || value === null ? null : typeof value === "string" ? Number(value) : value),
  z.number().int().min(1).max(4).nullable(),
);

const actualFields = {
  value: figure,
  narrativeEn: optionalText(2000),
  narrativeFr: optionalText(2000),
  measuredOn: requiredDate,
  explanationEn: optionalText(EXPLANATION_MAX),
  explanationFr: optionalText(EXPLANATION_MAX),
};

export const enterActualSchema = z.preprocess(
  withLocale(["value"]),
  z.object({ indicatorId: uuid, fiscalYear, quarter, ...actualFields }).strict(),
);

export const correctActualSchema = z.preprocess(
  withLocale(["value"]),
  z.object({ actualId: uuid, ...actualFields, reason: z.string().trim().min(1).max(EXPLANATION_MAX) }).strict(),
);

export const reviewActualSchema = z.object({ actualId: uuid }).strict();

export type SetTargetInput = z.output<typeof setTargetSchema>;
export type EnterActualInput = z.output<typeof enterActualSchema>;
