import { getTranslations } from "next-intl/server";
import type { DashboardScope } from "@/lib/dashboard/filters";
import type { NeedsAttention as Attention } from "@/lib/dashboard/queries";
import { attentionReason, type Translate } from "@/lib/dashboard/tables";
import { formatIsoDate } from "@/lib/format/numbers";
import { LocalizedText } from "@/components/ui/localized-text";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { HealthBadge } from "@/components/ui/health-badge";
import { CsvLink } from "./csv-link";

/** Initiatives off track, or worse than at the last meeting held, each linked to its page. */
export async function NeedsAttention({ attention, locale, scope }: { attention: Attention; locale: Locale; scope: DashboardScope }) {
  const t = await getTranslations("Dashboard");
  const health = (await getTranslations("Health")) as unknown as Translate;
  const meeting = attention.lastMeeting;
  return (
    <section aria-labelledby="section-attention" className="mt-10" data-section="attention">
      <h2 id="section-attention">{t("sections.attention")}</h2>
      <p className="max-w-3xl">
        {t("intros.attention")}{" "}
        {meeting
          ? t("intros.attentionSince", { meeting: byLocale(locale, meeting.titleEn, meeting.titleFr), date: formatIsoDate(meeting.startsAt) })
          : t("intros.noMeeting")}
      </p>
      {attention.items.length === 0 ? (
        <p>{t("empty.attention")}</p>
      ) : (
        <>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("tables.attention")}>
            <table data-table="attention">
              <caption>{t("tables.attention")}</caption>
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
                {attention.items.map((item) => (
                  <tr key={item.id}>
                    <td className="whitespace-nowrap">{item.code}</td>
                    <td>
                      <Link href={`/initiatives/${item.id}`}><LocalizedText value={pickLocalized(locale, item.titleEn, item.titleFr)} /></Link>
                    </td>
                    <td>{byLocale(locale, item.acronymEn, item.acronymFr)}</td>
                    <td>{byLocale(locale, item.pillarNameEn, item.pillarNameFr)}</td>
                    <td>
                      <HealthBadge health={item.health} />
                    </td>
                    <td>{attentionReason(item, t as unknown as Translate, health)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CsvLink dataset="attention" locale={locale} scope={scope} table={t("tables.attention")} />
        </>
      )}
    </section>
  );
}
