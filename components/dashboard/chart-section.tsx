import { dashboardSectionClass } from "./section-class";
import type { DashboardScope } from "@/lib/dashboard/filters";
import type { DataTable, Dataset } from "@/lib/dashboard/tables";
import type { Locale } from "@/lib/i18n/routing";
import { CsvLink } from "./csv-link";
import { DataTableView } from "./data-table-view";

/**
 * A block of the dashboard: heading, a sentence on what it counts, the chart with its data table beside it
 * (the table is the accessible, exact form of the chart) and the CSV of that same table.
 */
export function ChartSection({
  dataset,
  heading,
  intro,
  chart,
  table,
  caption,
  empty,
  locale,
  scope,
  children,
}: {
  dataset: Dataset;
  heading: string;
  intro?: React.ReactNode;
  chart?: React.ReactNode;
  table: DataTable;
  caption: string;
  empty: string;
  locale: Locale;
  scope: DashboardScope;
  children?: React.ReactNode;
}) {
  const id = `section-${dataset}`;
  return (
    <section aria-labelledby={id} className={dashboardSectionClass} data-section={dataset}>
      <h2 id={id}>{heading}</h2>
      {intro && <p className="max-w-3xl">{intro}</p>}
      {table.rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          {children}
          <div className={chart ? "grid items-start gap-6 xl:grid-cols-2" : undefined}>
            {chart && <figure className="m-0">{chart}</figure>}
            <div>
              <DataTableView table={table} caption={caption} dataset={dataset} />
              <CsvLink dataset={dataset} locale={locale} scope={scope} table={caption} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
