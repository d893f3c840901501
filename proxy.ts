import createIntlMiddleware from "next-intl/middleware";
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { isLocale, routing } from "@/lib/i18n/routing";
import { createNonce, pageContentSecurityPolicy } from "@/lib/security/headers";

const intl = createIntlMiddleware(routing);

/** Pages a signed-out visitor may open. */
const publicPages = new Set(["sign-in"]);

const requestIdPattern = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * Runs before every page. Redirects only, never the access control (the portal layout and
 * the data layer decide): `/` to the browser's language, and a signed-out visitor to the
 * sign-in page of the page's language with the page to come back to. It also gives each
 * request its CSP nonce and a request id that logs and audit events carry.
 */
export async function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const upstreamId = request.headers.get("x-request-id");
  const requestId = upstreamId && requestIdPattern.test(upstreamId) ? upstreamId : crypto.randomUUID();
  // Next reads the nonce from the request's CSP header and puts it on its own scripts;
  // next-intl forwards these request headers to the page.
  request.headers.set("content-security-policy", policy);
  request.headers.set("x-nonce", nonce);
  request.headers.set("x-request-id", requestId);

  const response = (await redirectSignedOut(request)) ?? intl(request);
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

async function redirectSignedOut(request: NextRequest): Promise<NextResponse | null> {
  const [, first, second = ""] = request.nextUrl.pathname.split("/");
  if (!isLocale(first) || publicPages.has(second)) return null;
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET }).catch(() => null);
  if (token) return null;
  const signIn = new URL(`/${first}/sign-in`, request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
