import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { matchSsoIdentity, type SsoClaims } from "@/lib/auth/sso-link";
import { db } from "@/lib/db";
import { allowSsoLink } from "@/lib/users/commands";
import { sessionUser } from "../../support/database";
import { makeAccount } from "./support";

/* Issue 17, point 6: single sign-on is bound to issuer + subject, linked once on a verified e-mail. */
const iss = "https://sign-on.test.example";
const context = { ip: "192.0.2.80", configuredIssuer: iss };
const signOn = (claims: SsoClaims) => matchSsoIdentity({ iss, ...claims }, context);

async function lastRefusal(entityId: string) {
  const event = await db.auditEvent.findFirst({ where: { entityId, action: "auth.sign_in_failed" }, orderBy: { occurredAt: "desc" }, select: { after: true } });
  return (event?.after as { reason?: string } | null)?.reason;
}

describe("single sign-on bound to the identity", () => {
  it("links at the first verified sign-on, then matches on the subject even when the e-mail changed", async () => {
    const account = await makeAccount();
    const sub = randomUUID();
    expect(await signOn({ sub, email: account.email, email_verified: true })).toMatchObject({ id: account.id });
    expect(await db.ssoIdentity.findUnique({ where: { userId: account.id } })).toMatchObject({ issuer: iss, subject: sub });
    // The organisation now sends another address (renamed, or someone else's): the subject decides.
    expect(await signOn({ sub, email: "someone.else@elsewhere.example", email_verified: true })).toMatchObject({ id: account.id });
    expect(await signOn({ sub, email_verified: false })).toMatchObject({ id: account.id });
    expect(await db.auditEvent.count({ where: { entityId: account.id, action: "auth.sso_linked" } })).toBe(1);
  });

  it("refuses the first link on an unverified e-mail, and links nothing", async () => {
    const account = await makeAccount();
    expect(await signOn({ sub: randomUUID(), email: account.email, email_verified: false })).toBeNull();
    expect(await signOn({ sub: randomUUID(), email: account.email })).toBeNull();
    expect(await signOn({ sub: randomUUID(), email: account.email, email_verified: "true" })).toBeNull();
    expect(await lastRefusal(account.id)).toBe("sso_email_unverified");
    expect(await db.ssoIdentity.findUnique({ where: { userId: account.id } })).toBeNull();
    // Entra ID's verified-domain claim vouches as well; its oid is the subject.
    const oid = randomUUID();
    expect(await signOn({ sub: "pairwise-sub", oid, email: account.email, xms_edov: true })).toMatchObject({ id: account.id });
    expect(await db.ssoIdentity.findUnique({ where: { userId: account.id } })).toMatchObject({ subject: oid });
  });

  it("refuses a second subject claiming the e-mail of a linked account", async () => {
    const account = await makeAccount();
    expect(await signOn({ sub: randomUUID(), email: account.email, email_verified: true })).toMatchObject({ id: account.id });
    expect(await signOn({ sub: randomUUID(), email: account.email, email_verified: true })).toBeNull();
    expect(await lastRefusal(account.id)).toBe("sso_other_identity");
    // The same subject from another issuer is another identity too.
    const { subject } = await db.ssoIdentity.findUniqueOrThrow({ where: { userId: account.id } });
    expect(await matchSsoIdentity({ iss: "https://other.example", sub: subject, email: account.email, email_verified: true }, context)).toBeNull();
  });

  it("applies deactivation and lock-out to single sign-on", async () => {
    const account = await makeAccount();
    const sub = randomUUID();
    expect(await signOn({ sub, email: account.email, email_verified: true })).toMatchObject({ id: account.id });
    await db.user.update({ where: { id: account.id }, data: { lockedUntil: new Date(Date.now() + 10 * 60_000) } });
    expect(await signOn({ sub })).toBeNull();
    expect(await lastRefusal(account.id)).toBe("locked");
    await db.user.update({ where: { id: account.id }, data: { lockedUntil: null, active: false } });
    expect(await signOn({ sub })).toBeNull();
    expect(await lastRefusal(account.id)).toBe("inactive");
  });

  it("signs an administrator account in by sign-on only once an administrator allowed the link", async () => {
    const admin = await sessionUser("admin@iwgtip.example");
    const account = await makeAccount({ role: "ADMIN" });
    const sub = randomUUID();
    expect(await signOn({ sub, email: account.email, email_verified: true })).toBeNull();
    expect(await lastRefusal(account.id)).toBe("sso_admin_not_allowed");
    expect(await allowSsoLink(admin, { id: account.id })).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { entityId: account.id, action: "user.allow_sso_link" } })).toBe(1);
    expect(await signOn({ sub, email: account.email, email_verified: true })).toMatchObject({ id: account.id, role: "ADMIN" });
  });
});
