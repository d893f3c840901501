import { getTranslations } from "next-intl/server";
import type { DashboardScope } from "@/lib/dashboard/filters";
import type { DashboardData } from "@/lib/dashboard/queries";
import { fundingTable, overdueTable, pillarsTable, trendTable, type Translate } from "@/lib/dashboard/tables";
import { reportingPeriodLabel } from "@/lib/dashboard/periods";
import { fiscalYearLabel, formatMoney } from "@/lib/format/numbers";
import { byLocale } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { BarChart } from "@/components/charts/bar-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { ChartSection } from "./chart-section";
import { DepartmentMatrix } from "./department-matrix";
import { NeedsAttention } from "./needs-attention";
import { PillarTiles } from "./pillar-tiles";

/** The blocks of the dashboard, for every pillar or (with `scope.pillar`) for one. */
export async function DashboardView({ data, locale, scope }: { data: DashboardData; locale: Locale; scope: DashboardScope }) {
  const t = (await getTranslations("Dashboard")) as unknown as Translate;
  const health = (await getTranslations("Health")) as unknown as Translate;
  const legend = { GREEN: health("GREEN"), AMBER: health("AMBER"), RED: health("RED") };
  const { tiles, matrix, trend, funding, overdue, attention } = data;

  return (
    <>
      <ChartSection
        dataset="pillars"
        heading={t("sections.pillars")}
        table={pillarsTable(tiles, t, health, locale)}
        caption={t("tables.pillars")}
        empty={t("empty.initiatives")}
        locale={locale}
        scope={scope}
        chart={
          <StackedBarChart
            title={t("charts.pillars")}
            legend={legend}
            bars={tiles.map((tile) => ({ label: byLocale(locale, tile.nameEn, tile.nameFr), values: { GREEN: tile.green, AMBER: tile.amber, RED: tile.red } }))}
          />
        }
      >
        <PillarTiles tiles={tiles} locale={locale} scope={scope} linkToPillar={scope.pillar === null} />
      </ChartSection>

      <DepartmentMatrix cells={matrix} locale={locale} scope={scope} />

      <ChartSection
        dataset="trend"
        heading={t("sections.trend")}
        intro={t("intros.trend")}
        table={trendTable(trend, t, health, locale)}
        caption={t("tables.trend")}
        empty={t("empty.trend")}
        locale={locale}
        scope={scope}
        chart={
          <StackedBarChart
            title={t("charts.trend")}
            legend={legend}
            bars={trend.map((point) => ({ label: reportingPeriodLabel(point.reportingPeriod, locale), values: { GREEN: point.green, AMBER: point.amber, RED: point.red } }))}
          />
        }
      />

      <ChartSection
        dataset="funding"
        heading={t("sections.funding")}
        intro={t("intros.funding")}
        table={fundingTable(funding, t, locale)}
        caption={t("tables.funding")}
        empty={t("empty.funding")}
        locale={locale}
        scope={scope}
        chart={
          <BarChart
            title={t("charts.funding")}
            bars={funding.map((cell) => ({
              key: `${cell.fiscalYear}-${cell.pillarCode}`,
              group: fiscalYearLabel(cell.fiscalYear, locale),
              label: byLocale(locale, cell.nameEn, cell.nameFr),
              value: Number(cell.allocatedCents),
              valueLabel: formatMoney(cell.allocatedCents, locale),
              colour: cell.colour,
            }))}
          />
        }
      />

      <ChartSection
        dataset="overdue"
        heading={t("sections.overdue")}
        intro={t("intros.overdue")}
        table={overdueTable(overdue, t, locale)}
        caption={t("tables.overdue")}
        empty={t("empty.overdue")}
        locale={locale}
        scope={scope}
        chart={
          <BarChart
            title={t("charts.overdue")}
            bars={overdue.map((row) => ({ key: row.acronymEn, label: byLocale(locale, row.acronymEn, row.acronymFr), value: row.overdue, valueLabel: String(row.overdue) }))}
          />
        }
      />

      <NeedsAttention attention={attention} locale={locale} scope={scope} />
    </>
  );
}
