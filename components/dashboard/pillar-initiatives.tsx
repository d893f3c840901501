import { getTranslations } from "next-intl/server";
import type { PillarInitiative } from "@/lib/dashboard/queries";
import { formatIsoDate } from "@/lib/format/numbers";
import { LocalizedText } from "@/components/ui/localized-text";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { PlainLink } from "@/components/ui/plain-link";
import type { Locale } from "@/lib/i18n/routing";
import { HealthBadge } from "@/components/ui/health-badge";

export async function PillarInitiatives({ initiatives, locale }: { initiatives: PillarInitiative[]; locale: Locale }) {
  const t = await getTranslations("Dashboard");
  const lifecycle = await getTranslations("Lifecycle");
  if (initiatives.length === 0) return <p>{t("empty.initiatives")}</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("sections.initiatives")}>
      <table data-table="initiatives">
        <caption className="sr-only">{t("sections.initiatives")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.code")}</th>
            <th scope="col">{t("columns.initiative")}</th>
            <th scope="col">{t("columns.leadDepartment")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.health")}</th>
            <th scope="col" className="text-right">
              {t("columns.progress")}
            </th>
            <th scope="col">{t("columns.lastUpdated")}</th>
          </tr>
        </thead>
        <tbody>
          {initiatives.map((initiative) => (
            <tr key={initiative.id}>
              <td className="whitespace-nowrap">{initiative.code}</td>
              <td>
                <PlainLink locale={locale} href={`/initiatives/${initiative.id}`}><LocalizedText value={pickLocalized(locale, initiative.titleEn, initiative.titleFr)} /></PlainLink>
              </td>
              <td>{byLocale(locale, initiative.acronymEn, initiative.acronymFr)}</td>
              <td>{lifecycle(initiative.status)}</td>
              <td>
                <HealthBadge health={initiative.health} locale={locale} />
              </td>
              <td className="text-right">{t("percent", { value: initiative.progress })}</td>
              <td className="whitespace-nowrap">{initiative.lastUpdatedAt ? formatIsoDate(initiative.lastUpdatedAt) : t("never")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
