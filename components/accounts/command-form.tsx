"use client";

import { useActionState, useEffect, useRef } from "react";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

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
 * A form that posts to a server action running one command. Each field's messages sit at the field
 * (named by aria-describedby), the form's message in a polite live region that takes focus, and what
 * was typed comes back after a refused save (never passwords). A form that `creates` carries an idempotency key.
 */
export function CommandForm({ action, fields, submitLabel, testId, resetOnSuccess = false, creates = false }: { action: Action; fields: FieldSpec[]; submitLabel: string; testId?: string; resetOnSuccess?: boolean; creates?: boolean }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const messageRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.status === "idle") return;
    if (state.status === "success" && resetOnSuccess) formRef.current?.reset();
    messageRef.current?.focus();
  }, [state, resetOnSuccess]);

  const valueOf = (field: FieldSpec) => {
    const echoed = state.values?.[field.name];
    if (echoed !== undefined) return Array.isArray(echoed) ? echoed[0] : echoed;
    return field.defaultValue;
  };

  return (
    <form ref={formRef} action={formAction} noValidate className="max-w-2xl space-y-5" data-testid={testId}>
      {creates && <IdempotencyKeyField state={state} />}
      <div ref={messageRef} tabIndex={-1} aria-live="polite" className="focus:outline-none">
        {state.message && (
          <p className={`border-l-4 bg-white p-3 ${state.status === "success" ? "border-health-green" : "border-gc-danger"}`} role={state.status === "error" ? "alert" : "status"}>
            {state.message}
          </p>
        )}
      </div>
      {fields.map((field) => {
        const errors = state.fieldErrors?.[field.name] ?? [];
        const id = `${testId ?? "form"}-${field.name}`;
        const describedBy = [field.hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
        const value = valueOf(field);
        if (field.type === "hidden") return <input key={`${field.name}-${String(value)}`} type="hidden" name={field.name} value={String(value ?? "")} />;
        const common = {
          id,
          name: field.name,
          "aria-invalid": errors.length ? true : undefined,
          "aria-describedby": describedBy,
          "aria-required": field.required || undefined,
        };
        // The key includes the value so that an echoed value replaces the field's default after a refused save.
        const key = `${field.name}-${state.status}-${String(value)}`;
        const hint = field.hint && (
          <span id={`${id}-hint`} className="mb-1 block text-gc-secondary">
            {field.hint}
          </span>
        );
        const error = errors.length > 0 && (
          <span id={`${id}-error`} className="gc-error">
            {errors.join(" ")}
          </span>
        );
        if (field.type === "checkbox") {
          return (
            <div key={key}>
              {error}
              <div className="flex items-center gap-2">
                <input {...common} type="checkbox" className="h-6 w-6" defaultChecked={value === true || value === "on"} />
                <label htmlFor={id} className="font-semibold">
                  {field.label}
                </label>
              </div>
              {hint}
            </div>
          );
        }
        return (
          <div key={key}>
            <label htmlFor={id} className="gc-label">
              {field.label}
            </label>
            {hint}
            {error}
            {field.type === "select" ? (
              <select {...common} className="gc-input" defaultValue={String(value ?? "")}>
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : field.type === "textarea" ? (
              <textarea {...common} className="gc-input" rows={3} defaultValue={String(value ?? "")} />
            ) : (
              <input
                {...common}
                type={field.type}
                className={field.type === "color" ? "h-11 w-24 rounded-sm border-2 border-gc-dark" : "gc-input"}
                autoComplete={field.autoComplete}
                defaultValue={field.type === "password" ? undefined : String(value ?? "")}
              />
            )}
          </div>
        );
      })}
      <button type="submit" className="gc-button" disabled={pending} aria-disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
