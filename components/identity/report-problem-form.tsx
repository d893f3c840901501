"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormMessage, TextArea, TextField } from "@/components/forms/fields";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
export type ReportProblemText = { summary: string; intro: string; descriptionLabel: string; descriptionHint: string; contactLabel: string; submit: string };

/**
 * Canada.ca's "Report a problem on this page": a disclosure (native <details>, so it opens without JavaScript)
 * holding a small form. It stays open once it has an answer, so that the answer is seen after a plain post too.
 */
export function ReportProblemForm({ action, pagePath, text }: { action: Action; pagePath: string; text: ReportProblemText }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.status === "idle") return;
    if (state.status === "success") formRef.current?.reset();
    messageRef.current?.focus();
  }, [state]);

  return (
    <details className="no-print max-w-2xl" open={state.status !== "idle" || undefined} data-testid="report-problem">
      <summary className="gc-button-secondary inline-block cursor-pointer">{text.summary}</summary>
      <form ref={formRef} action={formAction} noValidate className="mt-4 border-l-4 border-gc-border pl-4">
        <p className="text-base">{text.intro}</p>
        <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
          <FormMessage state={state} id="report-problem-message" />
        </div>
        <input type="hidden" name="pagePath" value={pagePath} />
        <TextArea form="report-problem" name="description" label={text.descriptionLabel} hint={text.descriptionHint} state={state} />
        <TextField form="report-problem" name="contactEmail" type="email" autoComplete="email" label={text.contactLabel} state={state} />
        <button type="submit" className="gc-button" disabled={pending} aria-disabled={pending}>
          {text.submit}
        </button>
      </form>
    </details>
  );
}
