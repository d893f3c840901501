import { useEffect, useId, useRef, type ReactNode } from "react";
import type { FormState } from "@/lib/kernel/form-state";

/*
 * The portal's one forms kit: every field with its label, optional hint and error message (the input names both
 * by aria-describedby), the form's message in a live region, and values echoed back from the form state after a
 * refused save, so nothing typed is lost.
 *
 * Ids: `${form}-${name}` when the form passes `form`, a name that must be unique on the page (the e2e scan checks
 * that no page repeats an id); otherwise a prefix from useId, unique per form instance — what a form repeated on
 * a page (one per agenda item, one per button) must use.
 */

export type Option = { value: string; label: string };

/** Options from records that carry `id` (the shape queries return), for the kit's `{ value, label }`. */
export const optionsOf = (records: { id: string; label: string }[]): Option[] => records.map(({ id, label }) => ({ value: id, label }));

type Common = { form?: string; name: string; label: string; hint?: string; state: FormState; className?: string; required?: boolean };

/** The id of a field: the form's name when it gives one, else a prefix unique to this instance. */
export function useFieldId(form: string | undefined, name: string): string {
  const generated = useId();
  return `${form ?? generated.replace(/[^a-zA-Z0-9_-]/g, "")}-${name}`;
}

function describedBy(id: string, hint: string | undefined, errors: string[] | undefined) {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** What the user typed (after a refused save), else the record's value. */
export function valueOf(state: FormState, name: string, fallback: string | null | undefined): string {
  const typed = state.values?.[name];
  if (typed !== undefined) return Array.isArray(typed) ? (typed[0] ?? "") : typed;
  return fallback ?? "";
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <span id={`${id}-hint`} className="mb-1 block text-gc-secondary">
      {hint}
    </span>
  ) : null;
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <span id={`${id}-error`} className="gc-error">
      {errors.join(" ")}
    </span>
  ) : null;
}

function Label({ id, label, hint, errors }: { id: string; label: string; hint?: string; errors?: string[] }) {
  return (
    <>
      <label htmlFor={id} className="gc-label">
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
    </>
  );
}

/** The ids a control built outside the kit (a combobox) names by aria-describedby, given its id. */
export const describedByOf = describedBy;

/**
 * The frame of a field whose control the kit does not draw (a type-ahead, an input with state of its own): the
 * label for `id`, the hint and the error, the same as the kit's own fields. The control names them with
 * `describedByOf(id, hint, errors)`.
 */
export function FieldFrame({ id, label, hint, errors, className, children }: { id: string; label: string; hint?: string; errors?: string[]; className?: string; children: ReactNode }) {
  return (
    <div className={className ?? "mb-4"}>
      <Label id={id} label={label} hint={hint} errors={errors} />
      {children}
    </div>
  );
}

type TextType = "text" | "date" | "time" | "number" | "url" | "email" | "password" | "color";

export function TextField({
  form,
  name,
  label,
  hint,
  state,
  defaultValue,
  type = "text",
  className,
  inputMode,
  lang,
  required,
  autoComplete,
  min,
  max,
  step,
  maxLength,
}: Common & { defaultValue?: string | null; type?: TextType; inputMode?: "numeric" | "decimal"; lang?: string; autoComplete?: string; min?: string | number; max?: string | number; step?: string | number; maxLength?: number }) {
  const id = useFieldId(form, name);
  const errors = state.fieldErrors?.[name];
  return (
    <div className={className ?? "mb-4"}>
      <Label id={id} label={label} hint={hint} errors={errors} />
      <input
        id={id}
        name={name}
        type={type}
        inputMode={inputMode}
        lang={lang}
        required={required}
        autoComplete={autoComplete}
        min={min}
        max={max}
        step={step}
        maxLength={maxLength}
        className={type === "color" ? "h-11 w-24 rounded-sm border-2 border-gc-dark" : "gc-input"}
        // A password is never echoed back (the action leaves secrets out of the state).
        defaultValue={type === "password" ? undefined : valueOf(state, name, defaultValue)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
      />
    </div>
  );
}

export function TextArea({ form, name, label, hint, state, defaultValue, lang, rows = 4, className, required }: Common & { defaultValue?: string | null; lang?: string; rows?: number }) {
  const id = useFieldId(form, name);
  const errors = state.fieldErrors?.[name];
  return (
    <div className={className ?? "mb-4"}>
      <Label id={id} label={label} hint={hint} errors={errors} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        lang={lang}
        required={required}
        className="gc-input max-w-2xl"
        defaultValue={valueOf(state, name, defaultValue)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
      />
    </div>
  );
}

export function SelectField({ form, name, label, hint, state, defaultValue, options, placeholder, className, required }: Common & { defaultValue?: string | null; options: Option[]; placeholder?: string }) {
  const id = useFieldId(form, name);
  const errors = state.fieldErrors?.[name];
  const value = valueOf(state, name, defaultValue);
  return (
    <div className={className ?? "mb-4"}>
      <Label id={id} label={label} hint={hint} errors={errors} />
      <select
        // Remount with what was echoed back: React resets a form after its action, and a select keeps no memory.
        key={value}
        id={id}
        name={name}
        required={required}
        className="gc-input"
        defaultValue={value}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
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

/** One checkbox with its label beside it (a yes/no setting). */
export function CheckboxField({ form, name, label, hint, state, defaultChecked, className }: Common & { defaultChecked?: boolean }) {
  const id = useFieldId(form, name);
  const errors = state.fieldErrors?.[name];
  const typed = state.values?.[name];
  const checked = state.values ? typed === "on" || typed === "true" : defaultChecked;
  return (
    <div className={className ?? "mb-4"}>
      <FieldError id={id} errors={errors} />
      <div className="flex items-center gap-2">
        <input key={String(checked)} id={id} name={name} type="checkbox" className="h-6 w-6" defaultChecked={checked} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} />
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
      </div>
      <Hint id={id} hint={hint} />
    </div>
  );
}

/**
 * A group of checkboxes sending every ticked value under one name, in a fieldset with its legend: a grid
 * (partner departments, other pillars) or a scrolling list (initiatives of a decision).
 */
export function CheckboxGroup({ form, name, label, hint, state, defaultValues = [], options, layout = "grid", className }: Common & { defaultValues?: string[]; options: Option[]; layout?: "grid" | "list" }) {
  const id = useFieldId(form, name);
  const errors = state.fieldErrors?.[name];
  const typed = state.values ? state.values[name] : undefined;
  const checked = new Set(state.values ? (typed === undefined ? [] : [typed].flat()) : defaultValues);
  const boxes = options.map((option) => (
    <label key={option.value} className="flex items-center gap-2">
      <input type="checkbox" name={name} value={option.value} defaultChecked={checked.has(option.value)} />
      {option.label}
    </label>
  ));
  return (
    <fieldset className={className ?? "mb-4"} aria-describedby={describedBy(id, hint, errors)}>
      <legend className="gc-label">{label}</legend>
      <Hint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      {layout === "grid" ? (
        <div className="grid gap-1 sm:grid-cols-3">{boxes}</div>
      ) : (
        <ul className="max-h-72 space-y-1 overflow-y-auto border border-gc-border p-2">
          {boxes.map((box) => (
            <li key={box.key}>{box}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** One choice out of a few, as radio buttons in a fieldset with its legend (a language). */
export function RadioGroup({ form, name, label, hint, state, defaultValue, options, className }: Common & { defaultValue?: string; options: (Option & { lang?: string })[] }) {
  const id = useFieldId(form, name);
  const errors = state.fieldErrors?.[name];
  const chosen = valueOf(state, name, defaultValue);
  return (
    <fieldset className={className ?? "mb-4"} aria-describedby={describedBy(id, hint, errors)}>
      <legend className="gc-label">{label}</legend>
      <Hint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      {options.map((option) => (
        <div key={option.value} className="flex items-center gap-3">
          <input key={chosen} type="radio" id={`${id}-${option.value}`} name={name} value={option.value} defaultChecked={chosen === option.value} className="h-5 w-5" />
          <label htmlFor={`${id}-${option.value}`} lang={option.lang}>
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * The form's message in a polite live region, present before any message so that screen readers announce it:
 * success as a status, why nothing was saved as an alert. With `focus`, the message takes focus on each answer
 * (forms whose message may sit above the fold).
 */
export function FormMessage({ state, id, focus = false, className = "mb-4", testId }: { state: Pick<FormState, "status" | "message">; id?: string; focus?: boolean; className?: string; testId?: string }) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus && state.status !== "idle") region.current?.focus();
  }, [state, focus]);
  return (
    <div ref={region} id={id} aria-live="polite" tabIndex={focus ? -1 : undefined} className={`${className} focus:outline-none`}>
      {state.message && (
        <p role={state.status === "error" ? "alert" : "status"} data-status={state.status} data-testid={testId} className={`border-l-4 bg-white p-3 ${state.status === "error" ? "border-gc-danger font-semibold" : "border-health-green"}`}>
          {state.message}
        </p>
      )}
    </div>
  );
}
