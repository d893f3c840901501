import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { guardedRoute } from "@/lib/security/route-handler";
import { exportXliff } from "@/lib/translation";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/**
 * The selected texts of the translation queue as XLIFF 1.2 (`?keys=kind:id:field&keys=…`, at most 200), for the
 * translation service's CAT tool. The coordinator's (translation.manage); others get 404, as the queue itself.
 */
async function handle(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in / Connectez-vous", { status: 401, headers: noStore });
  if (!can(user, "translation.manage")) return new Response("Not found / Introuvable", { status: 404, headers: noStore });
  const keys = new URL(request.url).searchParams.getAll("keys").slice(0, 200);
  const xliff = await exportXliff(user, keys);
  if (!xliff) return new Response("Select at least one text. / Choisissez au moins un texte.", { status: 400, headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" } });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(xliff, {
    headers: { ...noStore, "Content-Type": "application/x-xliff+xml; charset=utf-8", "Content-Disposition": `attachment; filename="iwgtip-translation-${stamp}.xlf"` },
  });
}

export const GET = guardedRoute(handle);
