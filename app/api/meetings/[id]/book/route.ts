import { getCurrentUser } from "@/lib/auth/session";
import { boardBookStream } from "@/lib/documents/board-book-cache";
import { isLocale } from "@/lib/i18n/routing";
import { guardedRoute } from "@/lib/security/route-handler";

/** The board book: the agenda package PDF with the PDF papers bound in agenda order, bookmarked (cached). Signed-in users only. */
async function handle(request: Request, { params }: RouteContext<"/api/meetings/[id]/book">) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  const { id } = await params;
  const url = new URL(request.url);
  const requested = url.searchParams.get("locale");
  const locale = isLocale(requested) ? requested : user.language;
  const pdf = await boardBookStream(user, id, locale, url.origin);
  if (!pdf) return new Response("Not found.", { status: 404 });
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="iwgtip-board-book-${locale}.pdf"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}

export const GET = guardedRoute(handle);
