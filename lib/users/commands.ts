import "server-only";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { lastChange } from "@/lib/audit/queries";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSessionsOf, type SessionEndReason } from "@/lib/auth/sessions";
import { defineCommand, type Tx } from "@/lib/kernel/registry";
import { CommandRefusal, type FieldError } from "@/lib/kernel/result";
import {
  changePasswordSchema,
  createUserSchema,
  setOneTimePasswordSchema,
  updatePreferencesSchema,
  updateUserSchema,
  userIdSchema,
} from "./schemas";

// Multi-factor authentication's commands register with the account commands (lib/commands imports this module).
export { confirmMfaEnrolment, resetMfa, startMfaEnrolment } from "./mfa-commands";

/** The account fields an audit event may show (never the password hash). */
const auditedAccount = { id: true, email: true, displayName: true, role: true, departmentId: true, preferredLanguage: true, active: true, version: true } as const;

function refuseField(field: string, error: FieldError): never {
  throw new CommandRefusal({ ok: false, code: "invalid", fieldErrors: { [field]: [error] } });
}

async function assertEmailFree(tx: Tx, email: string, exceptId?: string) {
  const taken = await tx.user.findFirst({ where: { email, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (taken) refuseField("email", { key: "emailTaken" });
}

async function assertDepartmentExists(tx: Tx, departmentId: string | null) {
  if (!departmentId) return;
  const department = await tx.department.findUnique({ where: { id: departmentId }, select: { id: true } });
  if (!department) refuseField("departmentId", { key: "invalidChoice" });
}

/**
 * Ends `userId`'s open sessions (but `keep`, the session making the change) in the change's own transaction, and
 * audits how many, so that a review sees why a person was signed out.
 */
async function endSessions(tx: Tx, { actorId, userId, reason, keep, requestId }: { actorId: string; userId: string; reason: SessionEndReason; keep?: string; requestId: string }) {
  const ended = await endSessionsOf(tx, userId, reason, keep);
  if (ended > 0) await recordAudit(tx, { actorId, action: "auth.sessions_ended", entityType: "user", entityId: userId, after: { reason, sessions: ended }, requestId });
  return ended;
}

function notTheEmail(password: string, email: string, field: string) {
  if (password.trim().toLowerCase() === email.toLowerCase()) refuseField(field, { key: "passwordIsEmail" });
}

/** Administrators create accounts; the new account has no password until one is set (or signs in by SSO). */
export const createUser = defineCommand({
  name: "user.create",
  permission: "admin.manage",
  schema: createUserSchema,
  async run({ user, input, tx, requestId }) {
    await assertEmailFree(tx, input.email);
    await assertDepartmentExists(tx, input.departmentId);
    const created = await tx.user.create({ data: input, select: auditedAccount });
    await recordAudit(tx, { actorId: user.id, action: "user.create", entityType: "user", entityId: created.id, after: { ...input }, requestId });
    return { id: created.id };
  },
});

/** Name, e-mail, role, department and language. Conflicts when someone saved the account since `version`. */
export const updateUser = defineCommand({
  name: "user.update",
  permission: "admin.manage",
  schema: updateUserSchema,
  owner: async ({ id }, tx) => ((await tx.user.findUnique({ where: { id }, select: { id: true } })) ? { departmentId: null } : null),
  async run({ user, input, tx, requestId }) {
    const { id, version, ...changes } = input;
    const before = await tx.user.findUniqueOrThrow({ where: { id }, select: auditedAccount });
    if (before.version !== version) throw new CommandRefusal({ ok: false, code: "conflict", ...(await lastChange(tx, "user", id)) });
    if (id === user.id && changes.role !== "ADMIN") refuseField("role", { key: "selfLockout" });
    await assertEmailFree(tx, changes.email, id);
    await assertDepartmentExists(tx, changes.departmentId);
    const updated = await tx.user.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } });
    if (updated.count === 0) throw new CommandRefusal({ ok: false, code: "conflict", ...(await lastChange(tx, "user", id)) });
    const diff = changedFields(before, changes);
    await recordAudit(tx, { actorId: user.id, action: "user.update", entityType: "user", entityId: id, ...diff, requestId });
    // What a session may do follows from the role and the department: a change of either starts afresh.
    if (before.role !== changes.role || before.departmentId !== changes.departmentId) {
      await endSessions(tx, { actorId: user.id, userId: id, reason: "role_changed", keep: id === user.id ? user.sessionId : undefined, requestId });
    }
    return { id };
  },
});

function setActive(name: "user.deactivate" | "user.reactivate", active: boolean) {
  return defineCommand({
    name,
    permission: "admin.manage",
    schema: userIdSchema,
    owner: async ({ id }, tx) => ((await tx.user.findUnique({ where: { id }, select: { id: true } })) ? { departmentId: null } : null),
    async run({ user, input, tx, requestId }) {
      if (input.id === user.id && !active) refuseField("_form", { key: "selfLockout" });
      const before = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: { active: true } });
      if (before.active === active) return { id: input.id };
      // Reactivating also lifts a lock-out: an administrator vouched for the account.
      await tx.user.update({
        where: { id: input.id },
        data: { active, version: { increment: 1 }, ...(active ? { failedSignInCount: 0, lockedUntil: null } : {}) },
      });
      await recordAudit(tx, { actorId: user.id, action: name, entityType: "user", entityId: input.id, before: { active: before.active }, after: { active }, requestId });
      if (!active) await endSessions(tx, { actorId: user.id, userId: input.id, reason: "deactivated", requestId });
      return { id: input.id };
    },
  });
}

/** Deactivated accounts cannot sign in, and their open sessions end (for good: reactivating opens none again). */
export const deactivateUser = setActive("user.deactivate", false);
export const reactivateUser = setActive("user.reactivate", true);

/** A password the administrator gives the person; the portal makes them choose their own at next sign-in. */
export const setOneTimePassword = defineCommand({
  name: "user.set_one_time_password",
  permission: "admin.manage",
  schema: setOneTimePasswordSchema,
  owner: async ({ id }, tx) => ((await tx.user.findUnique({ where: { id }, select: { id: true } })) ? { departmentId: null } : null),
  async run({ user, input, tx, requestId }) {
    const account = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: { email: true } });
    notTheEmail(input.password, account.email, "password");
    await tx.user.update({
      where: { id: input.id },
      data: {
        passwordHash: await hashPassword(input.password),
        mustChangePassword: true,
        // Single use, and only for a while (the `oneTimePasswordHours` setting): see lib/auth/sign-in.ts.
        oneTimePasswordSetAt: new Date(),
        oneTimePasswordUsedAt: null,
        failedSignInCount: 0,
        lockedUntil: null,
        version: { increment: 1 },
      },
    });
    // The audit says that it happened, never what the password is.
    await recordAudit(tx, { actorId: user.id, action: "user.set_one_time_password", entityType: "user", entityId: input.id, after: { mustChangePassword: true }, requestId });
    // Whoever held the old password (or a copy of a session cookie) is out.
    await endSessions(tx, { actorId: user.id, userId: input.id, reason: "one_time_password", keep: input.id === user.id ? user.sessionId : undefined, requestId });
    return { id: input.id };
  },
});

/** Anyone signed in, for their own account only (the id is the session's, never the request's). */
export const updateMyPreferences = defineCommand({
  name: "profile.update_preferences",
  permission: "profile.update",
  schema: updatePreferencesSchema,
  async run({ user, input, tx, requestId }) {
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { preferredLanguage: true } });
    if (before.preferredLanguage === input.preferredLanguage) return { id: user.id };
    await tx.user.update({ where: { id: user.id }, data: { preferredLanguage: input.preferredLanguage } });
    await recordAudit(tx, { actorId: user.id, action: "profile.update_preferences", entityType: "user", entityId: user.id, ...changedFields(before, input), requestId });
    return { id: user.id };
  },
});

/** Anyone with a password, for their own account: the current password is required; the new one is not the e-mail. */
export const changeMyPassword = defineCommand({
  name: "profile.change_password",
  permission: "profile.update",
  schema: changePasswordSchema,
  async run({ user, input, tx, requestId }) {
    const account = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, passwordHash: true } });
    if (!(await verifyPassword(account.passwordHash, input.currentPassword))) refuseField("currentPassword", { key: "currentPasswordWrong" });
    notTheEmail(input.newPassword, account.email, "newPassword");
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, oneTimePasswordSetAt: null, oneTimePasswordUsedAt: null },
    });
    await recordAudit(tx, { actorId: user.id, action: "profile.change_password", entityType: "user", entityId: user.id, requestId });
    // Every other session ends (one opened with the old password, a copied cookie); this one goes on.
    await endSessions(tx, { actorId: user.id, userId: user.id, reason: "password_changed", keep: user.sessionId, requestId });
    return { id: user.id };
  },
});

/** An administrator signs a person out everywhere (a lost laptop, a suspected stolen session). */
export const endUserSessions = defineCommand({
  name: "user.end_sessions",
  permission: "admin.manage",
  schema: userIdSchema,
  owner: async ({ id }, tx) => ((await tx.user.findUnique({ where: { id }, select: { id: true } })) ? { departmentId: null } : null),
  async run({ user, input, tx, requestId }) {
    const ended = await endSessionsOf(tx, input.id, "ended_by_admin", input.id === user.id ? user.sessionId : undefined);
    // Audited even when none was open: the administrator's act is what the review needs.
    await recordAudit(tx, { actorId: user.id, action: "user.end_sessions", entityType: "user", entityId: input.id, after: { sessions: ended }, requestId });
    return { id: input.id, sessions: ended };
  },
});

/**
 * An administrator account signs in by single sign-on only once another administrator (or itself, signed in with
 * its password) allowed it: its first verified sign-on then links it to that identity (lib/auth/sso-link.ts).
 */
export const allowSsoLink = defineCommand({
  name: "user.allow_sso_link",
  permission: "admin.manage",
  schema: userIdSchema,
  owner: async ({ id }, tx) => ((await tx.user.findUnique({ where: { id }, select: { id: true } })) ? { departmentId: null } : null),
  async run({ user, input, tx, requestId }) {
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: { ssoLinkAllowedAt: true } });
    if (before.ssoLinkAllowedAt) return { id: input.id };
    await tx.user.update({ where: { id: input.id }, data: { ssoLinkAllowedAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: "user.allow_sso_link", entityType: "user", entityId: input.id, after: { ssoLinkAllowed: true }, requestId });
    return { id: input.id };
  },
});
