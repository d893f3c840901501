import type { FormState } from "@/lib/forms/form-state";

/**
 * A labelled group of checkboxes sending every ticked value under one name (a fieldset with its legend; the hint
 * and the error are named by aria-describedby). After a refused save the boxes the user ticked stay ticked.
 */
export function CheckboxListField({ name, legend, hint, options, state }: { name: string; legend: string; hint?: string; options: { id: string; label: string }[]; state: FormState }) {
  const chosen = new Set([state.values?.[name] ?? []].flat());
  const errors = state.fieldErrors?.[name];
  const describedBy = [hint ? `${name}-hint` : null, errors ? `${name}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset aria-describedby={describedBy || undefined}>
      <legend className="gc-label">{legend}</legend>
      {hint && (
        <span id={`${name}-hint`} className="mb-1 block text-base text-gc-secondary">
          {hint}
        </span>
      )}
      {errors && (
        <span id={`${name}-error`} className="gc-error">
          {errors.join(" ")}
        </span>
      )}
      <ul className="max-h-72 space-y-1 overflow-y-auto border border-gc-border p-2">
        {options.map((option) => (
          <li key={option.id}>
            <label className="flex gap-2">
              <input type="checkbox" name={name} value={option.id} defaultChecked={chosen.has(option.id)} />
              {option.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
