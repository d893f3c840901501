import { NextResponse } from "next/server";
import { createTranslator } from "next-intl";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { linkSearchSchema, searchAgendaLinks } from "@/lib/agenda/link-search";
import { isLocale } from "@/lib/i18n/routing";
import { guardedRoute } from "@/lib/security/route-handler";

const noStore = { "Cache-Control": "no-store" };

/**
 * The agenda proposal form's initiative type-ahead (issue 22.3): `?q=…&locale=en|fr` answers at most 20 active
 * initiatives labelled in that language, with the agenda builder's search. For those who may propose; others 404.
 */
async function handle(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401, headers: noStore });
  if (!can(user, "agenda.propose")) return NextResponse.json({ error: "not_found" }, { status: 404, headers: noStore });
  const params = new URL(request.url).searchParams;
  const requested = params.get("locale") ?? "en";
  const locale = isLocale(requested) ? requested : "en";
  const parsed = linkSearchSchema.safeParse({ kind: "initiative", q: params.get("q") ?? "" });
  if (!parsed.success) {
    const messages = (await import(`../../../../messages/${locale}.json`)).default;
    const t = createTranslator({ locale, messages, namespace: "Agenda" });
    return NextResponse.json({ error: "invalid", message: t("searchInvalid") }, { status: 400, headers: noStore });
  }
  return NextResponse.json(await searchAgendaLinks("initiative", parsed.data.q, locale), { headers: noStore });
}

export const GET = guardedRoute(handle);
