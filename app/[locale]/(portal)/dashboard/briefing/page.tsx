import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { parseDashboardFilters } from "@/lib/dashboard/filters";
import { getBriefing } from "@/lib/dashboard/queries";
import { PageHeader } from "@/components/shell/page-header";
import { BriefingPage } from "@/components/dashboard/briefing-page";
import { DocxLinks } from "@/components/exports/docx-links";
import { dateTimeFormat } from "@/lib/format/intl";
import { getResultsBriefing } from "@/lib/results/queries";
import { BriefingResultsBlock } from "@/components/results/briefing-results";

/**
 * The print view: one printed page per pillar (CSS page breaks between pillars), each with the security marking at
 * its top and bottom. Printing is the browser's own command, so the page needs no script.
 */
export default async function BriefingView({ params, searchParams }: PageProps<"/[locale]/dashboard/briefing">) {
  const { locale, user } = await guardPage(params, "export.read");
  const filters = parseDashboardFilters(await searchParams);
  const [briefing, results] = await Promise.all([getBriefing(user, { ...filters, pillar: null }), getResultsBriefing(user, { department: filters.department })]);
  if (filters.department && !briefing.departmentKnown) notFound();
  const t = await getTranslations("Dashboard.briefing");
  const nav = await getTranslations("Nav");
  const briefingQuery = new URLSearchParams();
  if (filters.fiscalYear !== null) briefingQuery.set("fiscalYear", String(filters.fiscalYear));
  if (filters.department) briefingQuery.set("department", filters.department);
  const asOf = dateTimeFormat("en-CA", { timeZone: "America/Toronto" }).format(new Date());
  return (
    <div data-print-briefing>
      <div className="no-print">
        <PageHeader title={t("title")} trail={[{ label: nav("dashboard"), href: "/dashboard" }, { label: t("title") }]}>
          <p className="max-w-3xl">{t("intro")}</p>
          <p>
            <DocxLinks href={`/api/dashboard/briefing/docx?${briefingQuery.toString()}`} document={t("title")} locale={locale} />
          </p>
        </PageHeader>
      </div>
      {briefing.tiles.map((tile) => {
        const attention = briefing.attention.items.filter((item) => item.pillarCode === tile.code);
        return (
        <BriefingPage
          key={tile.code}
          tile={tile}
          attention={attention}
          more={(briefing.attention.perPillar[tile.code] ?? 0) - attention.length}
          marking={briefing.marking}
          department={filters.department}
          asOf={asOf}
          locale={locale}
        >
          <BriefingResultsBlock code={tile.code} results={results.get(tile.code)} locale={locale} />
        </BriefingPage>
        );
      })}
    </div>
  );
}
