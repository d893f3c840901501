/*
 * The frame of the administration lists (accounts, audit log, departments, pillars, outbox): a filter form that
 * submits with GET so the filters live in the URL, and the table with its caption and result count. Fields of the
 * filter form: components/forms/filter-fields.tsx; links between pages: components/ui/page-links.tsx.
 */

const gridColumns = {
  3: { grid: "sm:grid-cols-2 lg:grid-cols-3", fullRow: "sm:col-span-2 lg:col-span-3" },
  4: { grid: "sm:grid-cols-2 lg:grid-cols-4", fullRow: "sm:col-span-2 lg:col-span-4" },
} as const;

/** The filters of a list; `actions` go beside the submit button (an export link, for instance). */
export function FilterForm({
  label,
  submitLabel,
  columns,
  actions,
  children,
}: {
  label: string;
  submitLabel: string;
  columns: keyof typeof gridColumns;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <form method="get" className={`mb-6 grid gap-4 border border-gc-border p-4 ${gridColumns[columns].grid}`} aria-label={label}>
      {children}
      <div className={`flex items-end gap-4 ${gridColumns[columns].fullRow}`}>
        <button type="submit" className="gc-button">
          {submitLabel}
        </button>
        {actions}
      </div>
    </form>
  );
}

/**
 * A list's table: column headers, caption, and the rows given as children. `count` ("12 accounts") is announced
 * politely above it, so a screen-reader user hears how many rows the filters left.
 */
export function ResultTable({ testId, caption, columns, count, children }: { testId: string; caption: string; columns: string[]; count?: string; children: React.ReactNode }) {
  return (
    <>
      {count !== undefined && <p role="status">{count}</p>}
      {/* A table wider than the screen scrolls: the region takes focus so that it scrolls by keyboard too (WCAG 2.1.1). */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
        <table data-testid={testId}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </>
  );
}
