import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { getFundingRollup } from "@/lib/funding/queries";
import { fiscalYearLabel } from "@/lib/format/numbers";
import { csvHeaders, toCsv } from "@/lib/format/csv";
import { byLocale } from "@/lib/i18n/localized";
import { guardedRoute } from "@/lib/security/route-handler";

/** The funding roll-up (fiscal year × pillar × lead department, with subtotals) as CSV; amounts in dollars. */
async function handle(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "export.read")) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const locale = url.searchParams.get("locale") === "fr" ? "fr" : "en";
  const year = Number(url.searchParams.get("fy"));
  const rows = await getFundingRollup(user, { fiscalYear: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined });
  const t = await getTranslations({ locale, namespace: "Funding" });
  const dollars = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
  const csv = toCsv(
    [t("fiscalYear"), t("pillar"), t("department"), t("initiatives"), t("allocated"), t("spent")],
    rows.map((row) => [
      fiscalYearLabel(row.fiscalYear, locale),
      row.level === "year" ? t("yearTotal", { year: fiscalYearLabel(row.fiscalYear, locale) }) : byLocale(locale, row.pillarEn, row.pillarFr),
      row.level === "detail" ? byLocale(locale, row.departmentAcronymEn, row.departmentAcronymFr) : row.level === "pillar" ? t("pillarTotal", { pillar: byLocale(locale, row.pillarEn, row.pillarFr) ?? "" }) : "",
      row.initiatives,
      dollars(row.allocatedCents),
      dollars(row.spentCents),
    ]),
  );
  return new Response(csv, { headers: csvHeaders(locale === "fr" ? "financement.csv" : "funding.csv") });
}

export const GET = guardedRoute(handle);
