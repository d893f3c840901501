import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { authorizeCredentials, recordSignOut } from "@/lib/auth/sign-in";
import { delaySeconds, throttlePolicy as signInPolicy } from "@/lib/auth/throttle";
import { matchSsoIdentity } from "@/lib/auth/sso-link";
import { db } from "@/lib/db";

const password = "correct-horse-battery";
let hashed: Promise<string> | undefined;

/** A fresh account of its own for each test, so counters never leak between tests. */
async function makeAccount(data: { active?: boolean; preferredLanguage?: "en" | "fr" } = {}) {
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

/** Moves every recorded attempt on `email` back in time, as if `seconds` had passed. */
async function age(email: string, seconds: number) {
  await db.$executeRaw`UPDATE sign_in_attempts SET attempted_at = attempted_at - make_interval(secs => ${seconds}) WHERE email = ${email}::citext`;
}

const wrong = (email: string, ip: string) => authorizeCredentials({ email, password: "wrong-password" }, { ip });

async function lastFailureReason(email: string) {
  const event = await db.auditEvent.findFirst({ where: { action: "auth.sign_in_failed", after: { path: ["email"], equals: email } }, orderBy: { occurredAt: "desc" }, select: { after: true } });
  return (event?.after as { reason?: string } | null)?.reason;
}

describe("sign-in hardening (issue 17, point 2)", () => {
  it("locks an account for one address after 5 wrong passwords from it, even against the right one, and for that address only", async () => {
    const account = await makeAccount();
    const attacker = address();
    for (let attempt = 1; attempt <= signInPolicy.maxPairFailures; attempt += 1) {
      expect(await wrong(account.email, attacker)).toBeNull();
      await age(account.email, signInPolicy.maxDelaySeconds + 1); // past any slow-down, well within the window
    }
    expect(await authorizeCredentials({ email: account.email, password }, { ip: attacker })).toBeNull();
    expect(await lastFailureReason(account.email)).toBe("locked");
    // The account itself is not locked: its owner, elsewhere, signs in.
    expect(await authorizeCredentials({ email: account.email, password }, { ip: address() })).toMatchObject({ id: account.id });
    // The per-address lock did not touch the account-wide lock.
    expect(await db.user.findUniqueOrThrow({ where: { id: account.id }, select: { lockedUntil: true } })).toEqual({ lockedUntil: null });

    const actions = (await auditActions(account.id)).map((event) => event.action);
    expect(actions.filter((action) => action === "auth.locked_out")).toHaveLength(1);
    expect(actions.filter((action) => action === "auth.sign_in_failed")).toHaveLength(signInPolicy.maxPairFailures + 1);
    expect((await auditActions(account.id)).find((event) => event.action === "auth.locked_out")?.after).toMatchObject({ scope: "address", failures: 5 });
  });

  it("lets the address in again once the first of its failures is older than the window", async () => {
    const account = await makeAccount();
    const ip = address();
    for (let attempt = 1; attempt <= signInPolicy.maxPairFailures; attempt += 1) {
      await wrong(account.email, ip);
      await age(account.email, signInPolicy.maxDelaySeconds + 1);
    }
    expect(await authorizeCredentials({ email: account.email, password }, { ip })).toBeNull();
    await age(account.email, signInPolicy.windowMinutes * 60);
    expect(await authorizeCredentials({ email: account.email, password }, { ip })).toMatchObject({ id: account.id });
    expect((await auditActions(account.id)).map((event) => event.action)).toContain("auth.sign_in");
  });

  it("never lets wrong passwords from elsewhere keep the owner out of their account", async () => {
    const account = await makeAccount();
    const home = address();
    expect(await authorizeCredentials({ email: account.email, password }, { ip: home })).toMatchObject({ id: account.id });
    // Many addresses, each up to its own lock, with no pause: the account is slowed for strangers.
    for (let round = 0; round < 3; round += 1) {
      const attacker = address();
      for (let attempt = 0; attempt < signInPolicy.maxPairFailures; attempt += 1) await wrong(account.email, attacker);
    }
    expect(await authorizeCredentials({ email: account.email, password }, { ip: address() })).toBeNull();
    expect(await lastFailureReason(account.email)).toBe("slowed");
    // From the address the owner signed in from, at once.
    expect(await authorizeCredentials({ email: account.email, password }, { ip: home })).toMatchObject({ id: account.id });
  });

  it("slows down guesses on one account across addresses, with growing delays", async () => {
    expect([0, 1, 2, 3, 4, 5, 6, 8, 9, 20].map(delaySeconds)).toEqual([0, 0, 0, 1, 2, 4, 8, 32, 60, 60]);
    const account = await makeAccount();
    for (let attempt = 0; attempt < signInPolicy.slowDownAfter; attempt += 1) await wrong(account.email, address());
    // The fourth guess, from yet another address, comes too soon after the third.
    expect(await wrong(account.email, address())).toBeNull();
    expect(await lastFailureReason(account.email)).toBe("slowed");
    const checked = () => db.signInAttempt.count({ where: { email: account.email } });
    expect(await checked()).toBe(signInPolicy.slowDownAfter);
    // Once the delay has passed, one more guess is checked, and the next delay is longer.
    await age(account.email, delaySeconds(3));
    await wrong(account.email, address());
    expect(await checked()).toBe(signInPolicy.slowDownAfter + 1);
    await age(account.email, delaySeconds(3));
    await wrong(account.email, address());
    expect(await lastFailureReason(account.email)).toBe("slowed");
    await age(account.email, delaySeconds(4) - delaySeconds(3));
    await wrong(account.email, address());
    expect(await checked()).toBe(signInPolicy.slowDownAfter + 2);
  });

  it("treats an unknown account exactly like a known one", async () => {
    const nobody = `nobody-${randomUUID()}@test.example`;
    for (let attempt = 0; attempt < signInPolicy.slowDownAfter; attempt += 1) await wrong(nobody, address());
    await wrong(nobody, address());
    expect(await lastFailureReason(nobody)).toBe("slowed");
  });

  it("counts concurrent attempts one after another, so parallel instances cannot slip past a limit", async () => {
    const account = await makeAccount();
    const ip = address();
    await Promise.all(Array.from({ length: 10 }, () => wrong(account.email, ip)));
    // Three guesses reach the slow-down; every other one arrived too soon and was refused unchecked.
    expect(await db.signInAttempt.count({ where: { email: account.email } })).toBe(signInPolicy.slowDownAfter);
    const reasons = (await auditActions(account.id)).map((event) => (event.after as { reason?: string }).reason);
    expect(reasons.filter((reason) => reason === "wrong_password")).toHaveLength(signInPolicy.slowDownAfter);
    expect(reasons.filter((reason) => reason === "slowed")).toHaveLength(10 - signInPolicy.slowDownAfter);
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

  it("keeps an account-wide lock an administrator set", async () => {
    const account = await makeAccount();
    await db.user.update({ where: { id: account.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    expect(await authorizeCredentials({ email: account.email, password }, { ip: address() })).toBeNull();
    expect((await auditActions(account.id)).at(-1)?.after).toMatchObject({ reason: "locked" });
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

describe("an account under attack (issue 17, point 2)", () => {
  it("tells its owner, in their language first, and every administrator, once for the whole attack", async () => {
    const account = await makeAccount({ preferredLanguage: "fr" });
    for (let attempt = 0; attempt < signInPolicy.attackFailures + 3; attempt += 1) {
      await wrong(account.email, address());
      await age(account.email, signInPolicy.maxDelaySeconds + 1);
    }
    const messages = await db.outboundMessage.findMany({ where: { dedupeKey: { startsWith: `sign-in.under-attack:${account.id}:` } }, select: { toAddress: true, subject: true, textBody: true, htmlBody: true, kind: true } });
    const admins = await db.user.findMany({ where: { role: "ADMIN", active: true }, select: { email: true } });
    expect(messages.map((message) => message.toAddress).sort()).toEqual([account.email, ...admins.map((admin) => admin.email)].sort());

    const owner = messages.find((message) => message.toAddress === account.email)!;
    expect(owner.subject).toBe("Tentatives de connexion échouées à votre compte / Failed sign-in attempts on your account");
    expect(owner.textBody.indexOf("Au cours des 15 dernières minutes, 10 tentatives de connexion")).toBeGreaterThanOrEqual(0);
    expect(owner.textBody.indexOf("Au cours des")).toBeLessThan(owner.textBody.indexOf("In the last 15 minutes, 10 attempts"));
    expect(owner.textBody).toContain("from 10 network addresses");
    expect(owner.htmlBody).toContain('<div lang="fr">');

    const admin = messages.find((message) => message.toAddress === "admin@iwgtip.example")!;
    expect(admin.subject).toBe(`Account under attack: ${account.email} / Compte attaqué\u00a0: ${account.email}`);
    expect(admin.textBody).toContain("Sign-in Test");
    expect(admin.textBody).toContain("/en/admin/audit?action=auth.sign_in_failed");

    const attacks = (await auditActions(account.id)).filter((event) => event.action === "auth.under_attack");
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.after).toMatchObject({ failures: signInPolicy.attackFailures, addresses: 10 });
  });

  it("does not call a few mistakes an attack", async () => {
    const account = await makeAccount();
    for (let attempt = 0; attempt < signInPolicy.maxPairFailures; attempt += 1) {
      await wrong(account.email, "192.0.2.44");
      await age(account.email, signInPolicy.maxDelaySeconds + 1);
    }
    expect(await db.outboundMessage.count({ where: { dedupeKey: { startsWith: `sign-in.under-attack:${account.id}:` } } })).toBe(0);
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
