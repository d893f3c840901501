import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { isDatabaseUnavailableError } from "@/lib/db";
import { formatDateTime } from "@/lib/format/numbers";
import { isLocale } from "@/lib/i18n/routing";
import { logRequestError } from "@/lib/security/error-log";
import type { ActionResult, FormState } from "./form-state";
import { splitIdempotencyKey } from "./idempotency-key";
import { currentRequestId } from "./request-id";
import type { CommandResult } from "./result";

export type { ActionResult } from "./form-state";

/*
 * The one pipeline every server action runs a command through: the current user, the request's id, the
 * idempotency key taken out of the input, the command, and its answer in the user's language. Expected refusals
 * (invalid, conflict, forbidden, not found, signed out), an unavailable database and the unexpected are reported
 * the same way whichever caller asked; the two entry points below only shape that answer for a form
 * (`runFormCommand`, useActionState) or for a client mutation (`runActionCommand`, TanStack Query).
 */

const secretFields = /password|secret|token/i;

type Execute<T> = (user: Awaited<ReturnType<typeof getCurrentUser>>, input: unknown, options?: { requestId?: string; idempotencyKey?: string }) => Promise<CommandResult<T>>;

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

type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

/** Runs the command for the current user (the command itself authorizes) and says what happened. */
async function runCommand<T>(execute: Execute<T>, input: () => unknown, idempotencyKey: string | undefined, onSuccess?: (data: T) => void | Promise<void>): Promise<Answer<T>> {
  const t = await getTranslations("Forms");
  const validation = await getTranslations("Validation");
  const locale = await getLocale();
  const requestId = await currentRequestId();
  try {
    const result = await execute(await getCurrentUser("ownAccount"), input(), { requestId, idempotencyKey });
    if (result.ok) {
      await onSuccess?.(result.data);
      return { ok: true, data: result.data };
    }
    switch (result.code) {
      case "invalid": {
        const fieldErrors = Object.fromEntries(
          Object.entries(result.fieldErrors).map(([field, errors]) => [field, errors.map((error) => validation(error.key, error.values ?? {}))]),
        );
        return { ok: false, code: "invalid", message: t("invalid"), fieldErrors };
      }
      case "conflict":
        return {
          ok: false,
          code: "conflict",
          message: t("conflict", {
            name: result.changedBy ?? t("someoneElse"),
            when: result.changedAt ? formatDateTime(result.changedAt, isLocale(locale) ? locale : "en") : "",
          }),
        };
      default:
        return { ok: false, code: result.code, message: t(result.code) };
    }
  } catch (error) {
    logRequestError({ msg: "command failed", requestId }, error);
    // The transaction rolled back: nothing was saved, and saying why spares the user a pointless report.
    if (isDatabaseUnavailableError(error)) return { ok: false, code: "unavailable", message: t("unavailable") };
    return { ok: false, code: "unexpected", message: t("unexpected", { requestId }) };
  }
}

/**
 * The body of a server action behind a form: form data in, form state out. Keeps what the user typed (never
 * secrets) whenever the save did not happen.
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
  const { values, idempotencyKey } = splitIdempotencyKey(formDataToObject(formData));
  const answer = await runCommand(execute, () => toInput(values), idempotencyKey, onSuccess);
  if (answer.ok) return { status: "success", message: successMessage ?? (await getTranslations("Forms"))("saved") };
  const echo = Object.fromEntries(Object.entries(values).filter(([name]) => !secretFields.test(name)));
  return { status: "error", message: answer.message, ...(answer.fieldErrors ? { fieldErrors: answer.fieldErrors } : {}), values: echo };
}

/**
 * The body of a server action called from a client component (TanStack Query mutations): the same pipeline, its
 * answer as data or a message the client shows as it is (an invalid input names its first problem).
 */
export async function runActionCommand<T>(execute: Execute<T>, input: unknown): Promise<ActionResult<T>> {
  const { values, idempotencyKey } = splitIdempotencyKey(input);
  const answer = await runCommand(execute, () => values, idempotencyKey);
  if (answer.ok || !answer.fieldErrors) return answer;
  const first = Object.values(answer.fieldErrors)[0]?.[0];
  return { ...answer, message: first ? `${answer.message} ${first}` : answer.message };
}
