import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { docxMode, docxResponse, renderDocx } from "@/lib/exports/docx";
import { decisionsDocx } from "@/lib/exports/sources/decisions";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/** The decision register as Word (`&lang=en|fr|bilingual`), guarded as its CSV twin. */
async function handle(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "export.read")) return new Response("Not found", { status: 404 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const mode = docxMode(params.lang ?? null, user.language);
  return docxResponse(await renderDocx(await decisionsDocx(user, params), mode), `iwgtip-decisions-${mode}`);
}

export const GET = guardedRoute(handle);
