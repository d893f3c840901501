import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DocxLinks } from "@/components/exports/docx-links";
import { listCarriedForwardActionItems } from "@/lib/action-items/queries";
import { scheduleAgenda } from "@/lib/agenda/timing";
import { guardPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz/permissions";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { getMeeting } from "@/lib/meetings/queries";
import { torontoTime } from "@/lib/kernel/time";
import { needingReview } from "@/lib/translation/queries";
import { PageHeader } from "@/components/shell/page-header";
import { LocalizedText } from "@/components/ui/localized-text";
import { DecisionList } from "@/components/meetings/decision-list";
import { MeetingWhen } from "@/components/meetings/meeting-when";
import { Discussion } from "@/components/discussion/discussion";
import { FollowButton } from "@/components/discussion/follow-button";
import { getThreads, threadOf } from "@/lib/discussion/queries";
import { isFollowing } from "@/lib/notifications/queries";
import { editCommentAction, followAction, hideCommentAction, postCommentAction } from "../../discussion/actions";
import { MeetingPapers } from "@/components/documents/meeting-papers";
import { listAgendaItemDocuments, listDocuments, paperRequestsForMeeting } from "@/lib/documents/queries";
import { cancelPaperRequestAction, requestPaperAction, withdrawDocumentAction } from "../../documents/actions";
import { getSignOffMatrix } from "@/lib/minutes-sign-off/queries";
import { ProposalForm } from "@/components/agenda-proposals/proposal-form";
import { SignOffMatrix } from "@/components/minutes-sign-off/sign-off-matrix";
import { SignOffForm } from "@/components/minutes-sign-off/sign-off-form";
import { proposeAgendaItemAction, signOffMinutesAction } from "../proposals-actions";

export default async function MeetingPage({ params }: PageProps<"/[locale]/meetings/[id]">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const { id } = await params;
  const meeting = await getMeeting(user, id);
  if (!meeting) notFound();
  const t = await getTranslations("Meetings");
  const agendaT = await getTranslations("Agenda");
  const exportsT = await getTranslations("Exports");
  const nav = await getTranslations("Nav");
  const title = byLocale(locale, meeting.titleEn, meeting.titleFr);
  const schedule = scheduleAgenda(meeting.startsAt, meeting.endsAt, meeting.agendaItems.map((item) => item.minutes));
  const manager = can(user, "meeting.manage");
  const [carried, review, following] = await Promise.all([
    listCarriedForwardActionItems(user, meeting.startsAt),
    needingReview(user, "agenda_item", meeting.agendaItems.map((item) => item.id)),
    isFollowing(user, { meetingId: meeting.id }),
  ]);
  // The discussions of the agenda items and of the action items carried forward: one statement.
  const threads = await getThreads(user, [...meeting.agendaItems.map((item) => ({ type: "agendaItem" as const, id: item.id })), ...carried.map((item) => ({ type: "actionItem" as const, id: item.id }))]);
  const discussion = await getTranslations("Discussion");
  const discussionActions = { post: postCommentAction, edit: editCommentAction, hide: hideCommentAction };
  const actionsT = await getTranslations("ActionItems");
  const documentsT = await getTranslations("Documents");
  // Papers (issue 20): the requests, and the documents of each agenda item and of the meeting.
  const [paperRequests, meetingDocuments, itemDocuments] = await Promise.all([
    paperRequestsForMeeting(user, meeting.id),
    listDocuments(user, "meeting", meeting.id),
    listAgendaItemDocuments(user, meeting.agendaItems.map((item) => item.id)),
  ]);
  // Agenda proposals and the sign-off of the minutes (issue 22.3–22.4).
  const signOff = await getSignOffMatrix(user, meeting.id);
  const signOffT = await getTranslations("SignOff");
  const proposalsT = await getTranslations("Proposals");
  const mayPropose = can(user, "agenda.propose") && meeting.agendaStatus !== "HELD" && !meeting.cancelledAt && meeting.startsAt > new Date();
  const ownAnswer = user.departmentId ? signOff?.rows.find((row) => row.departmentId === user.departmentId) : undefined;
  const maySignOff = Boolean(signOff && ownAnswer && signOff.minutesStatus === "CIRCULATED" && !signOff.pastDue && can(user, "minutes.signOff"));
  const paperItems = meeting.agendaItems.flatMap((item) => {
    const list = itemDocuments.get(item.id);
    const openRequest = paperRequests.find((request) => request.item.id === item.id);
    return list ? [{ id: item.id, position: item.position, titleEn: item.titleEn, titleFr: item.titleFr, list, openRequestId: openRequest?.id ?? null }] : [];
  });
  return (
    <>
      <PageHeader title={title} trail={[{ label: nav("meetings"), href: "/meetings" }, { label: title }]}>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("number")}</dt>
          <dd>{meeting.sequenceNumber}</dd>
          <dt className="font-semibold">{t("when")}</dt>
          <dd>
            <MeetingWhen startsAt={meeting.startsAt} endsAt={meeting.endsAt} locale={locale} />
          </dd>
          {meeting.location && (
            <>
              <dt className="font-semibold">{t("location")}</dt>
              <dd>{meeting.location}</dd>
            </>
          )}
          {meeting.videoUrl && (
            <>
              <dt className="font-semibold">{t("videoUrl")}</dt>
              <dd>
                <a href={meeting.videoUrl}>{meeting.videoUrl}</a>
              </dd>
            </>
          )}
          <dt className="font-semibold">{t("agendaStatus")}</dt>
          <dd data-testid="agenda-status">{t(`status.${meeting.agendaStatus}`)}</dd>
        </dl>
        <FollowButton action={followAction} subjectType="meeting" subjectId={meeting.id} following={following} labels={{ follow: discussion("follow"), unfollow: discussion("unfollow") }} />
      </PageHeader>
      {meeting.cancelledAt && (
        <p className="mb-6 border-l-4 border-gc-danger bg-gc-light p-4" data-testid="meeting-cancelled">
          <strong>{t("cancelledNotice")}</strong> {meeting.cancellationReason}
        </p>
      )}

      <ul className="no-print mb-6 flex flex-wrap gap-3">
        {manager && (
          <>
            <li>
              <Link href={`/meetings/${meeting.id}/edit`} className="gc-button-secondary">
                {t("edit")}
              </Link>
            </li>
            <li>
              <Link href={`/meetings/${meeting.id}/agenda`} className="gc-button-secondary">
                {t("buildAgenda")}
              </Link>
            </li>
            <li>
              <Link href={`/meetings/${meeting.id}/record`} className="gc-button-secondary">
                {t("record")}
              </Link>
            </li>
          </>
        )}
        <li>
          <a href={`/api/meetings/${meeting.id}/ics`} className="gc-button-secondary" download>
            {t("downloadIcs")}
          </a>
        </li>
        <li>
          <Link href={`/meetings/${meeting.id}/package`} className="gc-button-secondary">
            {t("package")}
          </Link>
        </li>
        <li>
          <a href={`/api/meetings/${meeting.id}/pdf?locale=${locale}`} className="gc-button-secondary">
            {t("downloadPdf")}
          </a>
        </li>
        <li>
          <a href={`/api/meetings/${meeting.id}/book?locale=${locale}`} className="gc-button-secondary" data-testid="board-book">
            {documentsT("boardBook")}
          </a>
        </li>
        <li>
          <DocxLinks href={`/api/meetings/${meeting.id}/docx?doc=package`} document={exportsT("package")} locale={locale} />
        </li>
        <li>
          <DocxLinks href={`/api/meetings/${meeting.id}/docx?doc=agenda`} document={exportsT("agenda")} locale={locale} />
        </li>
        <li>
          <Link href={`/action-items?view=all&meeting=${meeting.id}`} className="gc-button-secondary">
            {t("actionItemsRaised")}
          </Link>
        </li>
      </ul>

      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t("agenda")}</h2>
        {meeting.agendaItems.length === 0 ? (
          <p>{t("noAgenda")}</p>
        ) : (
          <table data-testid="meeting-agenda">
            <caption className="sr-only">{t("agenda")}</caption>
            <thead>
              <tr>
                <th scope="col">{agendaT("number")}</th>
                <th scope="col">{agendaT("start")}</th>
                <th scope="col">{agendaT("item")}</th>
                <th scope="col">{agendaT("kindHeading")}</th>
                <th scope="col">{agendaT("presenter")}</th>
                <th scope="col">{agendaT("minutes")}</th>
              </tr>
            </thead>
            <tbody>
              {meeting.agendaItems.map((item, index) => (
                <tr key={item.id}>
                  <td>{index + 1}</td>
                  <td>{torontoTime(schedule.items[index]!.startsAt)}</td>
                  <th scope="row" className="font-normal">
                    <LocalizedText value={pickLocalized(locale, item.titleEn, item.titleFr)} needsReview={review.has(`agenda_item:${item.id}:title`)} />
                    {item.initiative && (
                      <>
                        {" "}
                        (<Link href={`/initiatives/${item.initiative.id}`}>{item.initiative.code}</Link>)
                      </>
                    )}
                    {item.outcome && <p className="text-base text-gc-secondary">{item.outcome}</p>}
                  </th>
                  <td>{agendaT(`kind.${item.kind}`)}</td>
                  <td>{item.presentingDepartment ? byLocale(locale, item.presentingDepartment.acronymEn, item.presentingDepartment.acronymFr) : "—"}</td>
                  <td>{item.minutes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {schedule.overrunMinutes > 0 && (
          <p className="mt-2 border-l-4 border-gc-danger p-2 font-semibold">{agendaT("overrun", { minutes: schedule.overrunMinutes })}</p>
        )}
      </section>

      {meeting.agendaItems.length > 0 && (
        <section aria-labelledby="agenda-discussions" className="no-print">
          <h2 id="agenda-discussions">{discussion("agendaItemsTitle")}</h2>
          {meeting.agendaItems.map((item, index) => (
            <div key={item.id} id={`item-${item.id}`} data-testid="agenda-item-discussion">
              <h3 className="text-xl">
                {index + 1}. <LocalizedText value={pickLocalized(locale, item.titleEn, item.titleFr)} />
              </h3>
              <Discussion thread={threadOf(threads, "agendaItem", item.id)} initiativeIds={threads.initiativeIds} user={user} locale={locale} actions={discussionActions} headingLevel={4} compact lazyAddForm />
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby="carried-heading">
        <h2 id="carried-heading">{t("carriedForward")}</h2>
        {carried.length === 0 ? (
          <p>{t("noCarriedForward")}</p>
        ) : (
          <ul className="space-y-1" data-testid="carried-forward">
            {carried.map((item) => (
              <li key={item.id}>
                {byLocale(locale, item.owner.en, item.owner.fr)} — {byLocale(locale, item.titleEn, item.titleFr)} ({actionsT("dueDate")} {item.dueDate}
                {item.overdue && `, ${actionsT("overdue")}`}) — {actionsT(`status.${item.status}`)}
                <Discussion thread={threadOf(threads, "actionItem", item.id)} initiativeIds={threads.initiativeIds} user={user} locale={locale} actions={discussionActions} headingLevel={4} compact lazyAddForm />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">{t("decisions")}</h2>
        <p className="no-print">
          <DocxLinks href={`/api/meetings/${meeting.id}/docx?doc=decisions`} document={exportsT("decisions")} locale={locale} />
        </p>
        {meeting.decisions.length === 0 ? (
          <p>{t("noDecisions")}</p>
        ) : (
          <DecisionList decisions={meeting.decisions} locale={locale} />
        )}
      </section>

      {signOff && (
        <section aria-labelledby="sign-off-heading" id="sign-off">
          <h2 id="sign-off-heading">{signOffT("title")}</h2>
          <p>{signOffT(`intro.${signOff.minutesStatus}`)}</p>
          <SignOffMatrix matrix={signOff} locale={locale} />
          {maySignOff && ownAnswer && (
            <SignOffForm
              action={signOffMinutesAction}
              meetingId={meeting.id}
              round={signOff.round}
              department={locale === "fr" ? ownAnswer.acronym.fr : ownAnswer.acronym.en}
              current={{ response: ownAnswer.response, comments: ownAnswer.comments }}
            />
          )}
          {signOff.minutesStatus === "CIRCULATED" && signOff.pastDue && can(user, "minutes.signOff") && <p data-testid="sign-off-closed">{signOffT("closed")}</p>}
        </section>
      )}

      {mayPropose && (
        <section aria-labelledby="propose-heading" id="propose" className="no-print">
          <h2 id="propose-heading">{proposalsT("proposeTitle")}</h2>
          <p>{proposalsT("proposeIntro")}</p>
          <ProposalForm action={proposeAgendaItemAction} meetingId={meeting.id} locale={locale} />
        </section>
      )}

      {meetingDocuments && (
        <MeetingPapers
          meetingId={meeting.id}
          locale={locale}
          requests={paperRequests}
          items={paperItems}
          meetingDocuments={meetingDocuments}
          mayRequest={manager}
          actions={{ withdraw: withdrawDocumentAction, request: requestPaperAction, cancelRequest: cancelPaperRequestAction }}
        />
      )}
    </>
  );
}
