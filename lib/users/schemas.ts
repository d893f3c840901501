import { z } from "zod";
import { INT4_MAX, isStorableText } from "@/lib/kernel/validation";
import { roles } from "@/lib/authz/permissions";

/** A password someone chooses: at least 12 characters (the e-mail check needs the account, see `notTheEmail`). */
export const newPasswordSchema = z.string().min(12).max(256);

const email = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());
const optionalId = z.preprocess((value) => (value === "" || value === undefined ? null : value), z.uuid().nullable());

const accountFields = {
  displayName: z.string().trim().min(1).max(120),
  email,
  role: z.enum(roles),
  departmentId: optionalId,
  preferredLanguage: z.enum(["en", "fr"]),
};

/** A department representative belongs to a department (the database's CHECK says so too). */
function repHasDepartment(value: { role: string; departmentId: string | null }, context: z.RefinementCtx) {
  if (value.role === "DEPARTMENT_REP" && !value.departmentId) {
    context.addIssue({ code: "custom", path: ["departmentId"], params: { key: "departmentRequired" } });
  }
}

export const createUserSchema = z.object(accountFields).strict().superRefine(repHasDepartment);
export type CreateUserInput = z.output<typeof createUserSchema>;

export const updateUserSchema = z
  .object({ id: z.uuid(), version: z.coerce.number().int().positive().max(INT4_MAX), ...accountFields })
  .strict()
  .superRefine(repHasDepartment);
export type UpdateUserInput = z.output<typeof updateUserSchema>;

export const userIdSchema = z.object({ id: z.uuid() }).strict();

export const setOneTimePasswordSchema = z.object({ id: z.uuid(), password: newPasswordSchema }).strict();

export const updatePreferencesSchema = z.object({ preferredLanguage: z.enum(["en", "fr"]) }).strict();

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: newPasswordSchema })
  .strict();

/** Filters of the administrators' list of users. */
export const userListFiltersSchema = z.object({
  q: z.string().trim().max(100).refine(isStorableText).optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  departmentId: z.uuid().optional().catch(undefined),
  status: z.enum(["active", "inactive"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type UserListFilters = z.output<typeof userListFiltersSchema>;
