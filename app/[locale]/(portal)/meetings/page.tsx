import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz/permissions";
import { Link } from "@/lib/i18n/navigation";
import { listMeetings } from "@/lib/meetings/queries";
import { PageHeader } from "@/components/shell/page-header";
import { MeetingWhen } from "@/components/meetings/meeting-when";

export default async function MeetingsPage({ params, searchParams }: PageProps<"/[locale]/meetings">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const query = await searchParams;
  const when = query.when === "past" ? "past" : "upcoming";
  const page = Math.max(1, Math.trunc(Number(query.page)) || 1);
  const list = await listMeetings(user, { when, page });
  const t = await getTranslations("Meetings");
  const nav = await getTranslations("Nav");
  return (
    <>
      <PageHeader title={nav("meetings")} trail={[{ label: nav("meetings") }]}>
        {can(user, "meeting.manage") && (
          <p>
            <Link href="/meetings/new" className="gc-button">
              {t("new")}
            </Link>
          </p>
        )}
      </PageHeader>
      <nav aria-label={t("lists")} className="mb-4">
        <ul className="flex gap-2">
          {(["upcoming", "past"] as const).map((candidate) => (
            <li key={candidate}>
              <Link href={{ pathname: "/meetings", query: { when: candidate } }} aria-current={candidate === when ? "page" : undefined} className={candidate === when ? "gc-button" : "gc-button-secondary"}>
                {t(candidate)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <table data-testid="meetings-table">
          <caption className="sr-only">{t(when)}</caption>
          <thead>
            <tr>
              <th scope="col">{t("number")}</th>
              <th scope="col">{t("title")}</th>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("agendaStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((meeting) => (
              <tr key={meeting.id}>
                <td>{meeting.sequenceNumber}</td>
                <th scope="row" className="font-normal">
                  <Link href={`/meetings/${meeting.id}`}>{locale === "fr" ? meeting.titleFr : meeting.titleEn}</Link>
                </th>
                <td>
                  <MeetingWhen startsAt={meeting.startsAt} endsAt={meeting.endsAt} locale={locale} />
                </td>
                <td>{t(`status.${meeting.agendaStatus}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.pageCount > 1 && (
        <nav aria-label={t("pagination")} className="mt-4 flex gap-4">
          {page > 1 && <Link href={{ pathname: "/meetings", query: { when, page: page - 1 } }}>{t("previous")}</Link>}
          {page < list.pageCount && <Link href={{ pathname: "/meetings", query: { when, page: page + 1 } }}>{t("next")}</Link>}
        </nav>
      )}
    </>
  );
}
