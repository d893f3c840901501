import { dashboardSectionClass } from "./section-class";
import { getTranslations } from "next-intl/server";
import { filterQuery, type DashboardScope } from "@/lib/dashboard/filters";
import { ATTENTION_PER_PILLAR, type AttentionItem, type NeedsAttention as Attention } from "@/lib/dashboard/queries";
import { attentionReason, type Translate } from "@/lib/dashboard/tables";
import { formatIsoDate } from "@/lib/format/numbers";
import { LocalizedText } from "@/components/ui/localized-text";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { PlainLink } from "@/components/ui/plain-link";
import type { Locale } from "@/lib/i18n/routing";
import { HealthBadge } from "@/components/ui/health-badge";
import { CsvLink } from "./csv-link";

/** The full list's address for a scope: the dashboard's filters, and the pillar of a pillar page. */
export function attentionListHref(scope: DashboardScope, page = 1) {
  const query: Record<string, string> = filterQuery(scope);
  if (scope.pillar) query.pillar = scope.pillar;
  if (page > 1) query.page = String(page);
  return { pathname: "/dashboard/attention", query };
}

/** Initiatives that need attention as a table, each linked to its page. */
export async function AttentionTable({ items, locale, caption }: { items: AttentionItem[]; locale: Locale; caption: string }) {
  const t = await getTranslations("Dashboard");
  const health = (await getTranslations("Health")) as unknown as Translate;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table data-table="attention">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.code")}</th>
            <th scope="col">{t("columns.initiative")}</th>
            <th scope="col">{t("columns.leadDepartment")}</th>
            <th scope="col">{t("columns.pillar")}</th>
            <th scope="col">{t("columns.health")}</th>
            <th scope="col">{t("columns.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td className="whitespace-nowrap">{item.code}</td>
              <td>
                <PlainLink locale={locale} href={`/initiatives/${item.id}`}><LocalizedText value={pickLocalized(locale, item.titleEn, item.titleFr)} /></PlainLink>
              </td>
              <td>{byLocale(locale, item.acronymEn, item.acronymFr)}</td>
              <td>{byLocale(locale, item.pillarNameEn, item.pillarNameFr)}</td>
              <td>
                <HealthBadge health={item.health} locale={locale} />
              </td>
              <td>{attentionReason(item, t as unknown as Translate, health)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the "worsened since" figures compare with. */
export async function AttentionIntro({ attention, locale }: { attention: Pick<Attention, "lastMeeting">; locale: Locale }) {
  const t = await getTranslations("Dashboard");
  const meeting = attention.lastMeeting;
  return (
    <p className="max-w-3xl">
      {t("intros.attention")}{" "}
      {meeting
        ? t("intros.attentionSince", { meeting: byLocale(locale, meeting.titleEn, meeting.titleFr), date: formatIsoDate(meeting.startsAt) })
        : t("intros.noMeeting")}
    </p>
  );
}

/**
 * Initiatives off track, or worse than at the last meeting held: the first few of each pillar, how many there are in
 * all, and a link to the full list (at scale there are thousands).
 */
export async function NeedsAttention({ attention, locale, scope }: { attention: Attention; locale: Locale; scope: DashboardScope }) {
  const t = await getTranslations("Dashboard");
  return (
    <section aria-labelledby="section-attention" className={dashboardSectionClass} data-section="attention">
      <h2 id="section-attention">{t("sections.attention")}</h2>
      <AttentionIntro attention={attention} locale={locale} />
      {attention.total === 0 ? (
        <p>{t("empty.attention")}</p>
      ) : (
        <>
          <p data-attention-summary>
            {t("attention.summary", { total: attention.total, red: attention.red, worsened: attention.worsened })}{" "}
            {attention.items.length < attention.total && t("attention.shown", { shown: attention.items.length, perPillar: ATTENTION_PER_PILLAR })}
          </p>
          <AttentionTable items={attention.items} locale={locale} caption={t("tables.attention")} />
          <p>
            <PlainLink locale={locale} href={attentionListHref(scope)} data-attention-all>
              {t("attention.seeAll", { total: attention.total })}
            </PlainLink>
          </p>
          <CsvLink dataset="attention" locale={locale} scope={scope} table={t("tables.attention")} />
        </>
      )}
    </section>
  );
}
