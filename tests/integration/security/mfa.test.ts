import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentStep, totpCode } from "@/e2e/totp";
import { mayReach } from "@/lib/auth/account-gate";
import { loadSession, loadSessionUser } from "@/lib/auth/load-user";
import { startSession } from "@/lib/auth/sessions";
import { authorizeCredentials } from "@/lib/auth/sign-in";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { updateSettings } from "@/lib/settings/commands";
import { confirmMfaEnrolment, resetMfa, startMfaEnrolment } from "@/lib/users/mfa-commands";
import { sessionUser } from "../../support/database";
import { settingsForm, snapshotSettings } from "../settings/support";
import { makeAccount, openOnes } from "./support";

/*
 * Issue 17, point 7. Every code here is computed by e2e/totp.ts, an RFC 6238 implementation on node:crypto written
 * apart from the portal's (otplib), and checked there against the RFC's own test vectors.
 */
const password = "a long enough password";
let restore: () => Promise<void>;
beforeAll(async () => {
  restore = await snapshotSettings();
});
afterAll(() => restore());

async function enrol(account: { id: string }) {
  const user = (await loadSessionUser(account.id)) as SessionUser;
  expect(await startMfaEnrolment(user, {})).toMatchObject({ ok: true });
  const { secret } = await db.mfaCredential.findUniqueOrThrow({ where: { userId: account.id } });
  const result = await confirmMfaEnrolment(user, { code: totpCode(secret, currentStep()) });
  if (!result.ok) throw new Error(`enrolment refused: ${result.code}`);
  return { secret, recoveryCodes: (result.data as { recoveryCodes: string[] }).recoveryCodes };
}

describe("two-step verification", () => {
  it("enrols with a code from the QR code's key, issuing ten recovery codes stored as argon2id hashes; audited", async () => {
    const account = await makeAccount({ role: "EXECUTIVE" });
    const user = (await loadSessionUser(account.id))!;
    expect(await startMfaEnrolment(user, {})).toMatchObject({ ok: true });
    const { secret } = await db.mfaCredential.findUniqueOrThrow({ where: { userId: account.id } });
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = String((Number(totpCode(secret, currentStep())) + 1) % 1_000_000).padStart(6, "0");
    expect(await confirmMfaEnrolment(user, { code: wrong })).toMatchObject({ ok: false, code: "invalid" });
    const result = await confirmMfaEnrolment(user, { code: totpCode(secret, currentStep()) });
    expect(result).toMatchObject({ ok: true });
    const codes = (result as { data: { recoveryCodes: string[] } }).data.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db.mfaRecoveryCode.findMany({ where: { userId: account.id }, select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    for (const { codeHash } of stored) {
      expect(codeHash).toMatch(/^\$argon2id\$/);
      expect(codes.some((code) => codeHash.includes(code))).toBe(false);
    }
    const actions = (await db.auditEvent.findMany({ where: { entityId: account.id }, select: { action: true } })).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["mfa.enrolment_started", "mfa.enrolled"]));
  });

  it("asks for the code after the right password, accepts each code once, and each recovery code once (audited)", async () => {
    const account = await makeAccount({ role: "EXECUTIVE", password });
    const { secret, recoveryCodes } = await enrol(account);
    const ip = "192.0.2.90";
    await expect(authorizeCredentials({ email: account.email, password }, { ip })).rejects.toThrow("MfaRequired");
    // A wrong password never reaches the second step.
    expect(await authorizeCredentials({ email: account.email, password: "not the password", code: "000000" }, { ip })).toBeNull();
    const code = totpCode(secret, currentStep() + 1);
    expect(await authorizeCredentials({ email: account.email, password, code }, { ip })).toMatchObject({ id: account.id });
    // RFC 6238 §5.2: the same code, or an earlier one, does not open a second session.
    expect(await authorizeCredentials({ email: account.email, password, code }, { ip })).toBeNull();
    expect(await authorizeCredentials({ email: account.email, password, code: totpCode(secret, currentStep()) }, { ip })).toBeNull();
    expect((await db.auditEvent.findFirst({ where: { entityId: account.id, action: "auth.sign_in_failed" }, orderBy: { occurredAt: "desc" } }))?.after).toMatchObject({
      reason: "mfa_wrong_code",
    });
    const recovery = recoveryCodes[3]!;
    expect(await authorizeCredentials({ email: account.email, password, code: recovery.toLowerCase() }, { ip })).toMatchObject({ id: account.id });
    expect(await authorizeCredentials({ email: account.email, password, code: recovery }, { ip })).toBeNull();
    expect(await db.auditEvent.findFirst({ where: { entityId: account.id, action: "auth.mfa_recovery_code_used" }, select: { after: true } })).toEqual({ after: { codesLeft: 9 } });
  });

  it("is required of administrators and coordinators: their password sessions reach only their profile until they enrol", async () => {
    for (const role of ["ADMIN", "COORDINATOR"] as const) {
      const account = await makeAccount({ role, password });
      const session = await startSession(account.id, "password");
      const before = (await loadSession(account.id, session)).user!;
      expect(before.mfaEnrolmentRequired).toBe(true);
      expect([mayReach(before, "portal"), mayReach(before, "ownAccount")]).toEqual([false, true]);
      // Single sign-on leaves the second factor to the organisation.
      expect((await loadSession(account.id, await startSession(account.id, "sso"))).user!.mfaEnrolmentRequired).toBeUndefined();
      await enrol(account);
      expect(mayReach((await loadSession(account.id, session)).user!, "portal")).toBe(true);
    }
  });

  it("is optional for others unless an administrator requires it of everyone", async () => {
    const admin = await sessionUser("admin@iwgtip.example");
    const account = await makeAccount({ role: "DEPARTMENT_REP" });
    const session = await startSession(account.id, "password");
    expect((await loadSession(account.id, session)).user!.mfaEnrolmentRequired).toBeUndefined();
    expect(await updateSettings(admin, await settingsForm({ mfaRequiredForEveryone: "on" }))).toMatchObject({ ok: true });
    expect((await loadSession(account.id, session)).user!.mfaEnrolmentRequired).toBe(true);
  });

  it("an administrator resets it: recovery codes revoked, sessions ended, no code asked until enrolled again; audited", async () => {
    const admin = await sessionUser("admin@iwgtip.example");
    const account = await makeAccount({ role: "EXECUTIVE", password });
    const { recoveryCodes } = await enrol(account);
    const session = await startSession(account.id, "password");
    expect(await resetMfa(await sessionUser("coordinator@iwgtip.example"), { id: account.id })).toEqual({ ok: false, code: "forbidden" });
    expect(await resetMfa(admin, { id: account.id })).toMatchObject({ ok: true });
    expect(await openOnes([session])).toEqual([]);
    expect(await db.mfaRecoveryCode.count({ where: { userId: account.id, usedAt: null } })).toBe(0);
    expect(await authorizeCredentials({ email: account.email, password, code: recoveryCodes[0] }, { ip: "192.0.2.91" })).toMatchObject({ id: account.id });
    expect(await authorizeCredentials({ email: account.email, password }, { ip: "192.0.2.91" })).toMatchObject({ id: account.id });
    expect(await db.auditEvent.findFirst({ where: { entityId: account.id, action: "user.reset_mfa" }, select: { actorId: true } })).toEqual({ actorId: admin.id });
  });
});
