import { describe, expect, it } from "vitest";
import { encode, decode } from "next-auth/jwt";
import { loadSession, loadSessionUser } from "@/lib/auth/load-user";
import { authOptions } from "@/lib/auth/options";
import { startSession } from "@/lib/auth/sessions";
import { recordSignOut } from "@/lib/auth/sign-in";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { changeMyPassword, deactivateUser, endUserSessions, reactivateUser, setOneTimePassword, updateUser } from "@/lib/users/commands";
import { sessionUser } from "../../support/database";
import { makeAccount, openOnes } from "./support";

/*
 * Issue 17, point 4: a session is a server-side record the JWT names, checked by the statement that re-reads the
 * user on every request. Ending it makes every copy of the cookie worthless.
 */
const secret = "a test secret that is long enough for next-auth";

/** What next-auth does at sign-in: the jwt callback, then the cookie's JWT (encrypted with the secret). */
async function signInCookie(user: { id: string; email: string }) {
  process.env.NEXTAUTH_SECRET ??= secret;
  const jwt = authOptions().callbacks!.jwt!;
  const token = await jwt({
    token: { email: user.email },
    user: { id: user.id, email: user.email, name: "x", role: "COORDINATOR", departmentId: null, language: "en" },
    account: { provider: "credentials", type: "credentials", providerAccountId: user.id },
    trigger: "signIn",
  } as never);
  return encode({ token, secret });
}

/** What every request does with the cookie: decode it, then the one statement. */
async function userOfCookie(cookie: string) {
  const token = await decode({ token: cookie, secret });
  if (!token?.uid || !token.sid) return null;
  return (await loadSession(token.uid, token.sid)).user;
}

async function as(id: string, sessionId: string): Promise<SessionUser> {
  return { ...(await loadSessionUser(id))!, sessionId };
}

describe("sessions that can be ended", () => {
  it("a copied cookie stops working once its owner signs out", async () => {
    const account = await makeAccount();
    const cookie = await signInCookie(account);
    const copy = cookie.slice();
    expect(await userOfCookie(copy)).toMatchObject({ id: account.id });
    const { sid } = (await decode({ token: cookie, secret }))!;
    await recordSignOut(account.id, sid);
    expect(await userOfCookie(copy)).toBeNull();
    expect(await db.authSession.findUniqueOrThrow({ where: { id: sid! } })).toMatchObject({ endReason: "sign_out" });
    // A token without a session id (as before this change, or forged with the secret) names no open session.
    expect(await userOfCookie(await encode({ token: { uid: account.id } as never, secret }))).toBeNull();
  });

  it("changing one's password ends every other session, not the one that changed it", async () => {
    const account = await makeAccount({ password: "the old password here" });
    const [current, other] = [await startSession(account.id, "password"), await startSession(account.id, "password")];
    const copied = await signInCookie(account);
    const result = await changeMyPassword(await as(account.id, current), { currentPassword: "the old password here", newPassword: "a brand new password" });
    expect(result).toMatchObject({ ok: true });
    expect(await openOnes([current, other])).toEqual([current]);
    expect(await userOfCookie(copied)).toBeNull();
    expect(await db.auditEvent.findFirst({ where: { entityId: account.id, action: "auth.sessions_ended" }, select: { after: true } })).toMatchObject({
      after: { reason: "password_changed", sessions: 2 },
    });
  });

  it("an administrator's one-time password, a role or department change and deactivation end all the person's sessions", async () => {
    const admin = await sessionUser("admin@iwgtip.example");
    const account = await makeAccount();
    let sessions = [await startSession(account.id, "password"), await startSession(account.id, "sso")];
    expect(await setOneTimePassword(admin, { id: account.id, password: "a one-time password" })).toMatchObject({ ok: true });
    expect(await openOnes(sessions)).toEqual([]);

    // A change of name alone leaves them be; a change of role does not.
    sessions = [await startSession(account.id, "password")];
    const fields = { email: account.email, displayName: "Renamed", departmentId: "", preferredLanguage: "en" };
    let version = (await db.user.findUniqueOrThrow({ where: { id: account.id } })).version;
    expect(await updateUser(admin, { id: account.id, version: String(version), role: "COORDINATOR", ...fields })).toMatchObject({ ok: true });
    expect(await openOnes(sessions)).toEqual(sessions);
    version = (await db.user.findUniqueOrThrow({ where: { id: account.id } })).version;
    expect(await updateUser(admin, { id: account.id, version: String(version), role: "EXECUTIVE", ...fields })).toMatchObject({ ok: true });
    expect(await openOnes(sessions)).toEqual([]);

    sessions = [await startSession(account.id, "password")];
    expect(await deactivateUser(admin, { id: account.id })).toMatchObject({ ok: true });
    expect(await openOnes(sessions)).toEqual([]);
    // Reactivating opens no ended session again.
    expect(await reactivateUser(admin, { id: account.id })).toMatchObject({ ok: true });
    expect(await openOnes(sessions)).toEqual([]);
    expect((await loadSession(account.id, sessions[0]!)).user).toBeNull();
  });

  it("an administrator ends all of a person's sessions, audited; others may not", async () => {
    const admin = await sessionUser("admin@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const account = await makeAccount();
    const sessions = [await startSession(account.id, "password"), await startSession(account.id, "password")];
    expect(await endUserSessions(coordinator, { id: account.id })).toEqual({ ok: false, code: "forbidden" });
    expect(await openOnes(sessions)).toEqual(sessions);
    expect(await endUserSessions(admin, { id: account.id })).toMatchObject({ ok: true, data: { sessions: 2 } });
    expect(await openOnes(sessions)).toEqual([]);
    expect(await db.auditEvent.findFirst({ where: { entityId: account.id, action: "user.end_sessions" }, select: { actorId: true, after: true } })).toEqual({
      actorId: admin.id,
      after: { sessions: 2 },
    });
  });

  it("an ended session cannot be reopened, even by a direct UPDATE", async () => {
    const account = await makeAccount();
    const id = await startSession(account.id, "password");
    await recordSignOut(account.id, id);
    await expect(db.$executeRaw`UPDATE auth_sessions SET ended_at = NULL, end_reason = NULL WHERE id = ${id}::uuid`).rejects.toThrow(/cannot be reopened/);
  });
});
