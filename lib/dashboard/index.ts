/** What other domains (the exports) may use of the dashboard besides its queries: filters, table shapes and texts. */
export { parseDashboardFilters, parsePillarCode, type DashboardScope } from "./filters";
export { attentionReason, healthText, isDataset } from "./tables";
export { datasetTable } from "./export";
