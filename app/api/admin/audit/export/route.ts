import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { csvHeaders, toCsv } from "@/lib/format/csv";
import { auditEventsForExport, auditFiltersSchema } from "@/lib/audit/queries";
import { isLocale } from "@/lib/i18n/routing";
import { guardedRoute } from "@/lib/security/route-handler";

export const dynamic = "force-dynamic";

/** The audit log as CSV, with the page's filters, for administrators; anyone else gets a 404. */
async function handle(request: Request) {
  const user = await getCurrentUser();
  if (!can(user, "admin.manage") || !user) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const requested = url.searchParams.get("locale");
  const locale = isLocale(requested) ? requested : user.language;
  const filters = auditFiltersSchema.parse(Object.fromEntries(url.searchParams));
  const t = await getTranslations({ locale, namespace: "Audit" });
  const rows = await auditEventsForExport(user, filters);
  const csv = toCsv(
    [t("when"), t("person"), t("email"), t("action"), t("recordType"), t("recordId"), t("before"), t("after"), t("address"), t("requestId")],
    rows.map((row) => [
      row.occurredAt.toISOString(),
      row.actor?.displayName ?? "",
      row.actor?.email ?? "",
      row.action,
      row.entityType,
      row.entityId,
      row.before === null ? "" : JSON.stringify(row.before),
      row.after === null ? "" : JSON.stringify(row.after),
      row.ip ?? "",
      row.requestId ?? "",
    ]),
  );
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, { headers: csvHeaders(`${locale === "fr" ? "journal-audit" : "audit-log"}-${day}.csv`) });
}

export const GET = guardedRoute(handle);
