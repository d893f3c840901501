"use client";

import { useEffect, useRef } from "react";
import { IDEMPOTENCY_FIELD } from "@/lib/kernel/idempotency-key";

/**
 * The hidden idempotency key of a create form: one fresh key per submission intent, so a double click or a
 * resent request creates once (the command registry keeps the first result per key). The key is made in the
 * browser after hydration (server and client renders must match) and renewed whenever the form's state
 * changes, i.e. after each answer, so the next deliberate submission is a new one.
 */
export function IdempotencyKeyField({ state }: { state: unknown }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (field.current) field.current.value = crypto.randomUUID();
  }, [state]);
  return <input ref={field} type="hidden" name={IDEMPOTENCY_FIELD} defaultValue="" />;
}
