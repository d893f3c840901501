import { getCurrentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/**
 * How long the caller's session has left (the session-expiry dialog asks after "Continue", and when its tab comes
 * back into view, in case the person signed in again in another tab). Reading it changes nothing and extends nothing.
 */
export async function GET() {
  const user = await getCurrentUser("ownAccount");
  const headers = { "Cache-Control": "no-store" };
  if (!user) return Response.json({ signedIn: false, remainingMs: 0 }, { status: 401, headers });
  return Response.json({ signedIn: true, remainingMs: user.sessionRemainingMs ?? null }, { headers });
}
