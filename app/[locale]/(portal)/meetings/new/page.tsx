import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { nextSequenceNumber } from "@/lib/meetings/queries";
import { PageHeader } from "@/components/shell/page-header";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { createMeetingAction } from "../actions";

export default async function NewMeetingPage({ params }: PageProps<"/[locale]/meetings/new">) {
  await guardPage(params, "meeting.manage");
  const t = await getTranslations("Meetings");
  const nav = await getTranslations("Nav");
  return (
    <>
      <PageHeader title={t("newTitle")} trail={[{ label: nav("meetings"), href: "/meetings" }, { label: t("newTitle") }]} />
      <MeetingForm
        action={createMeetingAction}
        published={false}
        values={{ sequenceNumber: await nextSequenceNumber(), titleEn: "", titleFr: "", date: "", startTime: "13:30", endTime: "16:00", location: "", videoUrl: "" }}
      />
    </>
  );
}
