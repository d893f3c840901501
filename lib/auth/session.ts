import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import type { Locale } from "@/lib/i18n/routing";
import { redirect } from "@/lib/i18n/navigation";
import { mayReach, type Reach } from "./account-gate";
import { loadSession } from "./load-user";
import { authOptions } from "./options";
import { sessionRemainingMs } from "./session-extension";
import { sessionExpired } from "./session-length";
import type { SessionUser } from "./types";

/**
 * The signed-in user, re-read from the database once per request, so a deactivated account, a changed role or an
 * ended session takes effect on the very next request. Null when signed out, when the session was ended, or when
 * it is older than the `sessionHours` setting allows.
 */
const getSignedInUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id || !session.sessionId) return null;
  const { user, sessionHours } = await loadSession(id, session.sessionId);
  if (!user || sessionExpired(session.signedInAt, sessionHours)) return null;
  const remainingMs = sessionRemainingMs(session.signedInAt, sessionHours);
  return { ...user, sessionId: session.sessionId, ...(remainingMs === null ? {} : { sessionRemainingMs: remainingMs }) };
});

/**
 * The signed-in user, for what the request is for (lib/auth/account-gate.ts): by default the portal, which someone
 * holding a one-time password does not reach (null: route handlers answer 401, read-only actions nothing). Only
 * the profile page, the shell around it and the command pipeline (whose registry applies the same rule per
 * command) ask for "ownAccount".
 */
export async function getCurrentUser(reach: Reach = "portal"): Promise<SessionUser | null> {
  const user = await getSignedInUser();
  return user && mayReach(user, reach) ? user : null;
}

/** For portal pages: the user, or a redirect to the sign-in page of the page's language. */
export async function requireUser(locale: Locale, returnTo?: string): Promise<SessionUser> {
  const user = await getCurrentUser("ownAccount");
  if (!user) {
    redirect({ href: { pathname: "/sign-in", query: returnTo ? { callbackUrl: returnTo } : {} }, locale });
  }
  return user as SessionUser;
}
