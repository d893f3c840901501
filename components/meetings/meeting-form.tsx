"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { FormMessage, TextArea, TextField } from "@/components/forms/fields";
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
export function MeetingForm({ action, values, published }: { action: (state: FormState, formData: FormData) => Promise<FormState>; values: MeetingFormValues; published: boolean }) {
  const t = useTranslations("Meetings");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-3xl space-y-5">
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version && <input type="hidden" name="version" value={values.version} />}
      <TextField form="meeting" name="sequenceNumber" type="number" min={1} label={t("number")} state={state} defaultValue={String(values.sequenceNumber)} required />
      <TextField form="meeting" name="titleEn" label={t("titleEn")} state={state} lang="en" defaultValue={values.titleEn} required />
      <TextField form="meeting" name="titleFr" label={t("titleFr")} state={state} lang="fr" defaultValue={values.titleFr} required />
      <TextField form="meeting" name="date" type="date" label={t("date")} state={state} defaultValue={values.date} required />
      <TextField form="meeting" name="startTime" type="time" label={t("startTime")} hint={t("torontoTime")} state={state} defaultValue={values.startTime} required />
      <TextField form="meeting" name="endTime" type="time" label={t("endTime")} hint={t("torontoTime")} state={state} defaultValue={values.endTime} required />
      <TextField form="meeting" name="location" label={t("location")} state={state} defaultValue={values.location} />
      <TextField form="meeting" name="videoUrl" type="url" label={t("videoUrl")} hint={t("videoUrlHint")} state={state} defaultValue={values.videoUrl} />
      {published && <TextArea form="meeting" name="changeNote" label={t("changeNote")} hint={t("changeNoteHint")} state={state} rows={2} />}
      <button type="submit" className="gc-button" disabled={pending}>
        {values.id ? t("save") : t("create")}
      </button>
    </form>
  );
}
