"use client";

import { useActionState, useId } from "react";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { FormMessage } from "@/components/forms/fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Follow or unfollow an initiative or a meeting in one click; the button says which it will do (aria-pressed). */
export function FollowButton({ action, subjectType, subjectId, following, labels }: { action: Action; subjectType: "initiative" | "meeting"; subjectId: string; following: boolean; labels: { follow: string; unfollow: string } }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const id = `follow-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <form action={formAction} className="mt-4" data-testid="follow-form">
      <input type="hidden" name="subjectType" value={subjectType} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <input type="hidden" name="following" value={following ? "false" : "true"} />
      <button type="submit" className="gc-button-secondary" disabled={pending} aria-disabled={pending}>
        {following ? labels.unfollow : labels.follow}
      </button>
      <FormMessage state={state} id={`${id}-message`} />
    </form>
  );
}
