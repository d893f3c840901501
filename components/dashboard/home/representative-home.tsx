import { getTranslations } from "next-intl/server";
import { listInitiativesToUpdate, listOpenActionItems } from "@/lib/dashboard/home";
import { formatIsoDate } from "@/lib/format/numbers";
import { LocalizedText } from "@/components/ui/localized-text";
import { pickLocalized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { reportingPeriodLabel } from "@/lib/dashboard/periods";
import { HealthBadge } from "@/components/ui/health-badge";
import { ActionItemsTable } from "./action-items-table";

/** A representative's home: their department's initiatives that need an update, and its open action items. */
export async function RepresentativeHome({ departmentId, locale }: { departmentId: string | null; locale: Locale }) {
  const t = await getTranslations("RoleHome");
  if (!departmentId) return <p>{t("representative.noDepartment")}</p>;
  const [toUpdate, actionItems] = await Promise.all([listInitiativesToUpdate(departmentId), listOpenActionItems({ departmentId })]);
  return (
    <>
      <section aria-labelledby="home-to-update">
        <h2 id="home-to-update">{t("representative.needsUpdate")}</h2>
        <p className="max-w-3xl">{t("representative.needsUpdateIntro", { days: toUpdate.staleDays })}</p>
        {toUpdate.items.length === 0 ? (
          <p>{t("representative.nothingToUpdate")}</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("representative.needsUpdate")}>
            <table data-table="to-update">
              <caption className="sr-only">{t("representative.needsUpdate")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("columns.code")}</th>
                  <th scope="col">{t("columns.initiative")}</th>
                  <th scope="col">{t("columns.health")}</th>
                  <th scope="col">{t("columns.why")}</th>
                  <th scope="col">{t("columns.lastUpdated")}</th>
                </tr>
              </thead>
              <tbody>
                {toUpdate.items.map((item) => {
                  const reasons: string[] = [];
                  if (item.health === "RED") reasons.push(t("representative.red"));
                  if (item.health === "AMBER") reasons.push(t("representative.amber"));
                  if (item.stale) reasons.push(item.lastUpdatedAt ? t("representative.stale", { days: toUpdate.staleDays }) : t("representative.neverUpdated"));
                  if (item.callPeriod && item.callDue)
                    reasons.push(t("representative.openCall", { period: reportingPeriodLabel(item.callPeriod, locale), date: formatIsoDate(item.callDue) }));
                  return (
                    <tr key={item.id}>
                      <td className="whitespace-nowrap">{item.code}</td>
                      <td>
                        <Link href={`/initiatives/${item.id}`}><LocalizedText value={pickLocalized(locale, item.titleEn, item.titleFr)} /></Link>
                      </td>
                      <td>
                        <HealthBadge health={item.health} />
                      </td>
                      <td>{reasons.join("; ")}</td>
                      <td className="whitespace-nowrap">{item.lastUpdatedAt ? formatIsoDate(item.lastUpdatedAt) : t("never")}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="home-action-items">
        <h2 id="home-action-items">{t("representative.actionItems")}</h2>
        {actionItems.length === 0 ? (
          <p>{t("representative.noActionItems")}</p>
        ) : (
          <ActionItemsTable items={actionItems} locale={locale} caption={t("representative.actionItems")} showDepartment={false} />
        )}
        <p>
          <Link href="/action-items">{t("allActionItems")}</Link>
        </p>
      </section>
    </>
  );
}
