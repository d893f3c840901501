"use client";

import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { useRouter } from "@/lib/i18n/navigation";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/forms/fields";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Option = { value: string; label: string };

/** Post a status update: period, health, progress, narrative in either language or both. */
export function StatusUpdateForm({ action, initiativeId, healths, defaultPeriod, defaultProgress, periodExample }: { action: Action; initiativeId: string; healths: Option[]; defaultPeriod: string; defaultProgress: number; periodExample: string }) {
  const t = useTranslations("Initiatives");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const router = useRouter();
  useEffect(() => {
    if (state.redirectTo) router.push(state.redirectTo);
  }, [state, router]);
  const form = "update";
  return (
    <form action={formAction} noValidate className="max-w-3xl" data-testid="status-update-form">
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} id={`${form}-message`} />
      <input type="hidden" name="initiativeId" value={initiativeId} />
      <TextField form={form} name="reportingPeriod" label={t("period")} hint={t("periodHint", { example: periodExample })} state={state} defaultValue={defaultPeriod} />
      <SelectField form={form} name="health" label={t("health")} state={state} defaultValue="" options={healths} placeholder={t("chooseOne")} />
      <TextField form={form} name="progress" label={t("progress")} hint={t("progressHint")} inputMode="numeric" state={state} defaultValue={String(defaultProgress)} />
      <TextArea form={form} name="narrativeEn" label={t("narrativeEn")} state={state} lang="en" />
      <TextArea form={form} name="narrativeFr" label={t("narrativeFr")} state={state} lang="fr" />
      <button type="submit" className="gc-button" disabled={pending} aria-disabled={pending}>
        {pending ? t("saving") : t("postUpdateSubmit")}
      </button>
    </form>
  );
}

export type MilestoneValues = { id?: string; version?: number; titleEn: string; titleFr: string; dueDate: string; completedDate: string };

/** Add a milestone (no id) or edit one (id and version). */
export function MilestoneForm({ action, initiativeId, values, submitLabel, formId }: { action: Action; initiativeId?: string; values: MilestoneValues; submitLabel: string; formId: string }) {
  const t = useTranslations("Initiatives");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} noValidate className="mb-4" data-testid={formId}>
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} id={`${formId}-message`} />
      {initiativeId && <input type="hidden" name="initiativeId" value={initiativeId} />}
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version !== undefined && <input type="hidden" name="version" value={values.version} />}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField form={formId} name="titleEn" label={t("milestoneTitleEn")} state={state} defaultValue={values.titleEn} lang="en" />
        <TextField form={formId} name="titleFr" label={t("milestoneTitleFr")} state={state} defaultValue={values.titleFr} lang="fr" />
        <TextField form={formId} name="dueDate" type="date" label={t("dueDate")} state={state} defaultValue={values.dueDate} />
        <TextField form={formId} name="completedDate" type="date" label={t("completedDate")} state={state} defaultValue={values.completedDate} />
      </div>
      <button type="submit" className="gc-button-secondary" disabled={pending} aria-disabled={pending}>
        {pending ? t("saving") : submitLabel}
      </button>
    </form>
  );
}

export type FundingValues = { id?: string; version?: number; source: string; fiscalYear: string; allocated: string; spent: string; notes: string };

/** Add a funding line (no id) or edit one; amounts are typed in the page language's conventions. */
export function FundingLineForm({ action, initiativeId, values, submitLabel, formId, locale, amountExample, fiscalYearExample }: { action: Action; initiativeId?: string; values: FundingValues; submitLabel: string; formId: string; locale: "en" | "fr"; amountExample: string; fiscalYearExample: string }) {
  const t = useTranslations("Initiatives");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} noValidate className="mb-4" data-testid={formId}>
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} id={`${formId}-message`} />
      {initiativeId && <input type="hidden" name="initiativeId" value={initiativeId} />}
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version !== undefined && <input type="hidden" name="version" value={values.version} />}
      <input type="hidden" name="locale" value={locale} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField form={formId} name="source" label={t("source")} state={state} defaultValue={values.source} />
        <TextField form={formId} name="fiscalYear" label={t("fiscalYear")} hint={t("fiscalYearHint", { example: fiscalYearExample })} inputMode="numeric" state={state} defaultValue={values.fiscalYear} />
        <TextField form={formId} name="allocated" label={t("allocated")} hint={t("amountHint", { example: amountExample })} inputMode="decimal" state={state} defaultValue={values.allocated} />
        <TextField form={formId} name="spent" label={t("spent")} hint={t("amountHint", { example: amountExample })} inputMode="decimal" state={state} defaultValue={values.spent} />
      </div>
      <TextArea form={formId} name="notes" label={t("notes")} state={state} defaultValue={values.notes} />
      <button type="submit" className="gc-button-secondary" disabled={pending} aria-disabled={pending}>
        {pending ? t("saving") : submitLabel}
      </button>
    </form>
  );
}
