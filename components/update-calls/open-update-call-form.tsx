"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { openUpdateCallAction } from "@/app/[locale]/(portal)/update-calls/actions";
import { initialFormState } from "@/lib/forms/form-state";
import { FormMessage, TextAreaField, TextField } from "@/components/meetings/form-fields";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";

/** Opens a call for a reporting period; with no initiative ticked it covers every active initiative. */
export function OpenUpdateCallForm({ today, initiatives }: { today: string; initiatives: { id: string; label: string }[] }) {
  const t = useTranslations("UpdateCalls");
  const [state, action, pending] = useActionState(openUpdateCallAction, initialFormState);
  const chosen = new Set([state.values?.initiativeIds ?? []].flat());
  const errors = state.fieldErrors?.initiativeIds;
  return (
    <form action={action} noValidate className="max-w-3xl space-y-5">
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} />
      <TextField name="reportingPeriod" label={t("period")} hint={t("periodHint")} state={state} required />
      <TextField name="dueDate" type="date" label={t("dueDate")} state={state} min={today} required />
      <fieldset aria-describedby={errors ? "initiativeIds-error" : "initiativeIds-hint"}>
        <legend className="gc-label">{t("initiatives")}</legend>
        <span id="initiativeIds-hint" className="mb-1 block text-base text-gc-secondary">
          {t("initiativesHint")}
        </span>
        {errors && (
          <span id="initiativeIds-error" className="gc-error">
            {errors.join(" ")}
          </span>
        )}
        <ul className="max-h-72 space-y-1 overflow-y-auto border border-gc-border p-2">
          {initiatives.map((initiative) => (
            <li key={initiative.id}>
              <label className="flex gap-2">
                <input type="checkbox" name="initiativeIds" value={initiative.id} defaultChecked={chosen.has(initiative.id)} />
                {initiative.label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextAreaField name="messageEn" label={t("messageEn")} state={state} lang="en" />
      <TextAreaField name="messageFr" label={t("messageFr")} state={state} lang="fr" />
      <button type="submit" className="gc-button" disabled={pending}>
        {t("openButton")}
      </button>
    </form>
  );
}
