import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isSearchKind, searchEverything, searchKinds } from "@/lib/search/queries";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata({ params }: PageProps<"/[locale]/search">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Search" });
  return { title: t("title") };
}

/** Results of the header's search box, grouped by kind, with a filter by kind (`?q=…&kind=decision`). */
export default async function SearchPage({ params, searchParams }: PageProps<"/[locale]/search">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const query = await searchParams;
  const q = Array.isArray(query.q) ? query.q[0] : query.q;
  const kind = isSearchKind(query.kind) ? query.kind : undefined;
  const results = await searchEverything(user, q, kind);
  const t = await getTranslations("Search");
  const total = results.groups.reduce((sum, group) => sum + group.hits.length, 0);
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: t("title") }]}>
        <p>{t("intro")}</p>
      </PageHeader>
      <form method="get" role="search" aria-label={t("label")} className="mb-4 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="search-page-q" className="gc-label">
            {t("label")}
          </label>
          <input id="search-page-q" name="q" type="search" className="gc-input" defaultValue={results.query} maxLength={2000} />
        </div>
        {kind && <input type="hidden" name="kind" value={kind} />}
        <button type="submit" className="gc-button">
          {t("submit")}
        </button>
      </form>
      {results.query && (
        <nav aria-label={t("kinds")} className="mb-4">
          <ul className="flex flex-wrap gap-2">
            {[undefined, ...searchKinds].map((candidate) => (
              <li key={candidate ?? "all"}>
                <Link
                  href={{ pathname: "/search", query: { q: results.query, ...(candidate ? { kind: candidate } : {}) } }}
                  aria-current={candidate === kind ? "page" : undefined}
                  className={candidate === kind ? "gc-button" : "gc-button-secondary"}
                >
                  {candidate ? t(`kind.${candidate}`) : t("all")}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p role="status" data-testid="search-status">
        {!results.query ? t("empty") : total === 0 ? t("none", { query: results.query }) : t("resultsFor", { query: results.query })}
      </p>
      {results.groups
        .filter((group) => group.hits.length > 0)
        .map((group) => (
          <section key={group.kind} aria-labelledby={`search-${group.kind}`} data-search-kind={group.kind}>
            <h2 id={`search-${group.kind}`}>
              {t(`kind.${group.kind}`)} <span className="text-base font-normal">({t("count", { count: group.hits.length })})</span>
            </h2>
            <ul className="list-disc space-y-1 pl-6">
              {group.hits.map((hit) => (
                <li key={hit.id}>
                  <Link href={hit.href}>{byLocale(locale, hit.titleEn, hit.titleFr)}</Link>
                  {hit.detail && <span className="ml-2 text-sm">({hit.detail})</span>}
                </li>
              ))}
            </ul>
            {group.more && (
              <p>
                <Link href={{ pathname: "/search", query: { q: results.query, kind: group.kind } }}>{t("more", { kind: t(`kind.${group.kind}`) })}</Link>
              </p>
            )}
          </section>
        ))}
    </>
  );
}
