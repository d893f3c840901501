"use client";

import { useActionState, useId, useRef } from "react";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { Combobox, jsonLoader, type ComboboxLabels } from "@/components/forms/combobox";
import { FieldFrame, FormMessage, describedByOf, valueOf } from "@/components/forms/fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** The words of a comment form, translated on the server (reading pages ship no message formatter). */
export type CommentFormWords = {
  body: string;
  bodyHint: string;
  language: string;
  english: string;
  french: string;
  submit: string;
  mention: string;
  mentionHint: string;
  mentionList: string;
  mentionNone: string;
  mentionFailed: string;
  /** "{count}" is replaced by the number of choices. */
  mentionCount: string;
  mentionMore: string;
};

/**
 * A new comment, a reply or an edit: the text (plain text, at most 5,000 characters), its language, and the mention
 * type-ahead (the portal's one combobox), which puts `@address` at the cursor in the text. The hidden `fields` say
 * what the comment is about (or which comment is edited).
 */
export function CommentForm({ action, fields, words, defaultBody, defaultLanguage, testId }: { action: Action; fields: Record<string, string | number>; words: CommentFormWords; defaultBody?: string; defaultLanguage: "en" | "fr"; testId?: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const base = `comment-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const bodyId = `${base}-body`;
  const text = useRef<HTMLTextAreaElement>(null);
  const errors = state.fieldErrors?.body;
  const labels: ComboboxLabels = {
    hint: words.mentionHint,
    list: words.mentionList,
    none: words.mentionNone,
    failed: words.mentionFailed,
    count: (count) => words.mentionCount.replace("{count}", String(count)),
    more: (count) => words.mentionMore.replace("{count}", String(count)),
  };
  const language = valueOf(state, "language", defaultLanguage);
  function insertMention(address: string) {
    const area = text.current;
    if (!area) return;
    const start = area.selectionStart ?? area.value.length;
    const before = area.value.slice(0, start);
    const mention = `${before && !/\s$/.test(before) ? " " : ""}@${address} `;
    area.value = before + mention + area.value.slice(area.selectionEnd ?? start);
    area.focus();
    area.setSelectionRange(start + mention.length, start + mention.length);
  }
  return (
    <form action={formAction} data-testid={testId} className="mb-4 max-w-2xl">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FieldFrame id={bodyId} label={words.body} hint={words.bodyHint} errors={errors}>
        <textarea
          ref={text}
          id={bodyId}
          name="body"
          rows={4}
          maxLength={5000}
          lang={language}
          className="gc-input max-w-2xl"
          defaultValue={valueOf(state, "body", defaultBody)}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedByOf(bodyId, words.bodyHint, errors)}
        />
      </FieldFrame>
      <FieldFrame id={`${base}-mention`} label={words.mention}>
        <Combobox id={`${base}-mention`} load={jsonLoader((q) => `/api/people?${new URLSearchParams({ q })}`, words.mentionFailed)} labels={labels} onPick={(option) => insertMention(option.id)} clearOnPick />
      </FieldFrame>
      <fieldset className="mb-4 border-0 p-0">
        <legend className="gc-label">{words.language}</legend>
        <label className="mr-6 inline-flex items-center gap-2">
          <input type="radio" name="language" value="en" defaultChecked={language === "en"} /> <span lang="en">{words.english}</span>
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="language" value="fr" defaultChecked={language === "fr"} /> <span lang="fr">{words.french}</span>
        </label>
      </fieldset>
      <FormMessage state={state} id={`${base}-message`} />
      <button type="submit" className="gc-button" disabled={pending} aria-disabled={pending}>
        {words.submit}
      </button>
    </form>
  );
}

/** A coordinator's form to hide a comment, with the reason (required). */
export function HideForm({ action, commentId, words }: { action: Action; commentId: string; words: { reason: string; submit: string } }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const base = `hide-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const errors = state.fieldErrors?.reason;
  return (
    <form action={formAction} className="mb-2 max-w-2xl">
      <input type="hidden" name="id" value={commentId} />
      <FieldFrame id={`${base}-reason`} label={words.reason} errors={errors}>
        <input id={`${base}-reason`} name="reason" maxLength={500} className="gc-input" defaultValue={valueOf(state, "reason", "")} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedByOf(`${base}-reason`, undefined, errors)} />
      </FieldFrame>
      <FormMessage state={state} id={`${base}-message`} />
      <button type="submit" className="gc-button-secondary" disabled={pending} aria-disabled={pending}>
        {words.submit}
      </button>
    </form>
  );
}
