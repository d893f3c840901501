import createIntlMiddleware from "next-intl/middleware";
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { isLocale, routing } from "@/lib/i18n/routing";

const intl = createIntlMiddleware(routing);

/** Pages a signed-out visitor may open. */
const publicPages = new Set(["sign-in"]);

/**
 * Redirects only, never the access control (the portal layout and the data layer decide):
 * `/` to the browser's language, and a signed-out visitor to the sign-in page of the
 * page's language with the page to come back to.
 */
export async function proxy(request: NextRequest) {
  const [, first, second = ""] = request.nextUrl.pathname.split("/");
  if (isLocale(first) && !publicPages.has(second)) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET }).catch(() => null);
    if (!token) {
      const signIn = new URL(`/${first}/sign-in`, request.url);
      signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
      return NextResponse.redirect(signIn);
    }
  }
  return intl(request);
}

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
