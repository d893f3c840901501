import type { FormState } from "@/lib/forms/form-state";

/**
 * Form fields with their label, optional hint and error message; the input names both by aria-describedby.
 * Values come back from the form state after a refused save, so nothing typed is lost.
 */
type Common = { form: string; name: string; label: string; hint?: string; state: FormState; className?: string };

function describedBy(form: string, name: string, hint: string | undefined, errors: string[] | undefined) {
  const ids = [hint ? `${form}-${name}-hint` : null, errors?.length ? `${form}-${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** What the user typed (after a refused save), else the record's value. */
export function valueOf(state: FormState, name: string, fallback: string | null | undefined): string {
  const typed = state.values?.[name];
  if (typed !== undefined) return Array.isArray(typed) ? (typed[0] ?? "") : typed;
  return fallback ?? "";
}

function Label({ form, name, label, hint, errors }: { form: string; name: string; label: string; hint?: string; errors?: string[] }) {
  return (
    <>
      <label htmlFor={`${form}-${name}`} className="gc-label">
        {label}
      </label>
      {hint && (
        <span id={`${form}-${name}-hint`} className="mb-1 block text-sm text-gc-secondary">
          {hint}
        </span>
      )}
      {errors?.length ? (
        <span id={`${form}-${name}-error`} className="gc-error">
          {errors.join(" ")}
        </span>
      ) : null}
    </>
  );
}

export function TextField({ form, name, label, hint, state, defaultValue, type = "text", className, inputMode, lang, autoComplete }: Common & { defaultValue?: string | null; type?: "text" | "date" | "email"; inputMode?: "numeric" | "decimal"; lang?: string; autoComplete?: string }) {
  const errors = state.fieldErrors?.[name];
  return (
    <div className={className ?? "mb-4"}>
      <Label form={form} name={name} label={label} hint={hint} errors={errors} />
      <input
        id={`${form}-${name}`}
        name={name}
        type={type}
        inputMode={inputMode}
        lang={lang}
        autoComplete={autoComplete}
        className="gc-input"
        defaultValue={valueOf(state, name, defaultValue)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(form, name, hint, errors)}
      />
    </div>
  );
}

export function TextArea({ form, name, label, hint, state, defaultValue, lang }: Common & { defaultValue?: string | null; lang?: string }) {
  const errors = state.fieldErrors?.[name];
  return (
    <div className="mb-4">
      <Label form={form} name={name} label={label} hint={hint} errors={errors} />
      <textarea
        id={`${form}-${name}`}
        name={name}
        rows={4}
        lang={lang}
        className="gc-input max-w-2xl"
        defaultValue={valueOf(state, name, defaultValue)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(form, name, hint, errors)}
      />
    </div>
  );
}

export function SelectField({ form, name, label, hint, state, defaultValue, options, placeholder }: Common & { defaultValue?: string | null; options: { value: string; label: string }[]; placeholder?: string }) {
  const errors = state.fieldErrors?.[name];
  return (
    <div className="mb-4">
      <Label form={form} name={name} label={label} hint={hint} errors={errors} />
      <select
        id={`${form}-${name}`}
        name={name}
        className="gc-input"
        defaultValue={valueOf(state, name, defaultValue)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(form, name, hint, errors)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of checkboxes (partner departments, other pillars) in a fieldset with its legend. */
export function CheckboxGroup({ form, name, label, state, defaultValues, options }: Omit<Common, "hint"> & { defaultValues: string[]; options: { value: string; label: string }[] }) {
  const errors = state.fieldErrors?.[name];
  const typed = state.values ? state.values[name] : undefined;
  const checked = new Set(state.values ? (typed === undefined ? [] : Array.isArray(typed) ? typed : [typed]) : defaultValues);
  return (
    <fieldset className="mb-4" aria-describedby={errors?.length ? `${form}-${name}-error` : undefined}>
      <legend className="gc-label">{label}</legend>
      {errors?.length ? (
        <span id={`${form}-${name}-error`} className="gc-error">
          {errors.join(" ")}
        </span>
      ) : null}
      <div className="grid gap-1 sm:grid-cols-3">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input type="checkbox" name={name} value={option.value} defaultChecked={checked.has(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The form's message in a polite live region: success, or why nothing was saved. */
export function FormMessage({ state, id }: { state: FormState; id: string }) {
  return (
    <div id={id} aria-live="polite" role="status" className="mb-4">
      {state.message && (
        <p className={state.status === "error" ? "border-l-4 border-gc-danger bg-white p-3 font-semibold" : "border-l-4 border-health-green bg-white p-3"} data-status={state.status}>
          {state.message}
        </p>
      )}
    </div>
  );
}
