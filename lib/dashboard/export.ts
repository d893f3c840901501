import "server-only";
import { exportTranslator } from "@/lib/exports/translator";
import type { SessionUser } from "@/lib/auth/types";
import type { Locale } from "@/lib/i18n/routing";
import type { DashboardScope } from "./filters";
import {
  getDepartmentPillarMatrix,
  getFundingByYear,
  getHealthTrend,
  getOverdueByDepartment,
  getPillarTiles,
  listNeedsAttention,
} from "./queries";
import { attentionTable, fundingTable, matrixTable, overdueTable, pillarsTable, trendTable, type DataTable, type Dataset, type Translate } from "./tables";

/** One dataset of the dashboard as the table the page shows: one query, then the shared table definition. */
export async function datasetTable(user: SessionUser, dataset: Dataset, scope: DashboardScope, locale: Locale): Promise<DataTable> {
  const t: Translate = await exportTranslator(locale, "Dashboard");
  const healthT: Translate = await exportTranslator(locale, "Health");
  switch (dataset) {
    case "pillars":
      return pillarsTable(await getPillarTiles(user, scope), t, healthT, locale);
    case "matrix":
      return matrixTable(await getDepartmentPillarMatrix(user, scope), scope.department, t, healthT, locale);
    case "trend":
      return trendTable(await getHealthTrend(user, scope), t, healthT, locale);
    case "funding":
      return fundingTable(await getFundingByYear(user, scope), t, locale);
    case "overdue":
      return overdueTable(await getOverdueByDepartment(user, scope), t, locale);
    case "attention":
      // The download is the whole list; the dashboard shows the first few of each pillar.
      return attentionTable(await listNeedsAttention(user, scope, { limit: null, offset: 0 }), t, healthT, locale);
  }
}
