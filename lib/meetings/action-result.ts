import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import type { CommandResult } from "@/lib/commands/result";
import { formatDateTime } from "@/lib/format/numbers";
import { splitIdempotencyKey } from "@/lib/forms/idempotency";
import { currentRequestId } from "@/lib/forms/request-id";
import { isLocale } from "@/lib/i18n/routing";
import { logRequestError } from "@/lib/security/error-log";

/** What a client mutation gets back from a server action: data, or a message in the user's language. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

type Execute<T> = (user: Awaited<ReturnType<typeof getCurrentUser>>, input: unknown, options?: { requestId?: string; idempotencyKey?: string }) => Promise<CommandResult<T>>;

/**
 * The body of a server action called from a client component (TanStack Query mutations): runs the command for
 * the current user (the command authorizes) and turns a refusal into a message the client shows as it is.
 */
export async function runActionCommand<T>(execute: Execute<T>, input: unknown): Promise<ActionResult<T>> {
  const t = await getTranslations("Forms");
  const validation = await getTranslations("Validation");
  const locale = await getLocale();
  const requestId = await currentRequestId();
  try {
    const { values, idempotencyKey } = splitIdempotencyKey(input);
    const result = await execute(await getCurrentUser("ownAccount"), values, { requestId, idempotencyKey });
    if (result.ok) return { ok: true, data: result.data };
    switch (result.code) {
      case "invalid": {
        const fieldErrors = Object.fromEntries(
          Object.entries(result.fieldErrors).map(([field, errors]) => [field, errors.map((error) => validation(error.key, error.values ?? {}))]),
        );
        const first = Object.values(fieldErrors)[0]?.[0];
        return { ok: false, code: "invalid", message: first ? `${t("invalid")} ${first}` : t("invalid"), fieldErrors };
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
    logRequestError({ msg: "action command failed", requestId }, error);
    return { ok: false, code: "unexpected", message: t("unexpected", { requestId }) };
  }
}
