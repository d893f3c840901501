"use client";

import { useActionState, useId } from "react";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { FormMessage } from "@/components/forms/fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

// Its own module, without next-intl: the initiative page (a reading page) uses it and ships no message formatter.
/** One button that sends a record's id and version: archive, remove, mark reviewed. */
export function ButtonForm({ action, fields, label, className = "gc-button-secondary", testId }: { action: Action; fields: Record<string, string | number>; label: string; className?: string; testId?: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  // Unique per instance: two buttons with the same record and label length must not share the message id.
  const id = `button-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <form action={formAction} data-testid={testId}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
        {label}
      </button>
      <FormMessage state={state} id={`${id}-message`} />
    </form>
  );
}
