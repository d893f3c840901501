import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { authorizeCredentials, recordSignOut, signInPolicy } from "@/lib/auth/sign-in";
import { matchSsoIdentity } from "@/lib/auth/sso-link";
import { db } from "@/lib/db";

const password = "correct-horse-battery";
let hashed: Promise<string> | undefined;

/** A fresh account of its own for each test, so counters never leak between tests. */
async function makeAccount(data: { active?: boolean } = {}) {
  hashed ??= hashPassword(password);
  return db.user.create({
    data: { email: `signin-${randomUUID()}@test.example`, displayName: "Sign-in Test", role: "EXECUTIVE", passwordHash: await hashed, ...data },
    select: { id: true, email: true },
  });
}

const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 8)}`;

async function auditActions(userId: string) {
  const events = await db.auditEvent.findMany({ where: { entityId: userId }, orderBy: { occurredAt: "asc" }, select: { action: true, after: true } });
  return events;
}

describe("sign-in hardening", () => {
  it("locks an account for 15 minutes after 5 wrong passwords, even against the right one", async () => {
    const account = await makeAccount();
    const ip = address();
    for (let attempt = 1; attempt <= signInPolicy.maxAccountFailures; attempt += 1) {
      expect(await authorizeCredentials({ email: account.email, password: "wrong-password" }, { ip })).toBeNull();
    }
    const locked = await db.user.findUniqueOrThrow({ where: { id: account.id }, select: { lockedUntil: true } });
    const minutes = ((locked.lockedUntil?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(await authorizeCredentials({ email: account.email, password }, { ip })).toBeNull();

    const actions = (await auditActions(account.id)).map((event) => event.action);
    expect(actions.filter((action) => action === "auth.locked_out")).toHaveLength(1);
    expect(actions.filter((action) => action === "auth.sign_in_failed")).toHaveLength(6);
    const last = (await auditActions(account.id)).at(-1);
    expect(last?.after).toMatchObject({ reason: "locked" });
  });

  it("lets the account in again once the lock has expired, and starts counting afresh", async () => {
    const account = await makeAccount();
    const ip = address();
    await db.user.update({ where: { id: account.id }, data: { lockedUntil: new Date(Date.now() - 1000), failedSignInCount: 3 } });
    expect(await authorizeCredentials({ email: account.email, password }, { ip })).toMatchObject({ id: account.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: account.id }, select: { failedSignInCount: true, lockedUntil: true } })).toEqual({
      failedSignInCount: 0,
      lockedUntil: null,
    });
    expect((await auditActions(account.id)).map((event) => event.action)).toContain("auth.sign_in");
  });

  it("counts failures from concurrent requests in the database, so parallel instances cannot miss the fifth", async () => {
    const account = await makeAccount();
    const ip = address();
    await Promise.all(
      Array.from({ length: signInPolicy.maxAccountFailures }, () => authorizeCredentials({ email: account.email, password: "wrong-password" }, { ip })),
    );
    const after = await db.user.findUniqueOrThrow({ where: { id: account.id }, select: { lockedUntil: true } });
    expect(after.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it("throttles an address after too many failures, whatever the accounts, and only that address", async () => {
    const account = await makeAccount();
    const ip = address();
    for (let attempt = 0; attempt < signInPolicy.maxAddressFailures; attempt += 1) {
      await authorizeCredentials({ email: `nobody-${attempt}-${randomUUID()}@test.example`, password: "guess-guess" }, { ip });
    }
    expect(await authorizeCredentials({ email: account.email, password }, { ip })).toBeNull();
    const throttled = await db.auditEvent.findFirst({ where: { ip, action: "auth.sign_in_failed" }, orderBy: { occurredAt: "desc" }, select: { after: true } });
    expect(throttled?.after).toMatchObject({ reason: "throttled" });
    // The account itself is not locked: from another address it signs in.
    expect(await authorizeCredentials({ email: account.email, password }, { ip: address() })).toMatchObject({ id: account.id });
  });

  it("refuses a deactivated account and audits why", async () => {
    const account = await makeAccount({ active: false });
    expect(await authorizeCredentials({ email: account.email, password }, { ip: address() })).toBeNull();
    expect((await auditActions(account.id)).at(-1)?.after).toMatchObject({ reason: "inactive" });
  });

  it("audits signing out", async () => {
    const account = await makeAccount();
    await recordSignOut(account.id);
    expect((await auditActions(account.id)).map((event) => event.action)).toEqual(["auth.sign_out"]);
  });
});

describe("single sign-on account matching", () => {
  it("signs in an existing active account by e-mail, whatever its case", async () => {
    const account = await makeAccount();
    const user = await matchSsoIdentity({ sub: randomUUID(), email: account.email.toUpperCase(), email_verified: true }, { ip: address(), configuredIssuer: "https://issuer.test" });
    expect(user).toMatchObject({ id: account.id, role: "EXECUTIVE" });
    expect((await auditActions(account.id)).at(-1)).toMatchObject({ action: "auth.sign_in", after: { method: "sso" } });
  });

  it("never creates an account, and refuses deactivated ones and unverified e-mails", async () => {
    const users = await db.user.count();
    const stranger = `stranger-${randomUUID()}@test.example`;
    expect(await matchSsoIdentity({ sub: randomUUID(), email: stranger, email_verified: true }, { ip: address(), configuredIssuer: "https://issuer.test" })).toBeNull();
    expect(await db.user.count()).toBe(users);
    const inactive = await makeAccount({ active: false });
    expect(await matchSsoIdentity({ sub: randomUUID(), email: inactive.email, email_verified: true }, { ip: address(), configuredIssuer: "https://issuer.test" })).toBeNull();
    const active = await makeAccount();
    expect(await matchSsoIdentity({ sub: randomUUID(), email: active.email, email_verified: false }, { ip: address(), configuredIssuer: "https://issuer.test" })).toBeNull();
    expect(await matchSsoIdentity({}, { ip: address(), configuredIssuer: "https://issuer.test" })).toBeNull();
  });
});

describe("sign-in attempts", () => {
  it("are pruned after a day, when someone signs in", async () => {
    const account = await makeAccount();
    const old = await db.signInAttempt.create({ data: { ip: "192.0.2.99", email: account.email, succeeded: false, attemptedAt: new Date(Date.now() - 2 * 24 * 60 * 60_000) } });
    const recent = await db.signInAttempt.create({ data: { ip: "192.0.2.99", email: account.email, succeeded: false } });
    expect(await authorizeCredentials({ email: account.email, password }, { ip: address() })).toMatchObject({ id: account.id });
    expect(await db.signInAttempt.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.signInAttempt.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});
