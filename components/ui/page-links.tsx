import { Link } from "@/lib/i18n/navigation";

type Href = React.ComponentProps<typeof Link>["href"];

/** Previous and next page links (and "page 2 of 5" when given), shown only when there is more than one page. */
export function PageLinks({ label, page, pages, hrefFor, previous, next, pageOf }: { label: string; page: number; pages: number; hrefFor: (page: number) => Href; previous: string; next: string; pageOf?: string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center gap-4">
      {page > 1 && <Link href={hrefFor(page - 1)}>{previous}</Link>}
      {pageOf && <span>{pageOf}</span>}
      {page < pages && <Link href={hrefFor(page + 1)}>{next}</Link>}
    </nav>
  );
}
