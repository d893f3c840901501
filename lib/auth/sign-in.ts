import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db, isDatabaseUnavailableError } from "@/lib/db";
import type { Role } from "@/lib/authz/permissions";
import { accountRefusal, spendOneTimePassword, type AccountRefusal } from "./account-checks";
import { MFA_REQUIRED, secondFactorRefusal } from "./mfa";
import { isUuid } from "@/lib/security/ids";
import { verifyPassword } from "./password";
import { endSession } from "./sessions";
import { notifyAccountUnderAttack } from "./sign-in-attack";
import { claimAttempt, recordMalformedAttempt, throttlePolicy, type ThrottleRefusal } from "./throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export type SignedInUser = { id: string; email: string; name: string; role: Role; departmentId: string | null; language: "en" | "fr" };

export type SignInContext = { ip: string };

type FailureReason = "malformed" | ThrottleRefusal | "unknown_account" | "wrong_password" | "inactive" | "no_password" | AccountRefusal | "mfa_wrong_code";

/**
 * Checks an e-mail and password. Returns null for every kind of failure (unknown account, wrong
 * password, inactive or locked account, throttled address, malformed input) so that the sign-in page
 * can only ever say one generic thing; the audit log records which it was.
 */
export async function authorizeCredentials(raw: unknown, context: SignInContext = { ip: "unknown" }): Promise<SignedInUser | null> {
  try {
    return await checkCredentials(raw, context);
  } catch (error) {
    // next-auth passes this message on as the error code, so the form can say "unavailable"
    // rather than blame the password.
    if (isDatabaseUnavailableError(error)) throw new Error(SIGN_IN_UNAVAILABLE);
    throw error;
  }
}

/** Thrown when sign-in cannot reach the database. */
export const SIGN_IN_UNAVAILABLE = "ServiceUnavailable";

async function checkCredentials(raw: unknown, context: SignInContext): Promise<SignedInUser | null> {
  const ip = context.ip.slice(0, 64);
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) {
    await recordMalformedAttempt(ip);
    return null;
  }
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, displayName: true, role: true, departmentId: true, preferredLanguage: true, active: true, passwordHash: true, lockedUntil: true },
  });
  // Before any password is checked: refused attempts are not counted, so they never extend a lock or a delay.
  const claim = await claimAttempt(email, ip);
  if (!claim.allowed) return fail({ email, ip, reason: claim.reason, userId: user?.id ?? null, retryAt: claim.retryAt });
  // Always verify (against a decoy without an account) so that timing reveals nothing.
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user) return fail({ email, ip, reason: "unknown_account" });
  // An account-wide lock (set by an administrator or left from before per-address locks) still holds.
  if (user.lockedUntil && user.lockedUntil > new Date()) return fail({ email, ip, reason: "locked", userId: user.id });
  if (!user.passwordHash) return fail({ email, ip, reason: "no_password", userId: user.id });
  if (!passwordOk) return failWrongPassword({ email, ip, userId: user.id, claim });
  if (!user.active) return fail({ email, ip, reason: "inactive", userId: user.id });
  const refusal = await accountRefusal(user.id);
  if (refusal) return fail({ email, ip, reason: refusal, userId: user.id });
  // The second factor, once the password is right (lib/auth/mfa.ts): the form asks for the code, then sends it.
  const secondFactor = await secondFactorRefusal(user.id, raw, ip);
  if (secondFactor === "mfa_required") {
    // The password was right and the form now asks for the code: this step is neither a failure nor a success for
    // the throttle (the code's own attempt is counted like a password: a wrong code stays a failure).
    await db.signInAttempt.delete({ where: { id: claim.attemptId } });
    throw new Error(MFA_REQUIRED);
  }
  if (secondFactor) return fail({ email, ip, reason: secondFactor, userId: user.id });

  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), failedSignInCount: 0, lockedUntil: null } });
    // The attempt was recorded as a failure when it was claimed; it turned out to succeed.
    await tx.signInAttempt.update({ where: { id: claim.attemptId }, data: { succeeded: true } });
    await recordAudit(tx, { actorId: user.id, action: "auth.sign_in", entityType: "user", entityId: user.id, after: { method: "password" }, ip });
    await spendOneTimePassword(tx, user.id);
    // Attempts only matter within the throttling window; a day's worth is kept for investigation (the audit
    // log keeps every failure for good), the rest is pruned here rather than by a scheduled job.
    await tx.$executeRaw`DELETE FROM sign_in_attempts WHERE attempted_at < now() - interval '1 day'`;
  });
  return { id: user.id, email: user.email, name: user.displayName, role: user.role, departmentId: user.departmentId, language: user.preferredLanguage };
}

async function fail({ email, ip, reason, userId = null, retryAt = null }: { email: string; ip: string; reason: FailureReason; userId?: string | null; retryAt?: Date | null }): Promise<null> {
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actorId: userId,
      action: "auth.sign_in_failed",
      entityType: "user",
      // An unknown account has no id: the e-mail that was tried is what a security review needs.
      entityId: userId ?? email.slice(0, 100),
      after: { reason, email, ...(retryAt ? { retryAt: retryAt.toISOString() } : {}) },
      ip,
    });
  });
  return null;
}

/**
 * One more wrong password (already counted: the claimed attempt stays a failure). The one that reaches the limit
 * for this address is audited as a lock-out of this account for this address; the one that makes an attack tells
 * the account's owner and the administrators (once per notice window).
 */
async function failWrongPassword({ email, ip, userId, claim }: { email: string; ip: string; userId: string; claim: { pairFailures: number; accountFailures: number } }): Promise<null> {
  const pairFailures = claim.pairFailures + 1;
  const accountFailures = claim.accountFailures + 1;
  await db.$transaction(async (tx) => {
    await recordAudit(tx, { actorId: userId, action: "auth.sign_in_failed", entityType: "user", entityId: userId, after: { reason: "wrong_password", email }, ip });
    if (pairFailures === throttlePolicy.maxPairFailures) {
      const lockedUntil = new Date(Date.now() + throttlePolicy.windowMinutes * 60_000);
      await recordAudit(tx, { actorId: userId, action: "auth.locked_out", entityType: "user", entityId: userId, after: { scope: "address", lockedUntil: lockedUntil.toISOString(), failures: pairFailures }, ip });
    }
  });
  if (accountFailures >= throttlePolicy.attackFailures) await notifyAccountUnderAttack(userId, { failures: accountFailures, ip });
  return null;
}

/** Signing out ends the session's record for good, and is audited (the session's ids; nothing else is trusted from the token). */
export async function recordSignOut(userId: string | undefined, sessionId?: string) {
  if (!userId) return;
  const exists = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!exists) return;
  await db.$transaction(async (tx) => {
    if (sessionId && isUuid(sessionId)) await endSession(tx, sessionId, userId, "sign_out");
    await recordAudit(tx, { actorId: userId, action: "auth.sign_out", entityType: "user", entityId: userId });
  });
}
