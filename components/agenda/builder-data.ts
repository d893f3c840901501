import type { AgendaBuilderData } from "@/lib/agenda/queries";
import type { Suggestions } from "@/lib/agenda/suggestions";
import type { ActionResult } from "@/lib/kernel/form-state";

/** What the builder's query holds: the agenda and the suggestions panel. */
export type BuilderData = { agenda: AgendaBuilderData; suggestions: Suggestions };
export type Option = { id: string; label: string };
export type FieldErrors = Record<string, string[]>;

/** A refusal from the server, in the user's language, with its code and the messages per field. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "ActionError";
  }
}

/** Throws the server's refusal so that TanStack Query treats it as an error (and rolls back). */
export async function unwrap<T>(promise: Promise<ActionResult<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new ActionError(result.message, result.code, result.fieldErrors);
  return result.data;
}

export const agendaQueryKey = (meetingId: string) => ["agenda", meetingId] as const;

/** One agenda mutation as the page hands it over (a server action of app/[locale]/(portal)/meetings/actions.ts). */
export type AgendaMutation = (input: unknown) => Promise<ActionResult<unknown>>;
/** The agenda builder's server actions, passed in by the page: components never import from the routes. */
export type AgendaActions = Record<"start" | "add" | "update" | "remove" | "reorder" | "publish", AgendaMutation>;
