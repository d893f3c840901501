import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { formatDateTime, formatIsoDate } from "@/lib/format/numbers";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { getUpdateCallMatrix } from "@/lib/update-calls/queries";
import { PageHeader } from "@/components/shell/page-header";
import { LocalizedText } from "@/components/ui/localized-text";
import { CloseUpdateCallForm } from "@/components/update-calls/close-update-call-form";
import { getCallResultsMatrix } from "@/lib/results/queries";
import { CallResultsMatrix } from "@/components/results/call-results-matrix";
import { closeUpdateCallAction } from "../actions";

const marks = { submitted: "✓", late: "◷", missing: "✗" } as const;

export default async function UpdateCallPage({ params }: PageProps<"/[locale]/update-calls/[id]">) {
  const { locale, user } = await guardPage(params, "meeting.manage");
  const { id } = await params;
  const call = await getUpdateCallMatrix(user, id);
  if (!call) notFound();
  const resultsMatrix = call.resultsFiscalYear === null ? null : await getCallResultsMatrix(user, call.resultsFiscalYear);
  const t = await getTranslations("UpdateCalls");
  const nav = await getTranslations("Nav");
  const title = t("callTitle", { period: call.reportingPeriod });
  return (
    <>
      <PageHeader title={title} trail={[{ label: nav("updateCalls"), href: "/update-calls" }, { label: call.reportingPeriod }]}>
        <p>
          {t("dueOn", { date: formatIsoDate(call.dueDate) })} · <span data-testid="call-status">{t(`status.${call.status}`)}</span>
          {call.closedAt && ` · ${t("closedOn", { when: formatDateTime(call.closedAt, locale) })}`}
        </p>
        <LocalizedText as="p" value={pickLocalized(locale, call.messageEn, call.messageFr)} />
      </PageHeader>
      <p data-testid="call-totals">{t("totals", call.totals)}</p>
      <table data-testid="update-call-matrix">
        <caption>{t("matrix")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("department")}</th>
            <th scope="col">{t("initiative")}</th>
            <th scope="col">{t("statusHeading")}</th>
          </tr>
        </thead>
        <tbody>
          {call.rows.flatMap((row) =>
            row.cells.map((cell, index) => (
              <tr key={cell.initiative.id} data-testid="call-cell" data-code={cell.initiative.code}>
                {index === 0 && (
                  <th scope="rowgroup" rowSpan={row.cells.length}>
                    {byLocale(locale, row.acronymEn, row.acronymFr)}
                  </th>
                )}
                <td>
                  <Link href={`/initiatives/${cell.initiative.id}`}>{cell.initiative.code}</Link> — <LocalizedText value={pickLocalized(locale, cell.initiative.titleEn, cell.initiative.titleFr)} />
                </td>
                <td data-status={cell.status} className={cell.status === "submitted" ? "text-health-green" : cell.status === "late" ? "text-health-amber" : "text-health-red"}>
                  <span aria-hidden="true">{marks[cell.status]} </span>
                  {t(`cell.${cell.status}`)}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {resultsMatrix && <CallResultsMatrix matrix={resultsMatrix} locale={locale} exportHref={`/api/update-calls/${call.id}/results/export`} />}
      {call.status === "OPEN" && <CloseUpdateCallForm action={closeUpdateCallAction} id={call.id} version={call.version} />}
    </>
  );
}
