import { getTranslations } from "next-intl/server";
import type { InitiativeFilters, SortKey } from "@/lib/initiatives/filters";
import { filtersToQuery } from "@/lib/initiatives/filters";
import type { InitiativeListRow } from "@/lib/initiatives/queries";
import { formatIsoDate } from "@/lib/format/numbers";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { PlainLink } from "@/components/ui/plain-link";
import type { Locale } from "@/lib/i18n/routing";
import { HealthBadge } from "@/components/ui/health-badge";
import { LocalizedText } from "@/components/ui/localized-text";

/** The list as a table whose column headers sort it (links that keep the filters in the URL). */
export async function InitiativesTable({ rows, filters, locale }: { rows: InitiativeListRow[]; filters: InitiativeFilters; locale: Locale }) {
  const t = await getTranslations("Initiatives");
  const lifecycle = await getTranslations("Lifecycle");
  const columns: { key: SortKey | null; label: string; numeric?: boolean }[] = [
    { key: "code", label: t("code") },
    { key: "title", label: t("initiativeTitle") },
    { key: "lead", label: t("lead") },
    { key: null, label: t("pillar") },
    { key: null, label: t("status") },
    { key: "health", label: t("health") },
    { key: "progress", label: t("progress"), numeric: true },
    { key: "lastUpdate", label: t("lastUpdate") },
  ];
  const current = columns.find((column) => column.key === filters.sort)?.label ?? t("code");
  return (
    <div className="overflow-x-auto">
      <table data-testid="initiatives-table">
        <caption className="sr-only">{t("tableCaption", { sort: current })}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = column.key === filters.sort;
              const nextDir = active && filters.dir === "asc" ? "desc" : "asc";
              return (
                <th key={column.label} scope="col" className={column.numeric ? "text-right" : undefined} aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
                  {column.key ? (
                    <PlainLink locale={locale} href={{ pathname: "/initiatives", query: filtersToQuery(filters, { sort: column.key, dir: nextDir, page: 1 }) }} aria-label={t("sortBy", { column: column.label })}>
                      {column.label}
                      {active && <span aria-hidden="true">{filters.dir === "asc" ? " ▲" : " ▼"}</span>}
                    </PlainLink>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="whitespace-nowrap">{row.code}</td>
              <td>
                <PlainLink locale={locale} href={`/initiatives/${row.id}`}>
                  <LocalizedText value={pickLocalized(locale, row.titleEn, row.titleFr)} />
                </PlainLink>
              </td>
              <td>{byLocale(locale, row.leadDepartment.acronymEn, row.leadDepartment.acronymFr)}</td>
              <td>{byLocale(locale, row.primaryPillar.nameEn, row.primaryPillar.nameFr)}</td>
              <td>{lifecycle(row.status)}</td>
              <td>
                <HealthBadge health={row.health} locale={locale} />
              </td>
              <td className="text-right">{t("progressValue", { value: row.progress })}</td>
              <td className="whitespace-nowrap">
                {row.lastUpdatedAt ? formatIsoDate(row.lastUpdatedAt) : t("never")}
                {row.stale && <span className="block text-sm font-semibold">{t("needsUpdate")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
