"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxGroup, FormMessage, RadioGroup } from "@/components/forms/fields";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { noticeKinds, type NoticeKindName } from "@/lib/notifications/schemas";

type Props = {
  /** The server action, e.g. `updateNoticesAction` from app/[locale]/(portal)/profile/notices/actions.ts. */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: { language: "en" | "fr"; enabled: Record<NoticeKindName, boolean> };
};

/**
 * The user's e-mail notice choices: which notices, and which language comes first. Drop it into any page (the
 * profile page) with the user's current choices; the command behind the action only ever changes the caller's own.
 */
export function NoticePreferencesForm({ action, initial }: Props) {
  const t = useTranslations("NoticePreferences");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  // The notices field's errors may come per entry ("notices.0"): the kit shows them at the group.
  const noticesError = state.fieldErrors?.notices ?? Object.entries(state.fieldErrors ?? {}).find(([name]) => name.startsWith("notices."))?.[1];
  const shown = { ...state, fieldErrors: { ...state.fieldErrors, ...(noticesError ? { notices: noticesError } : {}) } };

  return (
    <form action={formAction} className="max-w-2xl space-y-6" data-testid="notice-preferences-form">
      <FormMessage state={state} />
      <CheckboxGroup
        form="notice"
        name="notices"
        label={t("legend")}
        layout="list"
        state={shown}
        defaultValues={noticeKinds.filter((kind) => initial.enabled[kind])}
        options={noticeKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      />
      <RadioGroup
        form="notice"
        name="language"
        label={t("languageLabel")}
        hint={t("languageHint")}
        state={shown}
        defaultValue={initial.language}
        options={(["en", "fr"] as const).map((code) => ({ value: code, label: t(code === "en" ? "english" : "french"), lang: code }))}
      />
      <button type="submit" className="gc-button" disabled={pending} aria-disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
