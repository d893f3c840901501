import { getCurrentUser } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/routing";
import { guardedRoute } from "@/lib/security/route-handler";
import { importXliff, MAX_XLIFF_BYTES } from "@/lib/translation";

export const dynamic = "force-dynamic";

/** The multipart envelope around the file: boundaries, headers, the locale field. */
const MULTIPART_ALLOWANCE = 16 * 1024;

/**
 * The translated XLIFF file of the queue page's import form (multipart, field `file`), read in one transaction by
 * the command translation.import; answers 303 to the queue page with the import report, or with the reason the
 * file was refused (nothing changed). A route handler, not a server action: a file may be up to 10 MB. Cross-site
 * posts are refused by the proxy before this runs.
 */
async function handle(request: Request) {
  const user = await getCurrentUser();
  const requested = new URL(request.url).searchParams.get("locale");
  const locale = isLocale(requested) ? requested : "en";
  const back = (query: Record<string, string>) =>
    new Response(null, { status: 303, headers: { Location: `/${locale}/translation?${new URLSearchParams(query).toString()}`, "Cache-Control": "no-store" } });
  if (!user) return new Response(null, { status: 303, headers: { Location: `/${locale}/sign-in` } });
  // The proxy buffers at most 10 MB of a body and passes on only that much: a larger upload is refused by its
  // declared length before its truncated body is read (the form's own fields are a few hundred bytes).
  if (Number(request.headers.get("content-length") ?? 0) > MAX_XLIFF_BYTES + MULTIPART_ALLOWANCE) return back({ importError: "xliffTooLarge" });
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!file || typeof file === "string" || file.size === 0) return back({ importError: "required" });
  if (file.size > MAX_XLIFF_BYTES) return back({ importError: "xliffTooLarge" });
  const result = await importXliff(user, { file: await file.text() }, { requestId: request.headers.get("x-request-id") ?? undefined });
  if (result.ok) return back({ report: result.data.reportId });
  if (result.code === "invalid") return back({ importError: result.fieldErrors.file?.[0]?.key ?? "invalid" });
  if (result.code === "forbidden" || result.code === "not_found") return new Response("Not found / Introuvable", { status: 404 });
  return back({ importError: "invalid" });
}

export const POST = guardedRoute(handle);
