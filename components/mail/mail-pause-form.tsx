"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/fields";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";

/** One button that pauses mail when it runs and resumes it when paused; the outcome is announced politely. */
export function MailPauseForm({ paused, action }: { paused: boolean; action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const t = useTranslations("Outbox");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="my-4" data-testid="mail-pause-form">
      <input type="hidden" name="paused" value={paused ? "false" : "true"} />
      <button type="submit" className={paused ? "gc-button" : "gc-button gc-button-secondary"} disabled={pending} aria-disabled={pending}>
        {paused ? t("resume") : t("pause")}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
