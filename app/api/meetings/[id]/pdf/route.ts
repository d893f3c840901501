import { getCurrentUser } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/routing";
import { getAgendaPackage } from "@/lib/meetings/package";
import { packageLabels } from "@/lib/meetings/package-labels";
import { renderAgendaPackagePdf } from "@/lib/meetings/pdf";
import { guardedRoute } from "@/lib/security/route-handler";

/** The agenda package as a PDF, in the language of `?locale=` (en by default). Signed-in users only. */
async function handle(request: Request, { params }: RouteContext<"/api/meetings/[id]/pdf">) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  const { id } = await params;
  const requested = new URL(request.url).searchParams.get("locale");
  const locale = isLocale(requested) ? requested : user.language;
  const data = await getAgendaPackage(user, id);
  if (!data) return new Response("Not found.", { status: 404 });
  const pdf = await renderAgendaPackagePdf(data, locale, await packageLabels(data, locale));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="iwgtip-agenda-${data.meeting.sequenceNumber}-${locale}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}

export const GET = guardedRoute(handle);
