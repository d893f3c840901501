import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { getMeeting } from "@/lib/meetings/queries";
import { utcToTorontoWallClock } from "@/lib/kernel/time";
import { PageHeader } from "@/components/shell/page-header";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { CommandForm } from "@/components/forms/command-form";
import { cancelMeetingAction, updateMeetingAction } from "../../actions";
import { verifyInPlaceAction } from "../../../translation/actions";
import { textLanguageStatuses } from "@/lib/translation/queries";
import { LanguageStatus } from "@/components/translation/language-status";

export default async function EditMeetingPage({ params, searchParams }: PageProps<"/[locale]/meetings/[id]/edit">) {
  const { locale, user } = await guardPage(params, "meeting.manage");
  const { id } = await params;
  const meeting = await getMeeting(user, id);
  if (!meeting) notFound();
  const t = await getTranslations("Meetings");
  const nav = await getTranslations("Nav");
  const start = utcToTorontoWallClock(meeting.startsAt);
  const title = locale === "fr" ? meeting.titleFr : meeting.titleEn;
  const languages = await textLanguageStatuses(user, [{ kind: "meeting", id: meeting.id, field: "title" }]);
  return (
    <>
      <PageHeader title={t("editTitle", { title })} trail={[{ label: nav("meetings"), href: "/meetings" }, { label: title, href: `/meetings/${meeting.id}` }, { label: t("edit") }]} />
      <MeetingForm
        action={updateMeetingAction}
        published={meeting.agendaStatus !== "DRAFT"}
        values={{
          id: meeting.id,
          version: meeting.version,
          sequenceNumber: meeting.sequenceNumber,
          titleEn: meeting.titleEn,
          titleFr: meeting.titleFr,
          date: start.date,
          startTime: start.time,
          endTime: utcToTorontoWallClock(meeting.endsAt).time,
          location: meeting.location ?? "",
          videoUrl: meeting.videoUrl ?? "",
        }}
      />
      <LanguageStatus
        headingId="meeting-languages"
        locale={locale}
        verifyAction={verifyInPlaceAction}
        returnTo={`/meetings/${meeting.id}/edit`}
        verified={(await searchParams).verified}
        entries={[{ label: (await getTranslations("TranslationInPlace"))("meetingTitle"), status: languages.get(`meeting:${meeting.id}:title`) }]}
      />
      {!meeting.cancelledAt && meeting.agendaStatus !== "HELD" && (
        <section aria-labelledby="cancel-meeting-heading" className="mt-10">
          <h2 id="cancel-meeting-heading">{t("cancelHeading")}</h2>
          <p>{t(meeting.agendaStatus === "PUBLISHED" ? "cancelExplainPublished" : "cancelExplainDraft")}</p>
          <CommandForm
            action={cancelMeetingAction}
            testId="cancel-meeting"
            submitLabel={t("cancelSubmit")}
            fields={[
              { name: "id", label: "", type: "hidden", defaultValue: meeting.id },
              { name: "version", label: "", type: "hidden", defaultValue: String(meeting.version) },
              { name: "reason", label: t("cancelReason"), hint: t("cancelReasonHint"), type: "textarea", required: true },
            ]}
          />
        </section>
      )}
      {meeting.cancelledAt && (
        <p className="mt-10 border-l-4 border-gc-danger bg-gc-light p-4" data-testid="meeting-cancelled">
          <strong>{t("cancelledNotice")}</strong> {meeting.cancellationReason}
        </p>
      )}
    </>
  );
}
