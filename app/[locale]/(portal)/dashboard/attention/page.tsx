import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { parseDashboardFilters, parsePillarCode } from "@/lib/dashboard/filters";
import { ATTENTION_PAGE_SIZE, getNeedsAttention, listNeedsAttention } from "@/lib/dashboard/queries";
import { PageHeader } from "@/components/shell/page-header";
import { PageLinks } from "@/components/ui/page-links";
import { AttentionIntro, AttentionTable, attentionListHref } from "@/components/dashboard/needs-attention";
import { CsvLink } from "@/components/dashboard/csv-link";

/** Every initiative that needs attention (the dashboard lists the first few of each pillar), a page at a time. */
export default async function AttentionListPage({ params, searchParams }: PageProps<"/[locale]/dashboard/attention">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const query = await searchParams;
  const filters = parseDashboardFilters(query);
  const pillarParam = Array.isArray(query.pillar) ? query.pillar[0] : query.pillar;
  const pillar = pillarParam ? parsePillarCode(pillarParam) : null;
  if (pillarParam && !pillar) notFound();
  const pageParam = Number(Array.isArray(query.page) ? query.page[0] : query.page);
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const scope = { ...filters, pillar };
  const [summary, items] = await Promise.all([
    getNeedsAttention(user, scope),
    listNeedsAttention(user, scope, { limit: ATTENTION_PAGE_SIZE, offset: (page - 1) * ATTENTION_PAGE_SIZE }),
  ]);
  const pages = Math.max(1, Math.ceil(summary.total / ATTENTION_PAGE_SIZE));
  if (page > pages) notFound();

  const t = await getTranslations("Dashboard");
  const list = await getTranslations("Initiatives");
  const nav = await getTranslations("Nav");
  return (
    <>
      <PageHeader title={t("attention.title")} trail={[{ label: nav("dashboard"), href: "/dashboard" }, { label: t("attention.title") }]}>
        <AttentionIntro attention={summary} locale={locale} />
      </PageHeader>
      {summary.total === 0 ? (
        <p>{t("empty.attention")}</p>
      ) : (
        <>
          <p data-attention-summary>{t("attention.summary", { total: summary.total, red: summary.red, worsened: summary.worsened })}</p>
          <AttentionTable items={items} locale={locale} caption={t("attention.pageCaption", { page, pages })} />
          <PageLinks
            label={t("attention.pagination")}
            page={page}
            pages={pages}
            hrefFor={(target) => attentionListHref(scope, target)}
            previous={list("previous")}
            next={list("next")}
            pageOf={list("pageOf", { page, pages })}
          />
          <CsvLink dataset="attention" locale={locale} scope={scope} table={t("tables.attention")} />
        </>
      )}
    </>
  );
}
