import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import type { Locale } from "@/lib/i18n/routing";
import { redirect } from "@/lib/i18n/navigation";
import { loadSession } from "./load-user";
import { authOptions } from "./options";
import { sessionExpired } from "./session-length";
import type { SessionUser } from "./types";

/**
 * The signed-in user, re-read from the database once per request, so a deactivated
 * account or a changed role takes effect on the very next request. Null when signed out,
 * or when the session is older than the `sessionHours` setting allows.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const { user, sessionHours } = await loadSession(id);
  return sessionExpired(session.signedInAt, sessionHours) ? null : user;
});

/** For portal pages: the user, or a redirect to the sign-in page of the page's language. */
export async function requireUser(locale: Locale, returnTo?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    redirect({ href: { pathname: "/sign-in", query: returnTo ? { callbackUrl: returnTo } : {} }, locale });
  }
  return user as SessionUser;
}
