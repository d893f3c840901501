import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { getFundingRollup } from "@/lib/funding/queries";
import { fiscalYearLabel } from "@/lib/format/numbers";
import { byLocale } from "@/lib/i18n/localized";
import type { ExportBuild } from "../route";
import { exportTranslator } from "../translator";

/** The funding roll-up (fiscal year × pillar × lead department, with subtotals) as the funding page shows it. */
export async function fundingExport(request: Request): Promise<ExportBuild> {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "export.read")) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const locale = url.searchParams.get("locale") === "fr" ? "fr" : "en";
  const year = Number(url.searchParams.get("fy"));
  const rows = await getFundingRollup(user, { fiscalYear: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined });
  const t = await exportTranslator(locale, "Funding");
  return {
    locale,
    table: {
      title: t("title"),
      filename: locale === "fr" ? "financement" : "funding",
      columns: [
        { header: t("fiscalYear"), kind: "text" },
        { header: t("pillar"), kind: "text" },
        { header: t("department"), kind: "text" },
        { header: t("initiatives"), kind: "integer" },
        { header: t("allocated"), kind: "money" },
        { header: t("spent"), kind: "money" },
      ],
      rows: rows.map((row) => {
        const pillar = byLocale(locale, row.pillarEn, row.pillarFr) ?? "";
        return [
          fiscalYearLabel(row.fiscalYear, locale),
          row.level === "year" ? t("yearTotal", { year: fiscalYearLabel(row.fiscalYear, locale) }) : pillar,
          row.level === "detail" ? byLocale(locale, row.departmentAcronymEn, row.departmentAcronymFr) : row.level === "pillar" ? t("pillarTotal", { pillar }) : "",
          row.initiatives,
          row.allocatedCents,
          row.spentCents,
        ];
      }),
    },
  };
}
