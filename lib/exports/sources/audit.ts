import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { auditEventsForExport, auditFiltersSchema } from "@/lib/audit/queries";
import { isLocale } from "@/lib/i18n/routing";
import type { ExportBuild } from "../route";
import { exportTranslator } from "../translator";

/** The audit log with the page's filters, for administrators; anyone else gets a 404. */
export async function auditExport(request: Request): Promise<ExportBuild> {
  const user = await getCurrentUser();
  if (!can(user, "admin.manage") || !user) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const requested = url.searchParams.get("locale");
  const locale = isLocale(requested) ? requested : user.language;
  const filters = auditFiltersSchema.parse(Object.fromEntries(url.searchParams));
  const t = await exportTranslator(locale, "Audit");
  const rows = await auditEventsForExport(user, filters);
  const day = new Date().toISOString().slice(0, 10);
  return {
    locale,
    table: {
      title: t("title"),
      filename: `${locale === "fr" ? "journal-audit" : "audit-log"}-${day}`,
      columns: [
        { header: t("when"), kind: "dateTime" },
        { header: t("person"), kind: "text" },
        { header: t("email"), kind: "text" },
        { header: t("action"), kind: "text" },
        { header: t("recordType"), kind: "text" },
        { header: t("recordId"), kind: "text" },
        { header: t("before"), kind: "text" },
        { header: t("after"), kind: "text" },
        { header: t("address"), kind: "text" },
        { header: t("requestId"), kind: "text" },
      ],
      rows: rows.map((row) => [
        row.occurredAt,
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
    },
  };
}
