import createIntlMiddleware from "next-intl/middleware";
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { badAddressPath, hasMalformedEncoding, malformedPathHeader } from "@/lib/http/malformed-path";
import { isLocale, routing } from "@/lib/i18n/routing";
import { createNonce, nonPageContentSecurityPolicy, pageContentSecurityPolicy } from "@/lib/security/headers";
import { peerOf } from "@/lib/security/peer-guard";
import { crossSiteRefusal, isCrossSiteWrite } from "@/lib/security/same-origin";

const intl = createIntlMiddleware(routing);

/** Pages a signed-out visitor may open. */
const publicPages = new Set(["sign-in", "privacy", "accessibility", "terms"]);

const requestIdPattern = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * Runs before every page, server action and route handler. It gives each request an id that logs, audit
 * events and error pages carry, refuses a state-changing request from another site (one place for all of
 * them), and for pages only: a CSP nonce, and redirects (never the access control: the portal layout and the
 * data layer decide): `/` to the browser's language, a signed-out visitor to the sign-in page of the page's
 * language with the page to come back to.
 */
export async function proxy(request: NextRequest) {
  // A request id chosen upstream is kept only when a trusted proxy sent it (lib/security/peer-guard.ts).
  const upstreamId = peerOf(request.headers) === "trusted" ? request.headers.get("x-request-id") : null;
  const requestId = upstreamId && requestIdPattern.test(upstreamId) ? upstreamId : crypto.randomUUID();
  request.headers.set("x-request-id", requestId);

  if (isCrossSiteWrite(request)) {
    console.warn(
      JSON.stringify({ level: "warn", time: new Date().toISOString(), msg: "cross-site request refused", requestId, method: request.method, path: request.nextUrl.pathname, origin: request.headers.get("origin"), fetchSite: request.headers.get("sec-fetch-site") }),
    );
    const refusal = crossSiteRefusal(requestId);
    refusal.headers.set("Content-Security-Policy", nonPageContentSecurityPolicy);
    return refusal;
  }

  if (isNonPage(request.nextUrl.pathname)) {
    if (hasMalformedEncoding(request.nextUrl.pathname)) {
      const refusal = NextResponse.json({ error: "bad_request", requestId }, { status: 400 });
      refusal.headers.set("Content-Security-Policy", nonPageContentSecurityPolicy);
      refusal.headers.set("X-Request-Id", requestId);
      return refusal;
    }
    const response = NextResponse.next({ request: { headers: request.headers } });
    response.headers.set("X-Request-Id", requestId);
    return response;
  }

  const nonce = createNonce();
  const policy = pageContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  // Next reads the nonce from the request's CSP header and puts it on its own scripts;
  // next-intl forwards these request headers to the page.
  request.headers.set("content-security-policy", policy);
  request.headers.set("x-nonce", nonce);
  // The page's own path, for the "Report a problem on this page" form of the footer (server components have no URL).
  request.headers.set("x-portal-path", (request.nextUrl.pathname + request.nextUrl.search).slice(0, 500));

  // Before the sign-in redirect and next-intl: both would carry the broken path on, and Next answers it with a bare
  // 500. The page says why, in the path's language, with the request id; signed in or not.
  if (hasMalformedEncoding(request.nextUrl.pathname)) {
    const target = badAddressPath(request.nextUrl.pathname, isLocale);
    request.headers.set(malformedPathHeader, "1");
    // What next-intl's middleware would have told the page: its language (the shell's texts read it).
    request.headers.set("X-NEXT-INTL-LOCALE", target.split("/")[1]!);
    const response = NextResponse.rewrite(new URL(target, request.url), { status: 400, request: { headers: request.headers } });
    response.headers.set("Content-Security-Policy", policy);
    response.headers.set("X-Request-Id", requestId);
    return response;
  }

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

/**
 * Route handlers and Next's own endpoints other than the static files (the development server's live reload, its
 * error overlay): they get the request id and the cross-site check, but no page treatment (no language redirect).
 */
function isNonPage(pathname: string): boolean {
  return pathname.startsWith("/api/") || pathname.startsWith("/_next/") || pathname.startsWith("/__nextjs");
}

export const config = {
  // Every request but the static files themselves: the build's hashed assets (scripts, styles, the self-hosted
  // fonts), optimised images and the favicon (the portal has no public/ folder). A path with a dot in it is a page
  // or a route handler like any other, and gets the CSP, the request id and the cross-site check.
  // The document upload too (issue 20): the proxy would buffer its body in memory (and cut it at 10 MB); its route
  // handler makes the cross-site check and takes a request id itself.
  matcher: ["/((?!_next/static/|_next/image(?:/|$)|favicon\\.ico$|api/documents/upload$).*)"],
};
