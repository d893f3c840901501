"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { CheckboxGroup, FormMessage, SelectField, TextArea, TextField } from "@/components/forms/fields";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";

type Option = { value: string; label: string };

export type InitiativeFormValues = {
  id?: string;
  version?: number;
  titleEn: string;
  titleFr: string;
  summaryEn: string | null;
  summaryFr: string | null;
  leadDepartmentId: string;
  partnerDepartmentIds: string[];
  primaryPillarId: string;
  secondaryPillarIds: string[];
  status: string;
  startDate: string;
  targetEndDate: string;
  notes: string | null;
};

/**
 * Create or edit an initiative. An edit carries the version it started from (hidden field); a conflicting
 * save comes back with every typed value and a message naming who saved in between.
 */
export function InitiativeForm({
  action,
  values,
  departments,
  leadOptions,
  pillars,
  statuses,
  submitLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  values: InitiativeFormValues;
  departments: Option[];
  leadOptions: Option[];
  pillars: Option[];
  statuses: Option[];
  submitLabel: string;
}) {
  const t = useTranslations("Initiatives");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const form = "initiative";
  return (
    <form action={formAction} noValidate className="max-w-3xl" data-testid="initiative-form">
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} id={`${form}-message`} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version !== undefined && <input type="hidden" name="version" value={values.version} />}
      <TextField form={form} name="titleEn" label={t("titleEn")} hint={t("titleHint")} state={state} defaultValue={values.titleEn} lang="en" />
      <TextField form={form} name="titleFr" label={t("titleFr")} state={state} defaultValue={values.titleFr} lang="fr" />
      <TextArea form={form} name="summaryEn" label={t("summaryEn")} state={state} defaultValue={values.summaryEn} lang="en" />
      <TextArea form={form} name="summaryFr" label={t("summaryFr")} state={state} defaultValue={values.summaryFr} lang="fr" />
      <SelectField form={form} name="leadDepartmentId" label={t("leadDepartment")} state={state} defaultValue={values.leadDepartmentId} options={leadOptions} placeholder={leadOptions.length > 1 ? t("chooseOne") : undefined} />
      <CheckboxGroup form={form} name="partnerDepartmentIds" label={t("partners")} state={state} defaultValues={values.partnerDepartmentIds} options={departments} />
      <SelectField form={form} name="primaryPillarId" label={t("primaryPillar")} state={state} defaultValue={values.primaryPillarId} options={pillars} placeholder={t("chooseOne")} />
      <CheckboxGroup form={form} name="secondaryPillarIds" label={t("secondaryPillars")} state={state} defaultValues={values.secondaryPillarIds} options={pillars} />
      <SelectField form={form} name="status" label={t("status")} state={state} defaultValue={values.status} options={statuses} />
      <TextField form={form} name="startDate" type="date" label={t("startDate")} state={state} defaultValue={values.startDate} />
      <TextField form={form} name="targetEndDate" type="date" label={t("targetEndDate")} state={state} defaultValue={values.targetEndDate} />
      <TextArea form={form} name="notes" label={t("notes")} state={state} defaultValue={values.notes} />
      <button type="submit" className="gc-button" disabled={pending} aria-disabled={pending}>
        {pending ? t("saving") : submitLabel}
      </button>
    </form>
  );
}
