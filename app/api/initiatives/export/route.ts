import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { formatIsoDate } from "@/lib/format/numbers";
import { csvHeaders, toCsv } from "@/lib/format/csv";
import { parseInitiativeFilters } from "@/lib/initiatives/filters";
import { exportInitiatives } from "@/lib/initiatives/queries";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { guardedRoute } from "@/lib/security/route-handler";

/** The initiatives list as filtered in the URL, as CSV, with headers in the language asked for. */
async function handle(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "export.read")) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const params = Object.fromEntries(url.searchParams.entries());
  const locale = params.locale === "fr" ? "fr" : "en";
  const rows = await exportInitiatives(user, parseInitiativeFilters(params), locale);
  const t = await getTranslations({ locale, namespace: "Initiatives.csv" });
  const lifecycle = await getTranslations({ locale, namespace: "Lifecycle" });
  const health = await getTranslations({ locale, namespace: "Health" });
  const csv = toCsv(
    [t("code"), t("title"), t("lead"), t("partners"), t("pillar"), t("status"), t("health"), t("progress"), t("startDate"), t("targetEndDate"), t("lastUpdate"), t("needsUpdate")],
    rows.map((row) => [
      row.code,
      pickLocalized(locale, row.titleEn, row.titleFr)?.text ?? "",
      byLocale(locale, row.leadDepartment.acronymEn, row.leadDepartment.acronymFr),
      row.partners.map((partner) => byLocale(locale, partner.department.acronymEn, partner.department.acronymFr)).join("; "),
      byLocale(locale, row.primaryPillar.nameEn, row.primaryPillar.nameFr),
      lifecycle(row.status),
      health(row.health ?? "NONE"),
      row.progress,
      row.startDate ? formatIsoDate(row.startDate) : "",
      row.targetEndDate ? formatIsoDate(row.targetEndDate) : "",
      row.lastUpdatedAt ? formatIsoDate(row.lastUpdatedAt) : "",
      row.stale ? t("yes") : t("no"),
    ]),
  );
  return new Response(csv, { headers: csvHeaders(locale === "fr" ? "initiatives-fr.csv" : "initiatives-en.csv") });
}

export const GET = guardedRoute(handle);
