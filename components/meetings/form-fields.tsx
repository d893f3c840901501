import type { FormState } from "@/lib/forms/form-state";

/** The value to show in a field: what the user typed (echoed after a refused save) or the default. */
export function fieldValue(state: FormState, name: string, fallback = ""): string {
  const value = state.values?.[name];
  return typeof value === "string" ? value : fallback;
}

type FieldProps = { name: string; label: string; state: FormState; hint?: string; required?: boolean; lang?: string };

function Described({ name, state, hint }: { name: string; state: FormState; hint?: string }) {
  const errors = state.fieldErrors?.[name];
  return (
    <>
      {hint && (
        <span id={`${name}-hint`} className="mb-1 block text-base text-gc-secondary">
          {hint}
        </span>
      )}
      {errors?.map((error) => (
        <span key={error} id={`${name}-error`} className="gc-error">
          {error}
        </span>
      ))}
    </>
  );
}

function describedBy(name: string, state: FormState, hint?: string) {
  const ids = [hint ? `${name}-hint` : null, state.fieldErrors?.[name] ? `${name}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** A labelled input whose error is named by aria-describedby. */
export function TextField({ name, label, state, hint, required, lang, type = "text", defaultValue = "", ...rest }: FieldProps & { type?: string; defaultValue?: string; min?: string | number; max?: string | number; step?: string | number }) {
  return (
    <div>
      <label htmlFor={name} className="gc-label">
        {label}
      </label>
      <Described name={name} state={state} hint={hint} />
      <input
        id={name}
        name={name}
        type={type}
        lang={lang}
        required={required}
        className="gc-input"
        defaultValue={fieldValue(state, name, defaultValue)}
        aria-invalid={state.fieldErrors?.[name] ? true : undefined}
        aria-describedby={describedBy(name, state, hint)}
        {...rest}
      />
    </div>
  );
}

export function TextAreaField({ name, label, state, hint, lang, defaultValue = "", rows = 4 }: FieldProps & { defaultValue?: string; rows?: number }) {
  return (
    <div>
      <label htmlFor={name} className="gc-label">
        {label}
      </label>
      <Described name={name} state={state} hint={hint} />
      <textarea
        id={name}
        name={name}
        lang={lang}
        rows={rows}
        className="gc-input max-w-2xl"
        defaultValue={fieldValue(state, name, defaultValue)}
        aria-invalid={state.fieldErrors?.[name] ? true : undefined}
        aria-describedby={describedBy(name, state, hint)}
      />
    </div>
  );
}

export function SelectField({ name, label, state, hint, required, options, defaultValue = "", emptyLabel }: FieldProps & { options: { id: string; label: string }[]; defaultValue?: string; emptyLabel?: string }) {
  return (
    <div>
      <label htmlFor={name} className="gc-label">
        {label}
      </label>
      <Described name={name} state={state} hint={hint} />
      <select
        // Remount with what was echoed back: React resets a form after its action, and a select keeps no memory.
        key={fieldValue(state, name, defaultValue)}
        id={name}
        name={name}
        required={required}
        className="gc-input"
        defaultValue={fieldValue(state, name, defaultValue)}
        aria-invalid={state.fieldErrors?.[name] ? true : undefined}
        aria-describedby={describedBy(name, state, hint)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The form's message, in a polite live region (errors as an alert). */
export function FormMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite">
      {state.message && (
        <p role={state.status === "error" ? "alert" : "status"} className={`border-l-4 p-3 ${state.status === "error" ? "border-gc-danger" : "border-health-green"} bg-gc-light`}>
          {state.message}
        </p>
      )}
    </div>
  );
}
