import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import type { SignedInUser, SignInContext } from "./sign-in";
import type { SessionUser } from "./types";

/** The ID token's claims that matter here (Entra ID adds `oid`, its stable object id, and `xms_edov`). */
export type SsoClaims = { iss?: unknown; sub?: unknown; oid?: unknown; email?: unknown; email_verified?: unknown; xms_edov?: unknown };

type SsoRefusal = "sso_no_subject" | "sso_no_email" | "sso_email_unverified" | "unknown_account" | "inactive" | "locked" | "sso_other_identity" | "sso_admin_not_allowed";

const claimText = (max: number) => z.string().trim().min(1).max(max);
const emailClaim = z.string().trim().toLowerCase().email().max(254);

/**
 * Single sign-on, bound to the identity rather than to an e-mail claim (issue 17, point 6):
 * - an account linked before is found by issuer + subject (Entra ID's `oid` when present, else `sub`), whatever
 *   e-mail the organisation now sends;
 * - an account is linked at its first sign-on only when the organisation vouches for the e-mail
 *   (`email_verified === true`, or Entra ID's verified-domain claim `xms_edov === true`), only if it is not linked
 *   to another subject already, and, for an administrator account, only once an administrator allowed it;
 * - deactivation and lock-out apply as they do to passwords.
 * Never creates an account. Every outcome is audited. `configuredIssuer` stands in when the token names none
 * (next-auth has already checked the token came from it).
 */
export async function matchSsoIdentity(claims: SsoClaims, context: SignInContext & { configuredIssuer: string }): Promise<SignedInUser | null> {
  const ip = context.ip.slice(0, 64);
  const issuer = claimText(300).safeParse(claims.iss ?? context.configuredIssuer);
  const subject = claimText(255).safeParse(claims.oid ?? claims.sub);
  if (!issuer.success || !subject.success) return refuse({ reason: "sso_no_subject", ip });
  const identity = { issuer: issuer.data, subject: subject.data };

  const linked = await db.ssoIdentity.findUnique({ where: { issuer_subject: identity }, select: { userId: true } });
  const email = emailClaim.safeParse(claims.email);
  const user = linked ? await findAccount({ id: linked.userId }) : email.success ? await findAccount({ email: email.data }) : null;

  if (!linked) {
    // The first link: the only time the e-mail claim counts, so it must be one the organisation vouches for.
    if (!email.success) return refuse({ reason: "sso_no_email", ip, identity });
    if (claims.email_verified !== true && claims.xms_edov !== true) return refuse({ reason: "sso_email_unverified", ip, identity, userId: user?.id, email: email.data });
    if (!user) return refuse({ reason: "unknown_account", ip, identity, email: email.data });
    if (user.ssoIdentity) return refuse({ reason: "sso_other_identity", ip, identity, userId: user.id, email: email.data });
    if (user.role === "ADMIN" && !user.ssoLinkAllowedAt) return refuse({ reason: "sso_admin_not_allowed", ip, identity, userId: user.id, email: email.data });
  }
  if (!user) return refuse({ reason: "unknown_account", ip, identity });
  if (!user.active) return refuse({ reason: "inactive", ip, identity, userId: user.id });
  if (user.lockedUntil && user.lockedUntil > new Date()) return refuse({ reason: "locked", ip, identity, userId: user.id });

  await db.$transaction(async (tx) => {
    if (!linked) {
      await tx.ssoIdentity.create({ data: { userId: user.id, ...identity } });
      await recordAudit(tx, { actorId: user.id, action: "auth.sso_linked", entityType: "user", entityId: user.id, after: identity, ip });
    }
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: "auth.sign_in", entityType: "user", entityId: user.id, after: { method: "sso" }, ip });
  });
  return { id: user.id, email: user.email, name: user.displayName, role: user.role, departmentId: user.departmentId, language: user.preferredLanguage };
}

function findAccount(where: { id: string } | { email: string }) {
  return db.user.findUnique({
    where,
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      departmentId: true,
      preferredLanguage: true,
      active: true,
      lockedUntil: true,
      ssoLinkAllowedAt: true,
      ssoIdentity: { select: { subject: true } },
    },
  });
}

async function refuse({
  reason,
  ip,
  identity,
  userId = null,
  email,
}: {
  reason: SsoRefusal;
  ip: string;
  identity?: { issuer: string; subject: string };
  userId?: string | null;
  email?: string;
}): Promise<null> {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: userId,
      action: "auth.sign_in_failed",
      entityType: "user",
      entityId: userId ?? email?.slice(0, 100) ?? "sso",
      after: { reason, method: "sso", ...(email ? { email } : {}), ...(identity ? { issuer: identity.issuer, subject: identity.subject } : {}) },
      ip,
    }),
  );
  return null;
}

/** The administrator's user page: whether the account is linked to a sign-on identity, or allowed to be. */
export async function ssoLinkStatus(viewer: SessionUser, userId: string): Promise<"linked" | "allowed" | "notAllowed"> {
  requirePermission(viewer, "admin.manage");
  const account = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { ssoLinkAllowedAt: true, ssoIdentity: { select: { userId: true } } } });
  return account.ssoIdentity ? "linked" : account.ssoLinkAllowedAt ? "allowed" : "notAllowed";
}
