"use client";

import { useEffect, useRef } from "react";
import { IDEMPOTENCY_FIELD } from "@/lib/forms/idempotency";

/** The key a state hands back: only a request that got no answer echoes it (components/forms/use-command-form.ts). */
function keptKey(state: unknown): string | null {
  const values = typeof state === "object" && state !== null && "values" in state ? (state as { values?: Record<string, unknown> }).values : undefined;
  const key = values?.[IDEMPOTENCY_FIELD];
  return typeof key === "string" && key !== "" ? key : null;
}

/**
 * The hidden idempotency key of a create form: one fresh key per submission intent, so a double click or a
 * resent request creates once (the command registry keeps the first result per key). The key is made in the
 * browser after hydration (server and client renders must match) and renewed whenever the form's state
 * changes, i.e. after each answer, so the next deliberate submission is a new one. A request that got no answer
 * may still have been saved, so its key is kept: submitting again is the same submission.
 */
export function IdempotencyKeyField({ state }: { state: unknown }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (field.current) field.current.value = keptKey(state) ?? crypto.randomUUID();
  }, [state]);
  return <input ref={field} type="hidden" name={IDEMPOTENCY_FIELD} defaultValue="" />;
}
