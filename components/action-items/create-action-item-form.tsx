"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createActionItemAction } from "@/app/[locale]/(portal)/action-items/actions";
import { initialFormState } from "@/lib/forms/form-state";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/meetings/form-fields";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";

type Option = { id: string; label: string };

export function CreateActionItemForm({
  today,
  defaults,
  departments,
  people,
  initiatives,
  meetings,
}: {
  today: string;
  defaults: { meetingId: string; agendaItemId: string; ownerDepartmentId: string };
  departments: Option[];
  people: (Option & { departmentId: string | null })[];
  initiatives: Option[];
  meetings: Option[];
}) {
  const t = useTranslations("ActionItems");
  const [state, action, pending] = useActionState(createActionItemAction, initialFormState);
  return (
    <form action={action} noValidate className="max-w-3xl space-y-5">
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} />
      <TextField name="titleEn" label={t("titleEn")} state={state} lang="en" required />
      <TextField name="titleFr" label={t("titleFr")} state={state} lang="fr" required />
      <TextAreaField name="detailsEn" label={t("detailsEn")} state={state} lang="en" />
      <TextAreaField name="detailsFr" label={t("detailsFr")} state={state} lang="fr" />
      <SelectField name="ownerDepartmentId" label={t("owner")} state={state} options={departments} defaultValue={defaults.ownerDepartmentId} required />
      <SelectField name="assigneeId" label={t("assignee")} hint={t("assigneeHint")} state={state} options={people} emptyLabel={t("none")} />
      <TextField name="dueDate" type="date" label={t("dueDate")} state={state} min={today} required />
      <SelectField name="initiativeId" label={t("initiative")} state={state} options={initiatives} emptyLabel={t("none")} />
      <SelectField name="meetingId" label={t("meeting")} state={state} options={meetings} emptyLabel={t("none")} defaultValue={defaults.meetingId} />
      {defaults.agendaItemId && <input type="hidden" name="agendaItemId" value={defaults.agendaItemId} />}
      <button type="submit" className="gc-button" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
