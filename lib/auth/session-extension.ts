import "server-only";
import type { JWT } from "next-auth/jwt";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { loadSession } from "./load-user";
import { sessionExpired } from "./session-length";

/** What the session-expiry dialog sends with next-auth's session update (POST /api/auth/session). */
export type SessionUpdateRequest = { extend?: unknown };

/**
 * "Continue my session" (WCAG 2.2.1, Timing Adjustable): counts the `sessionHours` setting again from now, for a
 * session that is still open, whose person is still active, and that has not ended yet. A session that has ended,
 * for whatever reason, is never revived here: its person signs in again. Each extension is an audit event, so a
 * review of a session's life sees every time it was carried on.
 *
 * Runs in next-auth's jwt callback (trigger "update"), which re-issues the cookie with the token returned.
 */
export async function extendSession(token: JWT, request: SessionUpdateRequest | undefined, now = Date.now()): Promise<JWT> {
  if (request?.extend !== true || !token.uid || !token.sid) return token;
  const { user, sessionHours } = await loadSession(token.uid, token.sid);
  if (!user || sessionExpired(token.signedInAt, sessionHours, now)) return token;
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actorId: token.uid,
      action: "auth.session_extended",
      entityType: "auth_session",
      entityId: token.sid as string,
      before: token.signedInAt === undefined ? null : { countedFrom: new Date(token.signedInAt).toISOString() },
      after: { countedFrom: new Date(now).toISOString(), sessionHours },
    });
  });
  return { ...token, signedInAt: now };
}

/**
 * How long the session has left, in milliseconds (never negative), or null for a session with no recorded start
 * (only the cookie's lifetime ends it). The browser is told a duration, not a time of day, so a clock that is wrong
 * on the person's computer does not move the warning.
 */
export function sessionRemainingMs(signedInAt: number | undefined, sessionHours: number, now = Date.now()): number | null {
  if (signedInAt === undefined) return null;
  return Math.max(0, signedInAt + sessionHours * 60 * 60 * 1000 - now);
}
