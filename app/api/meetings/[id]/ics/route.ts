import { getCurrentUser } from "@/lib/auth/session";
import { meetingToIcs } from "@/lib/meetings/ics";
import { getAgendaPackage } from "@/lib/meetings/package";
import { guardedRoute } from "@/lib/security/route-handler";

/** The meeting's calendar invitation (RFC 5545). Signed-in users only; an unknown meeting answers 404. */
async function handle(_request: Request, { params }: RouteContext<"/api/meetings/[id]/ics">) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  const { id } = await params;
  const data = await getAgendaPackage(user, id);
  if (!data) return new Response("Not found.", { status: 404 });
  const body = meetingToIcs({ ...data.meeting, agenda: data.agenda });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8; method=PUBLISH",
      "Content-Disposition": `attachment; filename="iwgtip-meeting-${data.meeting.sequenceNumber}.ics"`,
      "Cache-Control": "no-store",
    },
  });
}

export const GET = guardedRoute(handle);
