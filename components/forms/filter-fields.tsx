/*
 * The forms kit's fields for a list's filter form (a GET form, so the filters live in the URL; no form state, so
 * server components render them): the current filter is the field's default value, and an empty choice means
 * "any".
 */

/** `className` is for the wrapper of label and control (spacing in the form's grid). */
type FilterFieldProps = { id: string; name: string; label: string; value: string | undefined; className?: string };

/** A choice among `options`, or any (the empty value). */
export function FilterSelect({ id, name, label, value, anyLabel, options, className }: FilterFieldProps & { anyLabel: string; options: { value: string; label: string }[] }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="gc-label">
        {label}
      </label>
      <select id={id} name={name} className="gc-input" defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterInput({ id, name, label, value, type, className }: FilterFieldProps & { type: "search" | "date" }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="gc-label">
        {label}
      </label>
      <input id={id} name={name} type={type} className="gc-input" defaultValue={value ?? ""} />
    </div>
  );
}
