"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
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
  // After a refused save, show what the user had ticked, not what is stored.
  const echoed = state.values;
  const echoedNotices = echoed ? ([] as string[]).concat(echoed.notices ?? []) : null;
  const language = (echoed?.language as string | undefined) ?? initial.language;
  const noticesError = state.fieldErrors?.notices?.[0] ?? Object.entries(state.fieldErrors ?? {}).find(([name]) => name.startsWith("notices."))?.[1]?.[0];
  const languageError = state.fieldErrors?.language?.[0];

  return (
    <form action={formAction} className="max-w-2xl space-y-6" data-testid="notice-preferences-form">
      <div aria-live="polite" role="status">
        {state.message && (
          <p className={state.status === "error" ? "border-l-4 border-gc-danger bg-white p-4" : "border-l-4 border-health-green bg-white p-4"}>{state.message}</p>
        )}
      </div>
      <fieldset aria-describedby={noticesError ? "notices-error" : undefined}>
        <legend className="gc-label">{t("legend")}</legend>
        {noticesError && (
          <span id="notices-error" className="gc-error">
            {noticesError}
          </span>
        )}
        <ul className="space-y-2">
          {noticeKinds.map((kind) => (
            <li key={kind} className="flex items-start gap-3">
              <input
                type="checkbox"
                id={`notice-${kind}`}
                name="notices"
                value={kind}
                defaultChecked={echoedNotices ? echoedNotices.includes(kind) : initial.enabled[kind]}
                className="mt-1 h-5 w-5"
              />
              <label htmlFor={`notice-${kind}`}>{t(`kinds.${kind}`)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset aria-describedby={["language-hint", languageError ? "language-error" : null].filter(Boolean).join(" ")}>
        <legend className="gc-label">{t("languageLabel")}</legend>
        <p id="language-hint" className="text-gc-secondary">
          {t("languageHint")}
        </p>
        {languageError && (
          <span id="language-error" className="gc-error">
            {languageError}
          </span>
        )}
        {(["en", "fr"] as const).map((code) => (
          <div key={code} className="flex items-center gap-3">
            <input type="radio" id={`notice-language-${code}`} name="language" value={code} defaultChecked={language === code} className="h-5 w-5" />
            <label htmlFor={`notice-language-${code}`} lang={code}>
              {t(code === "en" ? "english" : "french")}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="gc-button" disabled={pending} aria-disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
