import { z } from "zod";

/** Form fields arrive as strings: an empty one means "not given". */
export const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().trim().max(max).optional());

export const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const optionalId = z.preprocess((value) => (value === "" || value === null ? undefined : value), z.uuid().optional());

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { params: { key: "invalidFormat" } });

export const wallClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const intFromForm = z.coerce.number().int();
