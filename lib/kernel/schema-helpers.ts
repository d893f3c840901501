import { z } from "zod";
import { INT4_MAX } from "./validation";

/** Form fields arrive as strings: an empty one means "not given". */
export const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().trim().max(max).optional());

export const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const optionalId = z.preprocess((value) => (value === "" || value === null ? undefined : value), z.uuid().optional());

/** A real calendar day (no 30 February) in a year PostgreSQL and the portal both handle. */
export const isCalendarDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && date.getUTCFullYear() >= 1900 && date.getUTCFullYear() <= 2200;
};

/** A calendar date typed as YYYY-MM-DD (what `<input type="date">` sends); blank is null. */
export const optionalDate = z
  .string()
  .trim()
  .max(10)
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isCalendarDate(value)) {
      context.addIssue({ code: "custom", params: { key: "invalidFormat" } });
      return z.NEVER;
    }
    return new Date(`${value}T00:00:00Z`);
  });

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDate, { params: { key: "invalidFormat" } });

export const wallClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** Within PostgreSQL's integer, so that no number a form sends can overflow a column. */
export const intFromForm = z.coerce.number().int().min(-INT4_MAX - 1).max(INT4_MAX);
