/**
 * How the worker treats a failed delivery. Pure functions, unit-tested.
 *
 * - invalid_address: the server refused the recipient (5xx on RCPT TO), or the address is not one. Retrying would
 *   fail the same way, so the message fails at once and the outbox reports it to administrators.
 * - rejected: the server refused the message itself for good (other 5xx).
 * - transient: anything else (server unreachable, timeouts, 4xx, authentication trouble an administrator can fix):
 *   retried with exponential backoff until MAX_ATTEMPTS.
 */
export type FailureKind = "transient" | "invalid_address" | "rejected";

export const MAX_ATTEMPTS = 10;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

/** Authentication and "try later" 5xx codes: a configuration problem, not a bad message. */
const RETRYABLE_5XX = new Set([530, 534, 535, 538]);

type SmtpError = { code?: unknown; responseCode?: unknown; command?: unknown };

export function classifySendError(error: unknown): FailureKind {
  const { code, responseCode, command } = (error ?? {}) as SmtpError;
  const status = typeof responseCode === "number" ? responseCode : undefined;
  if (code === "EENVELOPE" && (status === undefined || (status >= 500 && !RETRYABLE_5XX.has(status)))) return "invalid_address";
  if (status !== undefined && status >= 500 && status < 600 && !RETRYABLE_5XX.has(status)) {
    return typeof command === "string" && command.toUpperCase().startsWith("RCPT") ? "invalid_address" : "rejected";
  }
  return "transient";
}

/** Delay before attempt `attempts + 1`: 1, 2, 4, 8 … minutes, at most 6 hours. */
export function backoffDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** exponent);
}

/** A deliberately loose check: something@domain.tld with no spaces or angle brackets. SMTP decides the rest. */
export function looksLikeAddress(address: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address);
}

/** One line for the outbox page: the SMTP code and message, never a stack. */
export function describeSendError(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as SmtpError;
  const message = error instanceof Error ? error.message : String(error);
  const prefix = [typeof code === "string" ? code : null, typeof responseCode === "number" ? String(responseCode) : null].filter(Boolean).join(" ");
  return (prefix ? `${prefix}: ${message}` : message).slice(0, 1_000);
}
