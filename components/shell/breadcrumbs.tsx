import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export type Crumb = { label: string; href?: string };

/** Home, then the given trail; the last crumb is the current page and is not a link. */
export async function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  const t = await getTranslations("Shell");
  const nav = await getTranslations("Nav");
  const crumbs: Crumb[] = [{ label: nav("home"), href: "/" }, ...trail];
  return (
    <nav aria-label={t("breadcrumbs")} className="no-print mb-4 text-sm">
      <ol className="flex flex-wrap gap-1">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <li key={`${index}-${crumb.label}`} className="flex items-center gap-1">
              {index > 0 && <span aria-hidden="true">›</span>}
              {crumb.href && !last ? <Link href={crumb.href}>{crumb.label}</Link> : <span aria-current={last ? "page" : undefined}>{crumb.label}</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
