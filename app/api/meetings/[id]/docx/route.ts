import { getCurrentUser } from "@/lib/auth/session";
import { docxMode, docxResponse, renderDocx } from "@/lib/exports/docx";
import { isMeetingDocument, meetingDocx } from "@/lib/exports/sources/meeting-documents";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/**
 * A meeting's Word document: `?doc=agenda|package|decisions|minutes&lang=en|fr|bilingual` (the user's language by
 * default). Signed in, like the PDF; the minutes for those who may manage meetings, as on the record page.
 */
async function handle(request: Request, { params }: RouteContext<"/api/meetings/[id]/docx">) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  const search = new URL(request.url).searchParams;
  const document = search.get("doc") ?? "package";
  if (!isMeetingDocument(document)) return new Response("Not found.", { status: 404 });
  const mode = docxMode(search.get("lang"), user.language);
  const result = await meetingDocx(user, (await params).id, document);
  if (result === "not-found") return new Response("Not found.", { status: 404 });
  return docxResponse(await renderDocx(result.spec, mode), `${result.filename}-${mode}`);
}

export const GET = guardedRoute(handle);
