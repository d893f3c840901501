import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { issueRecoveryCodes } from "@/lib/auth/mfa";
import { endSessionsOf } from "@/lib/auth/sessions";
import { matchingStep, newTotpSecret } from "@/lib/auth/totp";
import { defineCommand } from "@/lib/kernel/registry";
import { CommandRefusal } from "@/lib/kernel/result";
import { userIdSchema } from "./schemas";

/*
 * Multi-factor authentication (issue 17, point 7): TOTP (RFC 6238) enrolled from one's profile, ten recovery codes
 * shown once and stored as argon2id hashes, reset by an administrator. Each step is an audit event.
 */

const noInput = z.object({}).strict();
const confirmSchema = z.object({ code: z.string().trim().max(20) }).strict();

/**
 * Starts (or restarts) one's own enrolment: a new secret, shown as a QR code until a code from it is confirmed.
 * Changes nothing once enrolled (the profile offers no such button then; a reset is an administrator's).
 */
export const startMfaEnrolment = defineCommand({
  name: "mfa.start_enrolment",
  permission: "profile.update",
  schema: noInput,
  async run({ user, tx, requestId }) {
    const existing = await tx.mfaCredential.findUnique({ where: { userId: user.id }, select: { confirmedAt: true } });
    if (existing?.confirmedAt) return { id: user.id };
    const secret = newTotpSecret();
    await tx.mfaCredential.upsert({ where: { userId: user.id }, create: { userId: user.id, secret }, update: { secret, lastStep: null } });
    await recordAudit(tx, { actorId: user.id, action: "mfa.enrolment_started", entityType: "user", entityId: user.id, requestId });
    return { id: user.id };
  },
});

/** Confirms the enrolment with a code from the app; answers the ten recovery codes, which are never shown again. */
export const confirmMfaEnrolment = defineCommand({
  name: "mfa.confirm_enrolment",
  permission: "profile.update",
  schema: confirmSchema,
  async run({ user, input, tx, requestId }) {
    const pending = await tx.mfaCredential.findUnique({ where: { userId: user.id }, select: { secret: true, confirmedAt: true } });
    if (!pending || pending.confirmedAt) throw new CommandRefusal({ ok: false, code: "invalid", fieldErrors: { code: [{ key: "invalid" }] } });
    const step = await matchingStep(pending.secret, input.code);
    if (step === null) throw new CommandRefusal({ ok: false, code: "invalid", fieldErrors: { code: [{ key: "invalid" }] } });
    await tx.mfaCredential.update({ where: { userId: user.id }, data: { confirmedAt: new Date(), lastStep: step } });
    const recoveryCodes = await issueRecoveryCodes(tx, user.id);
    await recordAudit(tx, { actorId: user.id, action: "mfa.enrolled", entityType: "user", entityId: user.id, after: { method: "totp", recoveryCodes: recoveryCodes.length }, requestId });
    return { recoveryCodes };
  },
});

/**
 * An administrator resets a person's second factor (a lost phone): the secret is replaced by one nobody holds,
 * the recovery codes are revoked, the person's sessions end; they enrol again at their next sign-in.
 */
export const resetMfa = defineCommand({
  name: "user.reset_mfa",
  permission: "admin.manage",
  schema: userIdSchema,
  owner: async ({ id }, tx) => ((await tx.user.findUnique({ where: { id }, select: { id: true } })) ? { departmentId: null } : null),
  async run({ user, input, tx, requestId }) {
    const credential = await tx.mfaCredential.findUnique({ where: { userId: input.id }, select: { confirmedAt: true } });
    if (credential) await tx.mfaCredential.update({ where: { userId: input.id }, data: { secret: newTotpSecret(), confirmedAt: null, lastStep: null } });
    await tx.mfaRecoveryCode.updateMany({ where: { userId: input.id, usedAt: null }, data: { usedAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: "user.reset_mfa", entityType: "user", entityId: input.id, before: { enrolled: Boolean(credential?.confirmedAt) }, after: { enrolled: false }, requestId });
    if (input.id !== user.id) await endSessionsOf(tx, input.id, "mfa_reset");
    return { id: input.id };
  },
});
