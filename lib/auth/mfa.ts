import "server-only";
import { randomInt } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "./password";
import { matchingStep } from "./totp";
import type { SessionUser } from "./types";

type Tx = Prisma.TransactionClient;

/** Ten recovery codes per enrolment, shown once. */
export const recoveryCodeCount = 10;
/** Crockford-style letters and digits, without the ones people confuse (0/O, 1/I/L). */
const recoveryAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const recoveryPattern = /^[2-9A-HJKMNP-Z]{5}-?[2-9A-HJKMNP-Z]{5}$/;

/** A recovery code as shown: two groups of five (50 bits of randomness). */
export function newRecoveryCode(): string {
  const pick = () => Array.from({ length: 5 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]).join("");
  return `${pick()}-${pick()}`;
}

/** What the person typed, as stored (upper case, one dash): lower case and a missing dash are forgiven. */
export function normalizeRecoveryCode(typed: string): string | null {
  const code = typed.trim().toUpperCase().replace(/\s+/g, "");
  if (!recoveryPattern.test(code)) return null;
  return code.includes("-") ? code : `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Makes a fresh set of codes, revoking (never deleting) any earlier set; answers the codes to show once. */
export async function issueRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  await tx.mfaRecoveryCode.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  // argon2id, as passwords are: a stolen table gives nobody a code.
  const hashes = await Promise.all(codes.map((code) => hashPassword(code)));
  await tx.mfaRecoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
  return codes;
}

/** Whether the account has a confirmed second factor (sign-in then asks for a code). */
export async function hasSecondFactor(userId: string): Promise<boolean> {
  const credential = await db.mfaCredential.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return Boolean(credential?.confirmedAt);
}

/**
 * Checks a code typed at sign-in: a six-digit TOTP code of a step not used before (the UPDATE that records the
 * step is the check, so two requests with one code cannot both pass), or an unused recovery code (spent here, and
 * audited). Answers whether it was good.
 */
export async function acceptSecondFactor(userId: string, typed: string, ip: string): Promise<boolean> {
  const credential = await db.mfaCredential.findUnique({ where: { userId }, select: { secret: true, confirmedAt: true } });
  if (!credential?.confirmedAt) return false;
  const code = typed.trim().replace(/\s+/g, "");
  const step = await matchingStep(credential.secret, code);
  if (step !== null) {
    const accepted = await db.$executeRaw`
      UPDATE mfa_credentials SET last_step = ${step}
       WHERE user_id = ${userId}::uuid AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < ${step})`;
    return accepted === 1;
  }
  const recovery = normalizeRecoveryCode(code);
  if (!recovery) return false;
  const unused = await db.mfaRecoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  for (const candidate of unused) {
    if (!(await verifyPassword(candidate.codeHash, recovery))) continue;
    return db.$transaction(async (tx) => {
      const spent = await tx.mfaRecoveryCode.updateMany({ where: { id: candidate.id, usedAt: null }, data: { usedAt: new Date() } });
      if (spent.count !== 1) return false;
      const left = await tx.mfaRecoveryCode.count({ where: { userId, usedAt: null } });
      await recordAudit(tx, { actorId: userId, action: "auth.mfa_recovery_code_used", entityType: "user", entityId: userId, after: { codesLeft: left }, ip });
      return true;
    });
  }
  return false;
}

export { mfaRequiredRoles } from "./mfa-policy";

/** One's own second factor as the profile shows it (the pending secret only while enrolment is not confirmed). */
export async function myMfa(user: { id: string }) {
  const [credential, codesLeft] = await Promise.all([
    db.mfaCredential.findUnique({ where: { userId: user.id }, select: { secret: true, confirmedAt: true } }),
    db.mfaRecoveryCode.count({ where: { userId: user.id, usedAt: null } }),
  ]);
  if (credential?.confirmedAt) return { status: "enrolled" as const, since: credential.confirmedAt, codesLeft };
  if (credential) return { status: "pending" as const, secret: credential.secret };
  return { status: "none" as const };
}

/** Whether an account has a second factor (the administrator's user page). */
export async function mfaEnrolledOf(viewer: SessionUser, userId: string): Promise<boolean> {
  requirePermission(viewer, "admin.manage");
  return hasSecondFactor(userId);
}

/**
 * The sign-in step (lib/auth/sign-in.ts, once the password is right): nothing to ask of an account without a
 * second factor; otherwise the code the form sent (`code`), which must be good. "mfa_required" when none was sent:
 * the form then shows the code field.
 */
export async function secondFactorRefusal(userId: string, raw: unknown, ip: string): Promise<"mfa_required" | "mfa_wrong_code" | null> {
  if (!(await hasSecondFactor(userId))) return null;
  const sent = raw && typeof raw === "object" && "code" in raw && typeof raw.code === "string" ? raw.code.slice(0, 40) : "";
  if (!sent.trim()) return "mfa_required";
  return (await acceptSecondFactor(userId, sent, ip)) ? null : "mfa_wrong_code";
}

/** The error code next-auth hands the sign-in form when the password was right and a code is needed. */
export const MFA_REQUIRED = "MfaRequired";
