import { getTranslations } from "next-intl/server";
import { CommandForm } from "@/components/forms/command-form";
import type { DocumentList, PaperRequestRow } from "@/lib/documents/queries";
import type { FormState } from "@/lib/kernel/form-state";
import { DocumentsSection } from "./documents-section";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Item = { id: string; position: number; titleEn: string; titleFr: string; list: DocumentList; openRequestId: string | null };

/**
 * A meeting's papers: which requested papers are in and which are missing (and which changed since the agenda was
 * published), the coordinator's request form, the papers of each agenda item and the meeting's own documents.
 */
export async function MeetingPapers({
  meetingId,
  locale,
  requests,
  items,
  meetingDocuments,
  mayRequest,
  actions,
}: {
  meetingId: string;
  locale: "en" | "fr";
  requests: PaperRequestRow[];
  items: Item[];
  meetingDocuments: DocumentList;
  mayRequest: boolean;
  actions: { withdraw: Action; request: Action; cancelRequest: Action };
}) {
  const t = await getTranslations("Documents");
  const pick = (en: string, fr: string) => (locale === "fr" ? fr : en);
  return (
    <section aria-labelledby="papers-heading" className="mt-8" data-testid="meeting-papers">
      <h2 id="papers-heading">{t("papersHeading")}</h2>
      <h3 id="paper-requests-heading">{t("requestsHeading")}</h3>
      {requests.length === 0 ? (
        <p>{t("noRequests")}</p>
      ) : (
        <table aria-labelledby="paper-requests-heading" data-testid="paper-requests">
          <thead>
            <tr>
              <th scope="col">{t("agendaItem")}</th>
              <th scope="col">{t("requestedFrom", { department: "" }).replace(/\s*$/, "")}</th>
              <th scope="col">{t("dueDate")}</th>
              <th scope="col">{t("received")}</th>
              {mayRequest && <th scope="col">{t("cancelRequest")}</th>}
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id} data-testid="paper-request-row" data-received={request.received ? "true" : "false"}>
                <td>
                  {request.item.position}. {pick(request.item.titleEn, request.item.titleFr)}
                </td>
                <td>{request.department ? pick(request.department.acronymEn, request.department.acronymFr) : ""}</td>
                <td>{request.dueDate}</td>
                <td>
                  {request.received ? t("received") : <strong>{t("missing")}</strong>}
                  {request.changedSincePublication && <> — {t("changedSincePublication")}</>}
                </td>
                {mayRequest && (
                  <td>
                    <CommandForm action={actions.cancelRequest} submitLabel={t("cancelRequest")} fields={[{ name: "id", label: "", type: "hidden", defaultValue: request.id }]} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayRequest && items.length > 0 && (
        <details className="mt-4">
          <summary>{t("requestPaper")}</summary>
          <CommandForm
            action={actions.request}
            submitLabel={t("requestPaper")}
            testId="paper-request"
            resetOnSuccess
            fields={[
              { name: "agendaItemId", label: t("agendaItem"), type: "select", required: true, options: items.map((item) => ({ value: item.id, label: `${item.position}. ${pick(item.titleEn, item.titleFr)}` })) },
              { name: "dueDate", label: t("dueDate"), type: "text", required: true, hint: "YYYY-MM-DD" },
              { name: "noteEn", label: t("noteEn"), type: "textarea" },
              { name: "noteFr", label: t("noteFr"), type: "textarea" },
            ]}
          />
        </details>
      )}
      {items.map((item) => (
        <DocumentsSection
          key={item.id}
          list={item.list}
          target="agendaItem"
          targetId={item.id}
          locale={locale}
          heading={t("itemPapers", { position: item.position, title: pick(item.titleEn, item.titleFr) })}
          headingLevel={3}
          idPrefix={`item-${item.id}`}
          withdrawAction={actions.withdraw}
          paperRequestId={item.openRequestId ?? undefined}
        />
      ))}
      <DocumentsSection list={meetingDocuments} target="meeting" targetId={meetingId} locale={locale} heading={t("heading")} headingLevel={3} idPrefix={`meeting-${meetingId}`} withdrawAction={actions.withdraw} />
    </section>
  );
}
