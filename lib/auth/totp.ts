import "server-only";
import { generateSecret, generateURI, verify } from "otplib";

/** RFC 6238 as every authenticator app does it: SHA-1, six digits, 30-second steps. */
export const totpPeriodSeconds = 30;

/** A new shared secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32 for the apps. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// address the enrolment QR code carries. */
export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: "IWGTIP", label: accountEmail, secret });
}

/**
 * The time step a six-digit code matches (the current one, or the one before or after for a clock that drifts),
 * or null. The caller refuses a step it has already accepted (RFC 6238 §5.2: a code works once).
 */
export async function matchingStep(secret: string, code: string, now = Date.now()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: totpPeriodSeconds });
  // delta: how many steps from the current one the code matched (-1, 0 or +1).
  return result.valid ? Math.floor(epoch / totpPeriodSeconds) + result.delta : null;
}
