import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { csvHeaders, toCsv } from "@/lib/format/csv";
import { fiscalYearLabel } from "@/lib/format/numbers";
import { achieveByText, resultsTranslator, targetText } from "@/lib/results/format";
import { getIndicatorDetail } from "@/lib/results/queries";
import { guardedRoute } from "@/lib/security/route-handler";

/** An indicator's series (fiscal year, target, achieve-by, actual, explanation, status) as CSV, in the user's language. */
async function handle(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "export.read")) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const locale = url.searchParams.get("locale") === "fr" ? "fr" : "en";
  const data = await getIndicatorDetail(user, (await params).id);
  if (!data) return new Response("Not found", { status: 404 });
  const { indicator } = data;
  const t = resultsTranslator(locale);
  // Figures plain (no thousands separator, a point for decimals) so spreadsheets read them as numbers.
  const csv = toCsv(
    [t("fiscalYear"), t("target"), t("achieveBy"), t("actual"), t("explanation"), t("statusHeader")],
    indicator.series.map((point) => [
      fiscalYearLabel(point.fiscalYear, locale),
      point.target ? targetText(point.target, indicator.unit, locale) : "",
      point.target ? achieveByText(point.target) : "",
      point.actual ? (point.actual.value !== null ? point.actual.value : (locale === "fr" ? point.actual.narrativeFr : point.actual.narrativeEn) ?? point.actual.narrativeEn ?? point.actual.narrativeFr) : "",
      point.actual ? ((locale === "fr" ? point.actual.explanationFr : point.actual.explanationEn) ?? point.actual.explanationEn ?? point.actual.explanationFr ?? "") : "",
      point.status ? t(`status.${point.status}`) : "",
    ]),
  );
  return new Response(csv, { headers: csvHeaders(`${indicator.code}.csv`) });
}

export const GET = guardedRoute(handle);
