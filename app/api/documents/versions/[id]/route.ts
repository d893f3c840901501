import { getCurrentUser } from "@/lib/auth/session";
import { openDownload } from "@/lib/documents/transfer";
import { guardedRoute } from "@/lib/security/route-handler";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One version of a document, streamed, as an attachment; 404 for what the user may not see. */
async function handle(request: Request, { params }: RouteContext<"/api/documents/versions/[id]">) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  const { id } = await params;
  const notFound = () => new Response("Not found.", { status: 404, headers: { "X-Content-Type-Options": "nosniff" } });
  if (!uuid.test(id)) return notFound();
  return (await openDownload(user, id, request.headers.get("x-request-id") ?? "")) ?? notFound();
}

export const GET = guardedRoute(handle);
