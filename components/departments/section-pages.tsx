import { Link } from "@/lib/i18n/navigation";

type Query = Record<string, string>;

/**
 * Numbered page links for one list of the department page: a labelled navigation landmark, the current page
 * marked with aria-current, the first, last and neighbouring pages (the others elided). Each link keeps the other
 * lists' pages and goes back to this list's heading. When the list was counted only so far (`more`, said as
 * `moreLabel`), an ellipsis after the last page says that more follow: each page counts further past itself.
 */
export function SectionPages({ pathname, label, param, page, pages, query, section, pageLabel, more = false, moreLabel = "" }: { pathname: string; label: string; param: string; page: number; pages: number; query: Query; section: string; pageLabel: (page: number) => string; more?: boolean; moreLabel?: string }) {
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((candidate) => candidate >= 1 && candidate <= pages).sort((a, b) => a - b);
  return (
    <nav aria-label={label} className="mt-3">
      <ul className="flex flex-wrap items-center gap-2">
        {shown.map((candidate, index) => (
          <li key={candidate} className="flex items-center gap-2">
            {index > 0 && candidate - shown[index - 1]! > 1 && <span aria-hidden="true">…</span>}
            <Link
              href={{ pathname, query: { ...query, [param]: String(candidate) }, hash: section }}
              aria-current={candidate === page ? "page" : undefined}
              aria-label={pageLabel(candidate)}
              className={`px-2 py-1 ${candidate === page ? "border border-gc-text font-semibold no-underline" : ""}`}
            >
              {candidate}
            </Link>
          </li>
        ))}
        {more && (
          <li>
            <span aria-hidden="true">…</span>
            <span className="sr-only">{moreLabel}</span>
          </li>
        )}
      </ul>
    </nav>
  );
}
