/**
 * Cross-site request refusal, for every request the proxy sees (pages, server actions, route handlers).
 * Pure, so it is unit-tested; proxy.ts applies it before anything runs.
 */

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

type RequestLike = { method: string; headers: Headers };

/**
 * True when a request that may change something comes from another origin. Browsers mark every request with
 * `Sec-Fetch-Site` and every cross-origin POST with `Origin`; either one naming another site refuses it, and an
 * `Origin` of "null" (sandboxed frames, privacy redirects) too. A request with neither comes from no browser
 * page, so no one's session can be ridden with it. Reads never change anything, so they pass.
 */
export function isCrossSiteWrite(request: RequestLike): boolean {
  if (safeMethods.has(request.method.toUpperCase())) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  // Behind a reverse proxy the public host is in X-Forwarded-Host (as Next's own server-action check reads it).
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (!host) return true;
  try {
    return new URL(origin).host.toLowerCase() !== host.toLowerCase();
  } catch {
    return true;
  }
}

/** What a refused cross-site request gets: 403, in both languages (the page's language is not trusted here). */
export function crossSiteRefusal(requestId: string): Response {
  const body = [
    "This request came from another site and was refused. Nothing was changed.",
    "Cette requête provenait d'un autre site et a été refusée. Rien n'a été modifié.",
    `Reference / Référence : ${requestId}`,
  ].join("\n");
  return new Response(body, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Request-Id": requestId } });
}
