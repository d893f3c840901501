import { z } from "zod";
import { INT4_MAX } from "@/lib/kernel/validation";

const acronym = z.string().trim().min(1).max(20);
const name = z.string().trim().min(1).max(200);

const departmentFields = { acronymEn: acronym, acronymFr: acronym, nameEn: name, nameFr: name };

export const createDepartmentSchema = z.object(departmentFields).strict();

export const updateDepartmentSchema = z
  .object({ id: z.uuid(), version: z.coerce.number().int().positive().max(INT4_MAX), ...departmentFields, active: z.boolean() })
  .strict();
