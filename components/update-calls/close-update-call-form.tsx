"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { closeUpdateCallAction } from "@/app/[locale]/(portal)/update-calls/actions";
import { initialFormState } from "@/lib/forms/form-state";
import { FormMessage } from "@/components/meetings/form-fields";

export function CloseUpdateCallForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("UpdateCalls");
  const [state, action, pending] = useActionState(closeUpdateCallAction, initialFormState);
  return (
    <form action={action} className="mt-6 space-y-3">
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
