import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { parseInitiativeFilters } from "@/lib/initiatives";
import { exportInitiatives } from "@/lib/initiatives/queries";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import type { ExportBuild } from "../route";
import { exportTranslator } from "../translator";

/** The initiatives list as filtered in the URL, with headers in the language asked for. */
export async function initiativesExport(request: Request): Promise<ExportBuild> {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "export.read")) return new Response("Not found", { status: 404 });
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const locale = params.locale === "fr" ? "fr" : "en";
  const rows = await exportInitiatives(user, parseInitiativeFilters(params), locale);
  const [t, lifecycle, health, list] = await Promise.all([
    exportTranslator(locale, "Initiatives.csv"),
    exportTranslator(locale, "Lifecycle"),
    exportTranslator(locale, "Health"),
    exportTranslator(locale, "Initiatives"),
  ]);
  return {
    locale,
    table: {
      title: list("title"),
      filename: locale === "fr" ? "initiatives-fr" : "initiatives-en",
      columns: [
        { header: t("code"), kind: "text" },
        { header: t("title"), kind: "text" },
        { header: t("lead"), kind: "text" },
        { header: t("partners"), kind: "text" },
        { header: t("pillar"), kind: "text" },
        { header: t("status"), kind: "text" },
        { header: t("health"), kind: "text" },
        { header: t("progress"), kind: "integer" },
        { header: t("startDate"), kind: "date" },
        { header: t("targetEndDate"), kind: "date" },
        { header: t("lastUpdate"), kind: "date" },
        { header: t("needsUpdate"), kind: "text" },
      ],
      rows: rows.map((row) => [
        row.code,
        pickLocalized(locale, row.titleEn, row.titleFr)?.text ?? "",
        byLocale(locale, row.leadDepartment.acronymEn, row.leadDepartment.acronymFr),
        row.partners.map((partner) => byLocale(locale, partner.department.acronymEn, partner.department.acronymFr)).join("; "),
        byLocale(locale, row.primaryPillar.nameEn, row.primaryPillar.nameFr),
        lifecycle(row.status),
        health(row.health ?? "NONE"),
        row.progress,
        row.startDate,
        row.targetEndDate,
        row.lastUpdatedAt ? new Date(row.lastUpdatedAt.toISOString().slice(0, 10)) : null,
        row.stale ? t("yes") : t("no"),
      ]),
    },
  };
}
