"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { CheckboxGroup, FormMessage, SelectField, TextArea, TextField } from "@/components/forms/fields";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";

/*
 * The forms of the results framework (issue 18), built from the initiative forms' field primitives: each field's
 * message at the field, a polite live region for the form's message, what was typed kept after a refusal.
 */

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Option = { value: string; label: string };

function Submit({ pending, label }: { pending: boolean; label: string }) {
  const t = useTranslations("Results");
  return (
    <button type="submit" className="gc-button" disabled={pending} aria-disabled={pending}>
      {pending ? t("saving") : label}
    </button>
  );
}

/** A new expected result under a pillar, with its responsible departments. */
/** What an edit form starts from: the record's values and the version it is at (a stale save is a conflict). */
export type ResultInitial = { id: string; version: number; level: string; titleEn: string; titleFr: string; descriptionEn: string | null; descriptionFr: string | null; departmentIds: string[] };

export function ResultForm({ action, pillars, departments, levels, defaultPillarId, initial }: { action: Action; pillars: Option[]; departments: Option[]; levels: Option[]; defaultPillarId: string; initial?: ResultInitial }) {
  const t = useTranslations("Results");
  const edit = useTranslations("ResultsEdit");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const form = "result";
  return (
    <form action={formAction} noValidate className="max-w-3xl" data-testid="result-form">
      {initial ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : (
        <IdempotencyKeyField state={state} />
      )}
      <FormMessage state={state} id={`${form}-message`} />
      <SelectField form={form} name="pillarId" label={t("pillar")} state={state} defaultValue={defaultPillarId} options={pillars} />
      <SelectField form={form} name="level" label={t("level")} state={state} defaultValue={initial?.level ?? ""} options={levels} placeholder={t("chooseOne")} />
      <TextField form={form} name="titleEn" label={t("resultTitleEn")} state={state} lang="en" defaultValue={initial?.titleEn} />
      <TextField form={form} name="titleFr" label={t("resultTitleFr")} state={state} lang="fr" defaultValue={initial?.titleFr} />
      <TextArea form={form} name="descriptionEn" label={t("descriptionEn")} state={state} lang="en" defaultValue={initial?.descriptionEn} />
      <TextArea form={form} name="descriptionFr" label={t("descriptionFr")} state={state} lang="fr" defaultValue={initial?.descriptionFr} />
      <CheckboxGroup form={form} name="departmentIds" label={t("responsibleDepartments")} state={state} defaultValues={initial?.departmentIds ?? []} options={departments} />
      <Submit pending={pending} label={initial ? edit("saveResult") : t("createResultSubmit")} />
    </form>
  );
}

/** An indicator's values as its edit form shows them (the baseline as typed in the user's language). */
export type IndicatorInitial = {
  id: string;
  version: number;
  unit: string;
  nameEn: string;
  nameFr: string;
  methodologyEn: string | null;
  methodologyFr: string | null;
  dataSourceEn: string | null;
  dataSourceFr: string | null;
  direction: string;
  frequency: string;
  cumulative: boolean;
  baselineValue: string;
  baselineDate: string;
  responsibleDepartmentId: string;
  initiativeIds: string[];
};

/** A new indicator under a result, or (with `initial`) the indicator being edited. */
export function IndicatorForm({
  action,
  resultId,
  locale,
  departments,
  initiatives,
  units,
  directions,
  frequencies,
  initial,
}: {
  action: Action;
  resultId: string;
  locale: "en" | "fr";
  departments: Option[];
  initiatives: Option[];
  units: Option[];
  directions: Option[];
  frequencies: Option[];
  initial?: IndicatorInitial;
}) {
  const t = useTranslations("Results");
  const edit = useTranslations("ResultsEdit");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const form = "indicator";
  const cumulative = state.values ? state.values.cumulative === "on" : (initial?.cumulative ?? false);
  return (
    <form action={formAction} noValidate className="max-w-3xl" data-testid="indicator-form">
      {initial ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : (
        <>
          <IdempotencyKeyField state={state} />
          <input type="hidden" name="resultId" value={resultId} />
        </>
      )}
      <FormMessage state={state} id={`${form}-message`} />
      <input type="hidden" name="locale" value={locale} />
      <TextField form={form} name="nameEn" label={t("nameEn")} state={state} lang="en" defaultValue={initial?.nameEn} />
      <TextField form={form} name="nameFr" label={t("nameFr")} state={state} lang="fr" defaultValue={initial?.nameFr} />
      <SelectField form={form} name="responsibleDepartmentId" label={t("responsibleDepartment")} state={state} defaultValue={initial?.responsibleDepartmentId ?? ""} options={departments} placeholder={t("chooseOne")} />
      <div className="grid gap-x-4 sm:grid-cols-3">
        {initial ? (
          // The unit is not edited: targets and actuals already recorded in it would change meaning.
          <p className="mb-4">
            <span className="gc-label">{t("unit")}</span>
            <span className="block">{units.find((unit) => unit.value === initial.unit)?.label ?? initial.unit}</span>
            <span className="block text-sm text-gc-secondary">{edit("unitFixed")}</span>
          </p>
        ) : (
          <SelectField form={form} name="unit" label={t("unit")} state={state} defaultValue="" options={units} placeholder={t("chooseOne")} />
        )}
        <SelectField form={form} name="direction" label={t("direction")} state={state} defaultValue={initial?.direction ?? ""} options={directions} placeholder={t("chooseOne")} />
        <SelectField form={form} name="frequency" label={t("frequency")} state={state} defaultValue={initial?.frequency ?? "ANNUAL"} options={frequencies} />
      </div>
      <label className="mb-4 flex items-center gap-2">
        <input type="checkbox" name="cumulative" defaultChecked={cumulative} />
        {t("cumulative")}
      </label>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField form={form} name="baselineValue" label={t("baselineValue")} hint={t("valueHint")} inputMode="decimal" state={state} defaultValue={initial?.baselineValue} />
        <TextField form={form} name="baselineDate" type="date" label={t("baselineDate")} state={state} defaultValue={initial?.baselineDate} />
      </div>
      <TextArea form={form} name="methodologyEn" label={t("methodologyEn")} state={state} lang="en" defaultValue={initial?.methodologyEn} />
      <TextArea form={form} name="methodologyFr" label={t("methodologyFr")} state={state} lang="fr" defaultValue={initial?.methodologyFr} />
      <TextField form={form} name="dataSourceEn" label={t("dataSourceEn")} state={state} lang="en" defaultValue={initial?.dataSourceEn} />
      <TextField form={form} name="dataSourceFr" label={t("dataSourceFr")} state={state} lang="fr" defaultValue={initial?.dataSourceFr} />
      {initiatives.length > 0 && <CheckboxGroup form={form} name="initiativeIds" label={t("contributingInitiatives")} state={state} defaultValues={initial?.initiativeIds ?? []} options={initiatives} />}
      <Submit pending={pending} label={initial ? edit("saveIndicator") : t("createIndicatorSubmit")} />
    </form>
  );
}

/**
 * The target of one fiscal year. Setting a year that has a target replaces it: the version of that year's target
 * goes with the form (picked as the year is typed), so replacing a target someone just changed is refused.
 */
export function TargetForm({ action, indicatorId, locale, narrative, targetTypes, versions, defaultFiscalYear }: { action: Action; indicatorId: string; locale: "en" | "fr"; narrative: boolean; targetTypes: Option[]; versions: Record<string, number>; defaultFiscalYear: string }) {
  const t = useTranslations("Results");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [year, setYear] = useState(defaultFiscalYear);
  const form = "target";
  return (
    <form
      action={formAction}
      noValidate
      className="max-w-3xl"
      data-testid="target-form"
      onChange={(event) => {
        const field = event.target as unknown as HTMLInputElement;
        if (field.name === "fiscalYear") setYear(field.value.trim());
      }}
    >
      <FormMessage state={state} id={`${form}-message`} />
      <p className="text-sm">{t("setTargetHint")}</p>
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="version" value={versions[year] ?? ""} />
      <div className="grid gap-x-4 sm:grid-cols-3">
        <TextField form={form} name="fiscalYear" label={t("fiscalYear")} hint={t("fiscalYearHint")} inputMode="numeric" state={state} defaultValue={defaultFiscalYear} />
        <SelectField form={form} name="targetType" label={t("target")} state={state} defaultValue={narrative ? "NARRATIVE" : ""} options={targetTypes} placeholder={t("chooseOne")} />
        <TextField form={form} name="achieveBy" label={t("achieveBy")} hint={t("achieveByHint")} state={state} />
      </div>
      {narrative ? (
        <>
          <TextArea form={form} name="narrativeEn" label={t("narrativeEn")} state={state} lang="en" />
          <TextArea form={form} name="narrativeFr" label={t("narrativeFr")} state={state} lang="fr" />
        </>
      ) : (
        <div className="grid gap-x-4 sm:grid-cols-3">
          <TextField form={form} name="value" label={t("value")} hint={t("valueHint")} inputMode="decimal" state={state} />
          <TextField form={form} name="minValue" label={t("minValue")} inputMode="decimal" state={state} />
          <TextField form={form} name="maxValue" label={t("maxValue")} inputMode="decimal" state={state} />
        </div>
      )}
      <Submit pending={pending} label={t("setTargetSubmit")} />
    </form>
  );
}

/**
 * The actual result of a fiscal year (and quarter). The explanation is asked for at its field when the target was
 * missed, or exceeded beyond the margin, and the figure typed is kept.
 */
export function ActualForm({ action, indicatorId, locale, narrative, quarterly, margin, defaultFiscalYear }: { action: Action; indicatorId: string; locale: "en" | "fr"; narrative: boolean; quarterly: boolean; margin: number; defaultFiscalYear: string }) {
  const t = useTranslations("Results");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const form = "actual";
  return (
    <form action={formAction} noValidate className="max-w-3xl" data-testid="actual-form">
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} id={`${form}-message`} />
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <input type="hidden" name="locale" value={locale} />
      <div className="grid gap-x-4 sm:grid-cols-3">
        <TextField form={form} name="fiscalYear" label={t("fiscalYear")} hint={t("fiscalYearHint")} inputMode="numeric" state={state} defaultValue={defaultFiscalYear} />
        {quarterly && (
          <SelectField form={form} name="quarter" label={t("quarter")} state={state} defaultValue="" options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t("quarterLabel", { quarter: q }) }))} placeholder={t("chooseOne")} />
        )}
        <TextField form={form} name="measuredOn" type="date" label={t("measuredOn")} state={state} />
      </div>
      {narrative ? (
        <>
          <TextArea form={form} name="narrativeEn" label={t("narrativeEn")} state={state} lang="en" />
          <TextArea form={form} name="narrativeFr" label={t("narrativeFr")} state={state} lang="fr" />
        </>
      ) : (
        <TextField form={form} name="value" label={t("value")} hint={t("valueHint")} inputMode="decimal" state={state} />
      )}
      <TextArea form={form} name="explanationEn" label={t("explanationEn")} hint={t("explanationHint", { margin })} state={state} lang="en" />
      <TextArea form={form} name="explanationFr" label={t("explanationFr")} hint={t("explanationHint", { margin })} state={state} lang="fr" />
      <Submit pending={pending} label={t("enterActualSubmit")} />
    </form>
  );
}

/**
 * The correction of an actual (append-only): a new entry with a reason replaces the current one. One per current
 * entry on the indicator page, so the form does not name itself (its ids are unique per instance).
 */
export function CorrectActualForm({ action, actualId, locale, narrative, margin, label }: { action: Action; actualId: string; locale: "en" | "fr"; narrative: boolean; margin: number; label: string }) {
  const t = useTranslations("Results");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <details className="mt-2" open={state.status === "error"}>
      <summary className="cursor-pointer">{label}</summary>
      <form action={formAction} noValidate className="max-w-3xl" data-testid="correct-actual-form">
        <FormMessage state={state} />
        <input type="hidden" name="actualId" value={actualId} />
        <input type="hidden" name="locale" value={locale} />
        {narrative ? (
          <>
            <TextArea name="narrativeEn" label={t("narrativeEn")} state={state} lang="en" />
            <TextArea name="narrativeFr" label={t("narrativeFr")} state={state} lang="fr" />
          </>
        ) : (
          <TextField name="value" label={t("value")} hint={t("valueHint")} inputMode="decimal" state={state} />
        )}
        <TextField name="measuredOn" type="date" label={t("measuredOn")} state={state} />
        <TextArea name="explanationEn" label={t("explanationEn")} hint={t("explanationHint", { margin })} state={state} lang="en" />
        <TextArea name="explanationFr" label={t("explanationFr")} hint={t("explanationHint", { margin })} state={state} lang="fr" />
        <TextArea name="reason" label={t("reason")} state={state} />
        <Submit pending={pending} label={t("correctActualSubmit")} />
      </form>
    </details>
  );
}
