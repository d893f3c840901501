"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { FormMessage, SelectField, TextArea, TextField, optionsOf } from "@/components/forms/fields";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";

type Option = { id: string; label: string };

export function CreateActionItemForm({
  action,
  today,
  defaults,
  departments,
  people,
  initiatives,
  meetings,
}: {
  /** createActionItemAction of app/[locale]/(portal)/action-items/actions.ts, passed in by the page. */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  today: string;
  defaults: { meetingId: string; agendaItemId: string; ownerDepartmentId: string };
  departments: Option[];
  people: (Option & { departmentId: string | null })[];
  initiatives: Option[];
  meetings: Option[];
}) {
  const t = useTranslations("ActionItems");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-3xl space-y-5">
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} />
      <TextField form="action-item" name="titleEn" label={t("titleEn")} state={state} lang="en" required />
      <TextField form="action-item" name="titleFr" label={t("titleFr")} state={state} lang="fr" required />
      <TextArea form="action-item" name="detailsEn" label={t("detailsEn")} state={state} lang="en" />
      <TextArea form="action-item" name="detailsFr" label={t("detailsFr")} state={state} lang="fr" />
      <SelectField form="action-item" name="ownerDepartmentId" label={t("owner")} state={state} options={optionsOf(departments)} defaultValue={defaults.ownerDepartmentId} required />
      <SelectField form="action-item" name="assigneeId" label={t("assignee")} hint={t("assigneeHint")} state={state} options={optionsOf(people)} placeholder={t("none")} />
      <TextField form="action-item" name="dueDate" type="date" label={t("dueDate")} state={state} min={today} required />
      <SelectField form="action-item" name="initiativeId" label={t("initiative")} state={state} options={optionsOf(initiatives)} placeholder={t("none")} />
      <SelectField form="action-item" name="meetingId" label={t("meeting")} state={state} options={optionsOf(meetings)} placeholder={t("none")} defaultValue={defaults.meetingId} />
      {defaults.agendaItemId && <input type="hidden" name="agendaItemId" value={defaults.agendaItemId} />}
      <button type="submit" className="gc-button" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
