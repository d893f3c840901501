/** What a form receives back from its server action (useActionState). */
export type FormState = {
  status: "idle" | "success" | "error";
  /** A message for the whole form, in the user's language (shown in a polite live region). */
  message?: string;
  /** Messages per field name, in the user's language. */
  fieldErrors?: Record<string, string[]>;
  /** What the user typed, so a refused or conflicting save loses nothing. Secrets are never echoed. */
  values?: Record<string, string | string[]>;
  /** Where the form goes after a success, when the action leaves the navigation to the browser (a path without locale). */
  redirectTo?: string;
};

export const initialFormState: FormState = { status: "idle" };

/** What a client mutation (TanStack Query) gets back from its server action: data, or a message in the user's language. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };
