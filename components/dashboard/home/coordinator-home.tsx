import { getTranslations } from "next-intl/server";
import { getCoordinatorOverview, listOpenActionItems } from "@/lib/dashboard/home";
import { reportingPeriodLabel } from "@/lib/dashboard/periods";
import { formatDateTime, formatIsoDate } from "@/lib/format/numbers";
import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { ActionItemsTable } from "./action-items-table";

/** The coordinator's home: the next meeting, progress of open calls for updates, and action items. */
export async function CoordinatorHome({ locale }: { locale: Locale }) {
  const t = await getTranslations("RoleHome");
  const [overview, overdue] = await Promise.all([getCoordinatorOverview(), listOpenActionItems({ overdueOnly: true })]);
  const meeting = overview.nextMeeting;
  return (
    <>
      <section aria-labelledby="home-next-meeting">
        <h2 id="home-next-meeting">{t("coordinator.nextMeeting")}</h2>
        {meeting ? (
          <p data-testid="next-meeting">
            <Link href={`/meetings/${meeting.id}`} className="font-semibold">
              {byLocale(locale, meeting.titleEn, meeting.titleFr)}
            </Link>{" "}
            — {t("coordinator.meetingNumber", { number: meeting.sequenceNumber })}, {formatDateTime(meeting.startsAt, locale)}.{" "}
            {t("coordinator.agendaStatus", { status: t(`agendaStatus.${meeting.agendaStatus}`) })}
          </p>
        ) : (
          <p>{t("coordinator.noNextMeeting")}</p>
        )}
      </section>
      <section aria-labelledby="home-open-calls">
        <h2 id="home-open-calls">{t("coordinator.openCalls")}</h2>
        {overview.openCalls.length === 0 ? (
          <p>{t("coordinator.noOpenCalls")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {overview.openCalls.map((call) => (
              <li key={call.id}>
                {t("coordinator.callProgress", {
                  period: reportingPeriodLabel(call.reportingPeriod, locale),
                  answered: call.answered,
                  total: call.total,
                  date: formatIsoDate(call.dueDate),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="home-action-items">
        <h2 id="home-action-items">{t("coordinator.actionItems")}</h2>
        <p>{t("coordinator.actionItemsSummary", { open: overview.openActionItems, overdue: overview.overdueActionItems })}</p>
        <h3>{t("coordinator.overdueHeading")}</h3>
        {overdue.length === 0 ? (
          <p>{t("coordinator.noOverdue")}</p>
        ) : (
          <ActionItemsTable items={overdue} locale={locale} caption={t("coordinator.overdueHeading")} showDepartment />
        )}
        <p>
          <Link href="/action-items">{t("allActionItems")}</Link>
        </p>
      </section>
    </>
  );
}
