"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { FormMessage } from "@/components/forms/fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The status-update timeline as one form. Each unreviewed update's "Mark as reviewed" button is a submit button
 * named `statusUpdateId` whose value is that update's id: the browser (or React, with script) sends the button that
 * was pressed with the form. A timeline of eight updates thus carries one form, one set of the action's hidden
 * fields and one client component, instead of eight of each; without script it posts like any form.
 */
export function ReviewForm({ action, messageId, children }: { action: Action; messageId: string; children: React.ReactNode }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction}>
      <FormMessage state={state} id={messageId} />
      {/* A disabled fieldset disables every button in it while the review is sent. */}
      <fieldset disabled={pending} className="m-0 min-w-0 border-0 p-0">
        {children}
      </fieldset>
    </form>
  );
}
