"use server";

import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { redirect } from "@/lib/i18n/navigation";
import { authOptions } from "./options";
import { recordSignOut } from "./sign-in";

/** next-auth's session cookie, plain or __Secure- (HTTPS), possibly split in chunks (.0, .1 …). */
const sessionCookie = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Signs out: audits it, ends the session (its server-side record, so a copy of the cookie is worthless too; and the cookie) and goes to the sign-in page of
 * the page's language. A server action rather than next-auth's client `signOut()`, so pages ship no next-auth
 * JavaScript; Next checks the request's origin, as next-auth's CSRF token would.
 */
export async function signOutAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale") === "fr" ? "fr" : "en";
  const session = await getServerSession(authOptions());
  await recordSignOut(session?.user?.id, session?.sessionId);
  const store = await cookies();
  for (const { name } of store.getAll()) {
    if (sessionCookie.test(name)) store.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  redirect({ href: { pathname: "/sign-in", query: { signedOut: "1" } }, locale });
}
