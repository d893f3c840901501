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

/** Lock-out policy (README "Sign-in and lock-out"): counted in PostgreSQL, so it holds across app instances. */
export const signInPolicy = {
  /** Consecutive wrong passwords that lock an account… */
  maxAccountFailures: 5,
  /** …for this long. */
  lockMinutes: 15,
  /** Failed attempts from one address (any accounts) within the window before that address is refused. */
  maxAddressFailures: 20,
  addressWindowMinutes: 15,
} as const;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export type SignedInUser = { id: string; email: string; name: string; role: Role; departmentId: string | null; language: "en" | "fr" };

export type SignInContext = { ip: string };

type FailureReason = "malformed" | "throttled" | "unknown_account" | "locked" | "wrong_password" | "inactive" | "no_password" | AccountRefusal | "mfa_wrong_code";

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
    await db.signInAttempt.create({ data: { ip, email: null, succeeded: false } });
    return null;
  }
  const { email, password } = parsed.data;

  if (await addressIsThrottled(ip)) return fail({ email, ip, reason: "throttled" });

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, displayName: true, role: true, departmentId: true, preferredLanguage: true, active: true, passwordHash: true, lockedUntil: true },
  });
  // Always verify (against a decoy without an account) so that timing reveals nothing.
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user) return fail({ email, ip, reason: "unknown_account" });
  if (user.lockedUntil && user.lockedUntil > new Date()) return fail({ email, ip, reason: "locked", userId: user.id });
  if (!user.passwordHash) return fail({ email, ip, reason: "no_password", userId: user.id });
  if (!passwordOk) return failWrongPassword({ email, ip, userId: user.id });
  if (!user.active) return fail({ email, ip, reason: "inactive", userId: user.id });
  const refusal = await accountRefusal(user.id);
  if (refusal) return fail({ email, ip, reason: refusal, userId: user.id });
  // The second factor, once the password is right (lib/auth/mfa.ts): the form asks for the code, then sends it.
  const secondFactor = await secondFactorRefusal(user.id, raw, ip);
  if (secondFactor === "mfa_required") throw new Error(MFA_REQUIRED);
  if (secondFactor) return fail({ email, ip, reason: secondFactor, userId: user.id });

  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), failedSignInCount: 0, lockedUntil: null } });
    await tx.signInAttempt.create({ data: { ip, email, succeeded: true } });
    await recordAudit(tx, { actorId: user.id, action: "auth.sign_in", entityType: "user", entityId: user.id, after: { method: "password" }, ip });
    await spendOneTimePassword(tx, user.id);
    // Attempts only matter within the throttling window; a day's worth is kept for investigation (the audit
    // log keeps every failure for good), the rest is pruned here rather than by a scheduled job.
    await tx.$executeRaw`DELETE FROM sign_in_attempts WHERE attempted_at < now() - interval '1 day'`;
  });
  return { id: user.id, email: user.email, name: user.displayName, role: user.role, departmentId: user.departmentId, language: user.preferredLanguage };
}

async function addressIsThrottled(ip: string): Promise<boolean> {
  const since = new Date(Date.now() - signInPolicy.addressWindowMinutes * 60_000);
  const failures = await db.signInAttempt.count({ where: { ip, succeeded: false, attemptedAt: { gte: since } } });
  return failures >= signInPolicy.maxAddressFailures;
}

async function fail({ email, ip, reason, userId = null }: { email: string; ip: string; reason: FailureReason; userId?: string | null }): Promise<null> {
  await db.$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { ip, email, succeeded: false } });
    await recordAudit(tx, {
      actorId: userId,
      action: "auth.sign_in_failed",
      entityType: "user",
      // An unknown account has no id: the e-mail that was tried is what a security review needs.
      entityId: userId ?? email.slice(0, 100),
      after: { reason, email },
      ip,
    });
  });
  return null;
}

/**
 * One more wrong password. The count and the lock are one UPDATE, so that instances counting at the
 * same moment cannot both miss the fifth failure; locking restarts the count for after the lock.
 */
async function failWrongPassword({ email, ip, userId }: { email: string; ip: string; userId: string }): Promise<null> {
  await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ locked: boolean; locked_until: Date | null }[]>`
      UPDATE users
         SET failed_sign_in_count = CASE WHEN failed_sign_in_count + 1 >= ${signInPolicy.maxAccountFailures} THEN 0 ELSE failed_sign_in_count + 1 END,
             locked_until = CASE WHEN failed_sign_in_count + 1 >= ${signInPolicy.maxAccountFailures}
                                 THEN now() + make_interval(mins => ${signInPolicy.lockMinutes}::int) ELSE locked_until END
       WHERE id = ${userId}::uuid
   RETURNING (failed_sign_in_count = 0 AND locked_until > now()) AS locked, locked_until`;
    await tx.signInAttempt.create({ data: { ip, email, succeeded: false } });
    await recordAudit(tx, { actorId: userId, action: "auth.sign_in_failed", entityType: "user", entityId: userId, after: { reason: "wrong_password", email }, ip });
    if (row?.locked) {
      await recordAudit(tx, {
        actorId: userId,
        action: "auth.locked_out",
        entityType: "user",
        entityId: userId,
        after: { lockedUntil: row.locked_until?.toISOString() ?? null, failures: signInPolicy.maxAccountFailures },
        ip,
      });
    }
  });
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
