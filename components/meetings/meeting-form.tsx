"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createMeetingAction, updateMeetingAction } from "@/app/[locale]/(portal)/meetings/actions";
import { initialFormState } from "@/lib/forms/form-state";
import { FormMessage, TextAreaField, TextField } from "./form-fields";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";

export type MeetingFormValues = {
  id?: string;
  version?: number;
  sequenceNumber: number;
  titleEn: string;
  titleFr: string;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  videoUrl: string;
};

/** Create or edit a meeting. Times are Toronto wall-clock times; a published meeting needs a change note. */
export function MeetingForm({ values, published }: { values: MeetingFormValues; published: boolean }) {
  const t = useTranslations("Meetings");
  const [state, action, pending] = useActionState(values.id ? updateMeetingAction : createMeetingAction, initialFormState);
  return (
    <form action={action} noValidate className="max-w-3xl space-y-5">
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version && <input type="hidden" name="version" value={values.version} />}
      <TextField name="sequenceNumber" type="number" min={1} label={t("number")} state={state} defaultValue={String(values.sequenceNumber)} required />
      <TextField name="titleEn" label={t("titleEn")} state={state} lang="en" defaultValue={values.titleEn} required />
      <TextField name="titleFr" label={t("titleFr")} state={state} lang="fr" defaultValue={values.titleFr} required />
      <TextField name="date" type="date" label={t("date")} state={state} defaultValue={values.date} required />
      <TextField name="startTime" type="time" label={t("startTime")} hint={t("torontoTime")} state={state} defaultValue={values.startTime} required />
      <TextField name="endTime" type="time" label={t("endTime")} hint={t("torontoTime")} state={state} defaultValue={values.endTime} required />
      <TextField name="location" label={t("location")} state={state} defaultValue={values.location} />
      <TextField name="videoUrl" type="url" label={t("videoUrl")} hint={t("videoUrlHint")} state={state} defaultValue={values.videoUrl} />
      {published && <TextAreaField name="changeNote" label={t("changeNote")} hint={t("changeNoteHint")} state={state} rows={2} />}
      <button type="submit" className="gc-button" disabled={pending}>
        {values.id ? t("save") : t("create")}
      </button>
    </form>
  );
}
