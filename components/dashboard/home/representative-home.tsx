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

/**
 * A representative's home: one list of what their department must update (what the open calls for updates ask
 * for, then initiatives off track, at risk or stale; each initiative once, with every reason), and its open
 * action items.
 */
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
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("representative.needsUpdate")}>
            {/* relative: the visually hidden text of the last column is clipped by this scroller, not the page. */}
            <table data-table="to-update">
              <caption className="sr-only">{t("representative.needsUpdate")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("columns.code")}</th>
                  <th scope="col">{t("columns.initiative")}</th>
                  <th scope="col">{t("columns.health")}</th>
                  <th scope="col">{t("columns.why")}</th>
                  <th scope="col">{t("columns.lastUpdated")}</th>
                  <th scope="col">{t("columns.action")}</th>
                </tr>
              </thead>
              <tbody>
                {toUpdate.items.map((item) => {
                  const reasons = item.owedCalls.map((call) => t("representative.openCall", { period: reportingPeriodLabel(call.period, locale), date: call.due }));
                  if (item.health === "RED") reasons.push(t("representative.red"));
                  if (item.health === "AMBER") reasons.push(t("representative.amber"));
                  if (item.stale) reasons.push(item.lastUpdatedAt ? t("representative.stale", { days: toUpdate.staleDays }) : t("representative.neverUpdated"));
                  return (
                    <tr key={item.id} data-owed={item.owedCalls.length > 0 ? "call" : undefined}>
                      <td className="whitespace-nowrap">{item.code}</td>
                      <td>
                        <Link href={`/initiatives/${item.id}`}><LocalizedText value={pickLocalized(locale, item.titleEn, item.titleFr)} /></Link>
                      </td>
                      <td>
                        <HealthBadge health={item.health} locale={locale} />
                      </td>
                      <td>{reasons.join("; ")}</td>
                      <td className="whitespace-nowrap">{item.lastUpdatedAt ? formatIsoDate(item.lastUpdatedAt) : t("never")}</td>
                      <td className="whitespace-nowrap">
                        <Link href={`/initiatives/${item.id}/update`}>
                          {t("representative.postUpdate")}
                          <span className="sr-only"> — {item.code}</span>
                        </Link>
                      </td>
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
