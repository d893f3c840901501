import { randomUUID } from "node:crypto";
import { getCurrentUser } from "@/lib/auth/session";
import { receiveUpload } from "@/lib/documents/transfer";
import { isLocale } from "@/lib/i18n/routing";
import { guardedRoute } from "@/lib/security/route-handler";
import { crossSiteRefusal, isCrossSiteWrite } from "@/lib/security/same-origin";

/**
 * Uploads one file as a document or a new version: the file is the request body (streamed into the store, never
 * held whole), its description the query string. Outside the proxy (which would buffer the body), so the cross-site
 * check is made here. Answers JSON: the new version, or the messages to show in the user's language.
 */
async function handle(request: Request) {
  const requestId = randomUUID();
  if (isCrossSiteWrite(request)) return crossSiteRefusal(requestId);
  const user = await getCurrentUser();
  const url = new URL(request.url);
  const requested = url.searchParams.get("locale");
  const locale = isLocale(requested) ? requested : (user?.language ?? "en");
  const query = Object.fromEntries([...url.searchParams.entries()].filter(([name]) => name !== "locale"));
  const length = request.headers.get("content-length");
  const answer = await receiveUpload({ user, query, body: request.body, contentLength: length === null ? null : Number(length), requestId, locale });
  // Too many uploads at once on this instance (DOCUMENT_UPLOADS_MAX): the browser may try again in a few seconds.
  const retry: Record<string, string> = answer.status === 503 ? { "Retry-After": "5" } : {};
  return Response.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store", "X-Request-Id": requestId, ...retry } });
}

export const POST = guardedRoute(handle);
