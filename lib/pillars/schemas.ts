import { z } from "zod";
import { INT4_MAX } from "@/lib/kernel/validation";

const colour = z
  .string()
  .trim()
  .max(7)
  .refine((value) => /^#[0-9a-fA-F]{6}$/.test(value), { params: { key: "colourFormat" } })
  .transform((value) => value.toUpperCase());

const pillarFields = {
  nameEn: z.string().trim().min(1).max(100),
  nameFr: z.string().trim().min(1).max(100),
  descriptionEn: z.string().trim().max(2000),
  descriptionFr: z.string().trim().max(2000),
  colour,
};

export const createPillarSchema = z
  .object({
    // Stable identifier used in URLs ("EMPOWERMENT"); never changes once made.
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z][A-Z0-9_]{1,39}$/),
    ...pillarFields,
  })
  .strict();

export const updatePillarSchema = z
  .object({ id: z.uuid(), version: z.coerce.number().int().positive().max(INT4_MAX), ...pillarFields, active: z.boolean() })
  .strict();

export const movePillarSchema = z.object({ id: z.uuid(), direction: z.enum(["up", "down"]) }).strict();
