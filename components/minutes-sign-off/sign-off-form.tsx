"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { FormMessage, RadioGroup, TextArea } from "@/components/forms/fields";

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** A representative's answer for their department: concur, or send comments (issue 22.4). */
export function SignOffForm({ action, meetingId, round, department, current }: { action: FormAction; meetingId: string; round: number; department: string; current: { response: string | null; comments: string | null } }) {
  const t = useTranslations("SignOff");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="mt-4 max-w-3xl" data-testid="sign-off-form">
      <FormMessage state={state} focus />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="round" value={round} />
      <RadioGroup
        form="sign-off"
        name="response"
        label={t("formLegend", { department })}
        hint={current.response ? t("replaceHint") : undefined}
        state={state}
        defaultValue={current.response ?? "CONCURRED"}
        options={[
          { value: "CONCURRED", label: t("concur") },
          { value: "COMMENTED", label: t("sendComments") },
        ]}
      />
      <TextArea form="sign-off" name="comments" label={t("commentsLabel")} hint={t("commentsHint")} state={state} defaultValue={current.comments ?? ""} rows={4} />
      <button type="submit" className="gc-button" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
