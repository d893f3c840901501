import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { formatIsoDate } from "@/lib/format/numbers";
import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { torontoToday } from "@/lib/kernel/time";
import { listUpdateCalls, updateCallFormOptions } from "@/lib/update-calls/queries";
import { PageHeader } from "@/components/shell/page-header";
import { OpenUpdateCallForm } from "@/components/update-calls/open-update-call-form";
import { openUpdateCallAction } from "./actions";

export default async function UpdateCallsPage({ params }: PageProps<"/[locale]/update-calls">) {
  const { locale, user } = await guardPage(params, "meeting.manage");
  const [calls, initiatives] = await Promise.all([listUpdateCalls(user), updateCallFormOptions()]);
  const t = await getTranslations("UpdateCalls");
  const nav = await getTranslations("Nav");
  return (
    <>
      <PageHeader title={nav("updateCalls")} trail={[{ label: nav("updateCalls") }]} />
      <section aria-labelledby="calls-heading">
        <h2 id="calls-heading">{t("calls")}</h2>
        {calls.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <table data-testid="update-calls-table">
            <caption className="sr-only">{t("calls")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("period")}</th>
                <th scope="col">{t("dueDate")}</th>
                <th scope="col">{t("statusHeading")}</th>
                <th scope="col">{t("initiatives")}</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => (
                <tr key={call.id}>
                  <th scope="row" className="font-normal">
                    <Link href={`/update-calls/${call.id}`}>{call.reportingPeriod}</Link>
                  </th>
                  <td>{formatIsoDate(call.dueDate)}</td>
                  <td>{t(`status.${call.status}`)}</td>
                  <td>{call._count.initiatives}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">{t("open")}</h2>
        <OpenUpdateCallForm action={openUpdateCallAction} today={torontoToday()} initiatives={initiatives.map((initiative) => ({ id: initiative.id, label: `${initiative.code} — ${byLocale(locale, initiative.titleEn, initiative.titleFr)}` }))} />
      </section>
    </>
  );
}
