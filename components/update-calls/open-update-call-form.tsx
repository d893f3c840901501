"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { CheckboxGroup, FormMessage, TextArea, TextField, optionsOf } from "@/components/forms/fields";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";

/** Opens a call for a reporting period; with no initiative ticked it covers every active initiative. */
export function OpenUpdateCallForm({ action, today, initiatives }: { action: (state: FormState, formData: FormData) => Promise<FormState>; today: string; initiatives: { id: string; label: string }[] }) {
  const t = useTranslations("UpdateCalls");
  const results = useTranslations("Results");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-3xl space-y-5">
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} />
      <TextField form="update-call" name="reportingPeriod" label={t("period")} hint={t("periodHint")} state={state} required />
      <TextField form="update-call" name="dueDate" type="date" label={t("dueDate")} state={state} min={today} required />
      <CheckboxGroup layout="list" form="update-call" name="initiativeIds" label={t("initiatives")} hint={t("initiativesHint")} options={optionsOf(initiatives)} state={state} />
      <TextField form="update-call" name="resultsFiscalYear" label={results("callFiscalYear")} hint={results("callFiscalYearHint")} state={state} />
      <TextArea form="update-call" name="messageEn" label={t("messageEn")} state={state} lang="en" />
      <TextArea form="update-call" name="messageFr" label={t("messageFr")} state={state} lang="fr" />
      <button type="submit" className="gc-button" disabled={pending}>
        {t("openButton")}
      </button>
    </form>
  );
}
