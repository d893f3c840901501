"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import type { Locale } from "@/lib/i18n/routing";
import { Combobox, jsonLoader, type ComboboxLabels } from "@/components/forms/combobox";
import { FieldFrame, FormMessage, SelectField, TextArea, TextField, describedByOf } from "@/components/forms/fields";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;
const kinds = ["DISCUSSION", "DECISION", "INFORMATION"] as const;

/**
 * "Propose an item" (issue 22.3): a representative's proposal for this coming meeting — titles, kind, minutes
 * wanted, the initiative it is about (the portal's type-ahead) and why. The coordinator accepts or declines it.
 */
export function ProposalForm({ action, meetingId, locale }: { action: FormAction; meetingId: string; locale: Locale }) {
  const t = useTranslations("Proposals");
  const agenda = useTranslations("Agenda");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const labels: ComboboxLabels = {
    hint: agenda("searchHint"),
    list: agenda("searchChoices"),
    none: agenda("searchNone"),
    failed: agenda("searchFailed"),
    count: (count) => agenda("searchCount", { count }),
    more: (count) => agenda("searchMore", { count }),
  };
  const initiativeErrors = state.fieldErrors?.initiativeId;
  const initiativeId = "proposal-initiativeId";
  return (
    <form action={formAction} className="max-w-3xl" data-testid="proposal-form">
      <FormMessage state={state} focus />
      <IdempotencyKeyField state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField form="proposal" name="titleEn" label={t("titleEn")} hint={t("titleHint")} state={state} lang="en" maxLength={300} />
        <TextField form="proposal" name="titleFr" label={t("titleFr")} hint={t("titleHint")} state={state} lang="fr" maxLength={300} />
        <SelectField form="proposal" name="kind" label={t("kind")} state={state} defaultValue="DISCUSSION" options={kinds.map((kind) => ({ value: kind, label: agenda(`kind.${kind}`) }))} />
        <TextField form="proposal" name="minutes" label={t("minutes")} state={state} type="number" inputMode="numeric" min={1} max={600} defaultValue="10" />
      </div>
      {/* The combobox draws its own hint (how to search), named by its aria-describedby. */}
      <FieldFrame id={initiativeId} label={t("initiative")} errors={initiativeErrors}>
        <Combobox
          id={initiativeId}
          name="initiativeId"
          load={jsonLoader((q) => `/api/proposals/initiatives?${new URLSearchParams({ q, locale })}`, agenda("searchFailed"))}
          labels={labels}
          describedBy={describedByOf(initiativeId, undefined, initiativeErrors)}
          invalid={Boolean(initiativeErrors)}
        />
      </FieldFrame>
      <TextArea form="proposal" name="rationale" label={t("rationale")} hint={t("rationaleHint")} state={state} rows={4} />
      <button type="submit" className="gc-button" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
