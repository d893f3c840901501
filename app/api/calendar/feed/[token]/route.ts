import { calendarForFeed } from "@/lib/calendar-feeds/queries";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/**
 * A person's subscribed calendar (issue 22.5). Calendar clients carry no cookie, so the secret in the address is the
 * credential: an unknown, revoked or malformed one, or one whose person was deactivated, answers 404 — the same
 * answer for each, so the address says nothing about why. "<secret>.ics" and "<secret>" both work (some clients want
 * the extension).
 */
async function handle(_request: Request, { params }: RouteContext<"/api/calendar/feed/[token]">) {
  const { token } = await params;
  const body = await calendarForFeed(token.replace(/\.ics$/, ""));
  if (body === null) return new Response("Not found. / Introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8; method=PUBLISH",
      "Content-Disposition": 'inline; filename="iwgtip-meetings.ics"',
      // The secret is in the address: keep it out of shared caches, and out of other sites' Referer headers.
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}

export const GET = guardedRoute(handle);
