import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { redirect } from "@/lib/i18n/navigation";
import { authOptions } from "./options";
import type { SessionUser } from "./types";

/**
 * The signed-in user, re-read from the database once per request, so a deactivated
 * account or a changed role takes effect on the very next request. Null when signed out.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      departmentId: true,
      preferredLanguage: true,
      active: true,
      department: { select: { acronymEn: true, acronymFr: true } },
    },
  });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    departmentAcronym: user.department ? { en: user.department.acronymEn, fr: user.department.acronymFr } : null,
    language: user.preferredLanguage,
  };
});

/** For portal pages: the user, or a redirect to the sign-in page of the page's language. */
export async function requireUser(locale: Locale, returnTo?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    redirect({ href: { pathname: "/sign-in", query: returnTo ? { callbackUrl: returnTo } : {} }, locale });
  }
  return user as SessionUser;
}
