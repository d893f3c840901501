"use client";

import { Fragment, useActionState, useEffect, useRef } from "react";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { CheckboxField, FormMessage, SelectField, TextArea, TextField, valueOf } from "@/components/forms/fields";

export type FieldSpec = {
  name: string;
  label: string;
  type: "text" | "email" | "password" | "select" | "checkbox" | "color" | "textarea" | "hidden";
  defaultValue?: string | boolean;
  options?: { value: string; label: string }[];
  hint?: string;
  autoComplete?: string;
  required?: boolean;
};

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form described by a list of fields, posting to a server action that runs one command: the kit's fields (ids
 * `${testId}-${name}`, or unique per instance without a testId), its message region taking focus on each answer,
 * and what was typed back after a refused save (never passwords). A form that `creates` carries an idempotency key.
 */
export function CommandForm({ action, fields, submitLabel, testId, resetOnSuccess = false, creates = false }: { action: Action; fields: FieldSpec[]; submitLabel: string; testId?: string; resetOnSuccess?: boolean; creates?: boolean }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.status === "success" && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  return (
    <form ref={formRef} action={formAction} noValidate className="max-w-2xl space-y-5" data-testid={testId}>
      {creates && <IdempotencyKeyField state={state} />}
      <FormMessage state={state} focus />
      {fields.map((field) => {
        const fallback = typeof field.defaultValue === "string" ? field.defaultValue : undefined;
        const value = typeof field.defaultValue === "boolean" && state.values?.[field.name] === undefined ? field.defaultValue : valueOf(state, field.name, fallback);
        if (field.type === "hidden") return <input key={`${field.name}-${String(value)}`} type="hidden" name={field.name} value={String(value ?? "")} />;
        const common = { form: testId, name: field.name, label: field.label, hint: field.hint, state, required: field.required, className: "" };
        // The key includes the value so that an echoed value replaces the field's default after a refused save.
        const key = `${field.name}-${state.status}-${String(value)}`;
        return (
          <Fragment key={key}>
            {field.type === "checkbox" ? (
              <CheckboxField {...common} defaultChecked={field.defaultValue === true} />
            ) : field.type === "select" ? (
              <SelectField {...common} defaultValue={String(value ?? "")} options={field.options ?? []} />
            ) : field.type === "textarea" ? (
              <TextArea {...common} defaultValue={String(value ?? "")} rows={3} />
            ) : (
              <TextField {...common} type={field.type} autoComplete={field.autoComplete} defaultValue={String(value ?? "")} />
            )}
          </Fragment>
        );
      })}
      <button type="submit" className="gc-button" disabled={pending} aria-disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
