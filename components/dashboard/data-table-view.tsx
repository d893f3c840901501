import type { DataTable } from "@/lib/dashboard/tables";

/** A chart's data table: the first column heads each row; numbers align right. */
export function DataTableView({ table, caption, dataset }: { table: DataTable; caption: string; dataset: string }) {
  const numeric = table.numeric ?? [];
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table data-table={dataset}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.headers.map((header, column) => (
              <th key={column} scope="col" className={numeric[column] ? "text-right" : undefined}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) =>
                column === 0 ? (
                  <th key={column} scope="row" className="font-semibold">
                    {cell}
                  </th>
                ) : (
                  <td key={column} className={numeric[column] ? "whitespace-nowrap text-right" : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
