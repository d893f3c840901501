import "server-only";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { holdsPermission, type Permission } from "@/lib/authz/permissions";
import { redirect } from "@/lib/i18n/navigation";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { mayReach, reachOf } from "./account-gate";
import { requireUser } from "./session";
import type { SessionUser } from "./types";

/**
 * The first lines of every portal page: a valid locale, a signed-in user, and the
 * permission to open the page. A page the user may not open answers 404, like a
 * page that does not exist. Someone holding a one-time password is sent to their profile to
 * choose their own before anything else.
 */
export async function guardPage(params: Promise<{ locale: string }>, permission: Permission): Promise<{ locale: Locale; user: SessionUser }> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (!mayReach(user, reachOf(permission))) redirect({ href: "/profile", locale });
  // Whether this person may do it anywhere; the page then asks about its record (can with the record).
  if (!holdsPermission(user, permission)) notFound();
  return { locale, user };
}
