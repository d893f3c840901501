"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { openUpdateCallAction } from "@/app/[locale]/(portal)/update-calls/actions";
import { initialFormState } from "@/lib/forms/form-state";
import { CheckboxListField } from "@/components/meetings/checkbox-list-field";
import { FormMessage, TextAreaField, TextField } from "@/components/meetings/form-fields";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";

/** Opens a call for a reporting period; with no initiative ticked it covers every active initiative. */
export function OpenUpdateCallForm({ today, initiatives }: { today: string; initiatives: { id: string; label: string }[] }) {
  const t = useTranslations("UpdateCalls");
  const results = useTranslations("Results");
  const [state, action, pending] = useActionState(openUpdateCallAction, initialFormState);
  return (
    <form action={action} noValidate className="max-w-3xl space-y-5">
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} />
      <TextField name="reportingPeriod" label={t("period")} hint={t("periodHint")} state={state} required />
      <TextField name="dueDate" type="date" label={t("dueDate")} state={state} min={today} required />
      <CheckboxListField name="initiativeIds" legend={t("initiatives")} hint={t("initiativesHint")} options={initiatives} state={state} />
      <TextField name="resultsFiscalYear" label={results("callFiscalYear")} hint={results("callFiscalYearHint")} state={state} />
      <TextAreaField name="messageEn" label={t("messageEn")} state={state} lang="en" />
      <TextAreaField name="messageFr" label={t("messageFr")} state={state} lang="fr" />
      <button type="submit" className="gc-button" disabled={pending}>
        {t("openButton")}
      </button>
    </form>
  );
}
