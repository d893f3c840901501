"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxGroup, FormMessage } from "@/components/forms/fields";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { notificationKinds, type NotificationKindName } from "@/lib/notifications/schemas";

/** Which kinds of notification reach the person's notification centre (issue 22); the command changes only theirs. */
export function InPortalPreferencesForm({ action, initial }: { action: (state: FormState, formData: FormData) => Promise<FormState>; initial: Record<NotificationKindName, boolean> }) {
  const t = useTranslations("NotificationCentre");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="max-w-2xl space-y-6" data-testid="in-portal-preferences-form">
      <FormMessage state={state} />
      <CheckboxGroup
        form="in-portal"
        name="inPortal"
        label={t("preferencesLegend")}
        layout="list"
        state={state}
        defaultValues={notificationKinds.filter((kind) => initial[kind])}
        options={notificationKinds.map((kind) => ({ value: kind, label: t(`preferenceKinds.${kind}`) }))}
      />
      <button type="submit" className="gc-button" disabled={pending} aria-disabled={pending}>
        {t("preferencesSave")}
      </button>
    </form>
  );
}
