/** The hidden field every create form carries (components/forms/idempotency-key-field.tsx). */
export const IDEMPOTENCY_FIELD = "idempotencyKey";

/**
 * Takes the idempotency key out of what a form or a client mutation sent, so that the command's strict schema
 * sees only its own fields; the key goes to the registry beside the input. A blank key (a form submitted before
 * its script ran) means none.
 */
export function splitIdempotencyKey<T>(values: T): { idempotencyKey?: string; values: T } {
  if (!values || typeof values !== "object" || Array.isArray(values) || !(IDEMPOTENCY_FIELD in values)) return { values };
  const { [IDEMPOTENCY_FIELD]: raw, ...rest } = values as Record<string, unknown>;
  const idempotencyKey = raw === undefined || raw === "" ? undefined : String(raw);
  return { idempotencyKey, values: rest as T };
}
