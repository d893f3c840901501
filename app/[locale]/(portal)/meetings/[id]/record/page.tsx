import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { getMeeting, laterMeetings, linkableInitiatives, memberDepartments } from "@/lib/meetings/queries";
import { languageGate, textLanguageStatuses } from "@/lib/translation/queries";
import { LanguageStatus } from "@/components/translation/language-status";
import { verifyInPlaceAction } from "../../../translation/actions";
import { PageHeader } from "@/components/shell/page-header";
import { DocxLinks } from "@/components/exports/docx-links";
import { LocalizedText } from "@/components/ui/localized-text";
import { DecisionList } from "@/components/meetings/decision-list";
import { amendMinutesAction, approveMinutesAction, circulateMinutesAction, recordAttendanceAction, recordDecisionAction, recordOutcomeAction, saveMinutesAction } from "../../actions";
import { AmendMinutesForm, ApproveMinutesForm, AttendanceForm, CirculateMinutesForm, DecisionForm, MinutesForm, OutcomeForm } from "@/components/meetings/record-forms";

/** The first words of a long text, for a list. */
const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text);

/** The coordinator's page at and after a meeting: attendance and quorum, outcomes, decisions, action items, minutes. */
export default async function RecordMeetingPage({ params, searchParams }: PageProps<"/[locale]/meetings/[id]/record">) {
  const { locale, user } = await guardPage(params, "meeting.manage");
  const { id } = await params;
  const meeting = await getMeeting(user, id);
  if (!meeting) notFound();
  const [departments, later, initiatives] = await Promise.all([memberDepartments(), laterMeetings(meeting.startsAt), linkableInitiatives()]);
  const t = await getTranslations("Record");
  const exportsT = await getTranslations("Exports");
  const nav = await getTranslations("Nav");
  const title = byLocale(locale, meeting.titleEn, meeting.titleFr);
  const attendance = new Map(meeting.attendance.map((entry) => [entry.departmentId, entry]));
  const held = meeting.agendaStatus === "HELD";
  const started = meeting.startsAt <= new Date();
  const minutes = meeting.minutes;
  // What circulating would send out in one official language only (issue 21's gate), listed before the button.
  const gate = minutes?.status === "DRAFT" ? await languageGate(user, meeting.id, "minutes") : [];
  const inPlace = await getTranslations("TranslationInPlace");
  // Where the minutes and each decision stand in the other language, verified in place (issue 21, point 5).
  const textRefs = [...(minutes ? [{ kind: "minutes" as const, id: minutes.id, field: "body" }] : []), ...meeting.decisions.map((decision) => ({ kind: "decision" as const, id: decision.id, field: "text" }))];
  const languages = held ? await textLanguageStatuses(user, textRefs) : new Map();
  return (
    <>
      <PageHeader title={t("title", { title })} trail={[{ label: nav("meetings"), href: "/meetings" }, { label: title, href: `/meetings/${id}` }, { label: t("breadcrumb") }]} />

      <section aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t("attendance")}</h2>
        {meeting.quorumMet !== null && (
          <p data-testid="quorum" className="font-semibold">
            {meeting.quorumMet ? t("quorumMet") : t("quorumNotMet")}
          </p>
        )}
        {started ? (
          <AttendanceForm action={recordAttendanceAction}
            meetingId={meeting.id}
            departments={departments.map((department) => ({
              id: department.id,
              label: byLocale(locale, department.acronymEn, department.acronymFr),
              status: attendance.get(department.id)?.status ?? "DELEGATE",
              delegateName: attendance.get(department.id)?.delegateName ?? "",
            }))}
          />
        ) : (
          <p>{t("notStarted")}</p>
        )}
      </section>

      {held && (
        <>
          <section aria-labelledby="outcomes-heading">
            <h2 id="outcomes-heading">{t("outcomes")}</h2>
            <ol className="space-y-6">
              {meeting.agendaItems.map((item, index) => {
                const label = `${index + 1}. ${byLocale(locale, item.titleEn, item.titleFr)}`;
                return (
                  <li key={item.id} className="border border-gc-border p-3">
                    <OutcomeForm action={recordOutcomeAction} id={item.id} label={label} outcome={item.outcome ?? ""} deferred={item.deferred} />
                    <p className="mt-2">
                      <Link href={`/action-items/new?meeting=${meeting.id}&agendaItem=${item.id}`}>{t("raiseActionItem")}</Link>
                      <span className="sr-only"> — {label}</span>
                    </p>
                  </li>
                );
              })}
            </ol>
          </section>

          <section aria-labelledby="decisions-heading">
            <h2 id="decisions-heading">{t("decisions")}</h2>
            {meeting.decisions.length > 0 && (
              <div className="mb-4">
                <DecisionList decisions={meeting.decisions} locale={locale} testId="decisions" />
              </div>
            )}
            <DecisionForm action={recordDecisionAction}
              meetingId={meeting.id}
              items={meeting.agendaItems.map((item, index) => ({ id: item.id, label: `${index + 1}. ${byLocale(locale, item.titleEn, item.titleFr)}` }))}
              initiatives={initiatives.map((initiative) => ({ id: initiative.id, label: `${initiative.code} — ${byLocale(locale, initiative.titleEn, initiative.titleFr)}` }))}
            />
          </section>

          <section aria-labelledby="minutes-heading">
            <h2 id="minutes-heading">{t("minutes")}</h2>
            <p data-testid="minutes-status">{t("minutesStatus", { status: t(`minutesState.${minutes?.status ?? "NONE"}`) })}</p>
            {minutes && (
              <p>
                <DocxLinks href={`/api/meetings/${meeting.id}/docx?doc=minutes`} document={exportsT("minutes")} locale={locale} />
              </p>
            )}
            {(!minutes || minutes.status !== "APPROVED") && <MinutesForm action={saveMinutesAction} meetingId={meeting.id} bodyEn={minutes?.bodyEn ?? ""} bodyFr={minutes?.bodyFr ?? ""} version={minutes?.version ?? 0} />}
            {minutes?.status === "DRAFT" && (
              <CirculateMinutesForm
                action={circulateMinutesAction}
                meetingId={meeting.id}
                version={minutes.version}
                missing={gate.map((text) => ({ key: `${text.kind}:${text.id}:${text.field}`, label: `${inPlace(`kind.${text.kind === "minutes" ? "minutes" : "decision"}`)}: ${excerpt(text.text)}`, lang: text.missingLanguage === "fr" ? "en" : "fr", missingLanguage: text.missingLanguage }))}
                queueHref={`/translation?meeting=${meeting.id}`}
              />
            )}
            {minutes?.status === "CIRCULATED" && (
              <ApproveMinutesForm action={approveMinutesAction} meetingId={meeting.id} version={minutes.version} meetings={later.map((candidate) => ({ id: candidate.id, label: `${candidate.sequenceNumber} — ${byLocale(locale, candidate.titleEn, candidate.titleFr)}` }))} />
            )}
            {minutes?.status === "APPROVED" && (
              <>
                <LocalizedText as="div" value={pickLocalized(locale, minutes.bodyEn, minutes.bodyFr)} />
                {minutes.amendments.length > 0 && (
                  <ul className="list-disc pl-6">
                    {minutes.amendments.map((amendment) => (
                      <li key={amendment.id}>
                        <LocalizedText value={pickLocalized(locale, amendment.textEn, amendment.textFr)} />
                      </li>
                    ))}
                  </ul>
                )}
                <AmendMinutesForm action={amendMinutesAction} meetingId={meeting.id} />
              </>
            )}
          </section>

          <LanguageStatus
            headingId="record-languages"
            locale={locale}
            verifyAction={verifyInPlaceAction}
            returnTo={`/meetings/${meeting.id}/record`}
            verified={(await searchParams).verified}
            entries={[
              ...(minutes ? [{ label: inPlace("minutesBody"), status: languages.get(`minutes:${minutes.id}:body`) }] : []),
              ...meeting.decisions.map((decision) => ({ label: `${inPlace("kind.decision")}: ${excerpt(byLocale(locale, decision.textEn, decision.textFr))}`, status: languages.get(`decision:${decision.id}:text`) })),
            ]}
          />
        </>
      )}
    </>
  );
}
