"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { FormMessage, SelectField, TextArea } from "@/components/forms/fields";

/** A server action of app/[locale]/(portal)/reports/actions.ts, passed in by the page. */
type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** Generate (or generate again) a fiscal year's annual report: a choice of year, or the page's year as a hidden field. */
export function GenerateReportForm({ action, years, fiscalYear, label }: { action: FormAction; years?: { value: string; label: string }[]; fiscalYear?: number; label: string }) {
  const t = useTranslations("Reports");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-3" data-testid="generate-report">
      <FormMessage state={state} />
      {years ? (
        <SelectField name="fiscalYear" label={t("fiscalYearLabel")} state={state} options={years} defaultValue={years[0]?.value} />
      ) : (
        <input type="hidden" name="fiscalYear" value={fiscalYear} />
      )}
      <button type="submit" className="gc-button" disabled={pending}>
        {label}
      </button>
    </form>
  );
}

/** Issue the draft; while texts lack their other language, a reason may override the gate (issue 21.4, audited). */
export function IssueReportForm({ action, id, version, oneLanguage }: { action: FormAction; id: string; version: number; oneLanguage: boolean }) {
  const t = useTranslations("Reports.annual");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="max-w-3xl space-y-3" data-testid="issue-report">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {oneLanguage && <TextArea name="overrideReason" label={t("overrideReason")} hint={t("overrideReasonHint")} state={state} rows={2} />}
      <button type="submit" className="gc-button" disabled={pending}>
        {t("issue")}
      </button>
    </form>
  );
}
