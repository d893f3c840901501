import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { isDatabaseUnavailableError } from "@/lib/db";
import type { CommandResult } from "@/lib/commands/result";
import { formatDateTime } from "@/lib/format/numbers";
import { isLocale } from "@/lib/i18n/routing";
import type { FormState } from "./form-state";
import { splitIdempotencyKey } from "./idempotency";
import { currentRequestId } from "./request-id";
import { logRequestError } from "@/lib/security/error-log";

const secretFields = /password|secret|token/i;

/** FormData as a plain object: repeated names become arrays; files are ignored. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    const existing = values[name];
    values[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}

type Execute<T> = (user: Awaited<ReturnType<typeof getCurrentUser>>, input: unknown, options?: { requestId?: string; idempotencyKey?: string }) => Promise<CommandResult<T>>;

/**
 * The body of a server action: form data in, form state out. Runs the command for the
 * current user (the command itself authorizes), translates its result into messages in
 * the user's language, and keeps what the user typed whenever the save did not happen.
 */
export async function runFormCommand<T>(
  execute: Execute<T>,
  formData: FormData,
  {
    toInput = (values) => values,
    onSuccess,
    successMessage,
  }: {
    toInput?: (values: Record<string, string | string[]>) => unknown;
    onSuccess?: (data: T) => void | Promise<void>;
    successMessage?: string;
  } = {},
): Promise<FormState> {
  const t = await getTranslations("Forms");
  const validation = await getTranslations("Validation");
  const locale = await getLocale();
  const { values, idempotencyKey } = splitIdempotencyKey(formDataToObject(formData));
  const echo = Object.fromEntries(Object.entries(values).filter(([name]) => !secretFields.test(name)));
  const requestId = await currentRequestId();
  try {
    const user = await getCurrentUser("ownAccount");
    const result = await execute(user, toInput(values), { requestId, idempotencyKey });
    if (result.ok) {
      await onSuccess?.(result.data);
      return { status: "success", message: successMessage ?? t("saved") };
    }
    switch (result.code) {
      case "invalid": {
        const fieldErrors = Object.fromEntries(
          Object.entries(result.fieldErrors).map(([field, errors]) => [field, errors.map((error) => validation(error.key, error.values ?? {}))]),
        );
        return { status: "error", message: t("invalid"), fieldErrors, values: echo };
      }
      case "conflict":
        return {
          status: "error",
          message: t("conflict", {
            name: result.changedBy ?? t("someoneElse"),
            when: result.changedAt ? formatDateTime(result.changedAt, isLocale(locale) ? locale : "en") : "",
          }),
          values: echo,
        };
      default:
        return { status: "error", message: t(result.code), values: echo };
    }
  } catch (error) {
    logRequestError({ msg: "form command failed", requestId }, error);
    // The transaction rolled back: nothing was saved, and saying why spares the user a pointless report.
    if (isDatabaseUnavailableError(error)) return { status: "error", message: t("unavailable"), values: echo };
    return { status: "error", message: t("unexpected", { requestId }), values: echo };
  }
}
