"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { FormMessage } from "@/components/forms/fields";

export function CloseUpdateCallForm({ action, id, version }: { action: (state: FormState, formData: FormData) => Promise<FormState>; id: string; version: number }) {
  const t = useTranslations("UpdateCalls");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="mt-6 space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <p>{t("closeHint")}</p>
      <button type="submit" className="gc-button" disabled={pending}>
        {t("close")}
      </button>
    </form>
  );
}
