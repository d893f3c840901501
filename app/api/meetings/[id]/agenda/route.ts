import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { getAgendaBuilderData } from "@/lib/agenda/queries";
import { listAgendaSuggestionsWithResults } from "@/lib/agenda/suggestions";
import { guardedRoute } from "@/lib/security/route-handler";

/** The agenda builder's data (items and suggestions), for coordinators and admins; others get 404. */
async function handle(_request: Request, { params }: RouteContext<"/api/meetings/[id]/agenda">) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  const { id } = await params;
  if (!can(user, "meeting.manage")) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const [agenda, suggestions] = await Promise.all([getAgendaBuilderData(user, id), listAgendaSuggestionsWithResults(user, id)]);
  if (!agenda) return NextResponse.json({ error: "not_found" }, { status: 404 });
  return NextResponse.json({ agenda, suggestions }, { headers: { "Cache-Control": "no-store" } });
}

export const GET = guardedRoute(handle);
