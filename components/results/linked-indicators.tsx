import type { SessionUser } from "@/lib/auth/types";
import type { Locale } from "@/lib/i18n/routing";
import { resultsTranslator } from "@/lib/results/format";
import { getResultsOverview, listIndicatorsFor } from "@/lib/results/queries";
import { IndicatorList } from "./indicator-list";
import { ResultsSummary } from "./results-summary";
import { ResultsExportLinks } from "./results-export-links";
import { can } from "@/lib/authz/permissions";

/*
 * The results framework where people already look (issue 18): each reads its own data, so the pages that show it
 * gain one line and a fixed number of statements.
 */

/** On an initiative page: the indicators it contributes to. */
export async function InitiativeIndicators({ user, initiativeId, locale }: { user: SessionUser; initiativeId: string; locale: Locale }) {
  const indicators = await listIndicatorsFor(user, { initiativeId });
  return <IndicatorList indicators={indicators} heading={resultsTranslator(locale)("indicatorsOfInitiative")} headingId="initiative-indicators" locale={locale} />;
}

/** On a department page: the indicators it is responsible for (and, given its acronym, their results table to download). */
export async function DepartmentIndicators({ user, departmentId, locale, acronym }: { user: SessionUser; departmentId: string; locale: Locale; acronym?: string }) {
  const indicators = await listIndicatorsFor(user, { departmentId });
  return (
    <>
      <IndicatorList indicators={indicators} heading={resultsTranslator(locale)("yourIndicators")} headingId="department-indicators" locale={locale} />
      {acronym && indicators.length > 0 && can(user, "export.read") && <ResultsExportLinks locale={locale} department={acronym} />}
    </>
  );
}

/** On the dashboard: per pillar, indicators met / not met / not yet due / no data. */
export async function DashboardResults({ user, locale }: { user: SessionUser; locale: Locale }) {
  return <ResultsSummary pillars={await getResultsOverview(user)} locale={locale} />;
}
