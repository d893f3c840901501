"use client";

import { useActionState, useCallback } from "react";
import { useErrorText } from "@/components/shell/request-id";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { echoableValues, formDataToObject } from "@/lib/forms/form-values";

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** Next's own control-flow errors (redirect, not found) carry a "NEXT_…" digest; they must reach the router. */
function isNavigation(error: unknown): boolean {
  const digest = typeof error === "object" && error !== null && "digest" in error ? (error as { digest: unknown }).digest : undefined;
  return typeof digest === "string" && digest.startsWith("NEXT_");
}

/**
 * `useActionState` for the portal's command forms, except that a request that never got an answer (the network
 * dropped, the connection was aborted) keeps the form: React would otherwise throw into the error boundary and what
 * the user typed would be gone. The state then echoes what was sent, idempotency key included, so submitting again
 * is the same submission (a create that did reach the server is not made twice; an edit meets its version check).
 */
export function useCommandForm(action: FormAction, initialState: FormState = initialFormState) {
  const errorText = useErrorText();
  const notSent = errorText?.notSent;
  const guarded = useCallback<FormAction>(
    async (state, formData) => {
      try {
        return await action(state, formData);
      } catch (error) {
        if (isNavigation(error)) throw error;
        return { status: "error", message: notSent, fieldErrors: state.fieldErrors, values: echoableValues(formDataToObject(formData)) };
      }
    },
    [action, notSent],
  );
  return useActionState(guarded, initialState);
}
