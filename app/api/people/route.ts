import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { holdsPermission } from "@/lib/authz/permissions";
import { searchPeople } from "@/lib/discussion/queries";
import { guardedRoute } from "@/lib/security/route-handler";

const noStore = { "Cache-Control": "no-store" };

/**
 * The mention type-ahead: `?q=…` answers at most 20 active people (`{ choices: [{ id: address, label }], more }`),
 * for those who may comment. Signed out: 401; others: 404.
 */
async function handle(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401, headers: noStore });
  if (!holdsPermission(user, "discussion.write")) return NextResponse.json({ error: "not_found" }, { status: 404, headers: noStore });
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  return NextResponse.json(await searchPeople(user, q), { headers: noStore });
}

export const GET = guardedRoute(handle);
