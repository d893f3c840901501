"use client";

import { useActionState, useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import type { Locale } from "@/lib/i18n/routing";
import { FormMessage, TextArea } from "@/components/forms/fields";
import { agendaQueryKey } from "@/components/agenda/builder-data";
import { ProposalSummary, type ProposalView } from "./proposal-summary";

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The coordinator's proposals panel beside the agenda builder (issue 22.3): each pending proposal, accepted into the
 * agenda in one click or declined with a reason. A decided proposal leaves the pending list, so the answer is said
 * in the panel's own live region (it stays on the page), and the builder's data is refreshed after an acceptance.
 */
export function ProposalsPanel({ meetingId, locale, pending, decided, actions, locked }: { meetingId: string; locale: Locale; pending: ProposalView[]; decided: ProposalView[]; actions: { accept: FormAction; decline: FormAction }; locked: boolean }) {
  const t = useTranslations("Proposals");
  const queryClient = useQueryClient();
  // One answer for the panel (accept or decline, told apart by a field taken off before the command sees the form).
  const [state, dispatch, busy] = useActionState(async (previous: FormState, formData: FormData) => {
    const decision = formData.get("decision");
    formData.delete("decision");
    return decision === "accept" ? actions.accept(previous, formData) : actions.decline(previous, formData);
  }, initialFormState);
  useEffect(() => {
    if (state.status === "success") void queryClient.invalidateQueries({ queryKey: agendaQueryKey(meetingId) });
  }, [state, meetingId, queryClient]);
  return (
    <section aria-labelledby="proposals-heading" className="mb-8" data-testid="proposals-panel">
      <h2 id="proposals-heading">{t("panelTitle")}</h2>
      <FormMessage state={state} testId="proposals-message" />
      {pending.length === 0 ? (
        <p>{t("noneToDecide")}</p>
      ) : (
        <ul className="list-none space-y-4 pl-0" data-testid="pending-proposals">
          {pending.map((proposal) => {
            const title = locale === "fr" ? proposal.titleFr || proposal.titleEn : proposal.titleEn || proposal.titleFr;
            // Field errors of a refused decline belong to the form of that proposal only.
            const declineState: FormState = state.status === "error" && state.values?.id === proposal.id && state.fieldErrors?.reason ? { status: "idle", fieldErrors: state.fieldErrors, values: state.values } : initialFormState;
            return (
              <li key={proposal.id} className="border border-gc-border p-3" data-testid="pending-proposal">
                <ProposalSummary proposal={proposal} locale={locale} headingLevel={3} />
                {!locked && (
                  <div className="mt-3 flex flex-wrap items-start gap-4">
                    <form action={dispatch}>
                      <input type="hidden" name="decision" value="accept" />
                      <input type="hidden" name="id" value={proposal.id} />
                      <input type="hidden" name="version" value={proposal.version} />
                      <button type="submit" className="gc-button" disabled={busy} data-testid="accept-proposal">
                        {t("accept")}
                        <span className="sr-only"> — {title}</span>
                      </button>
                    </form>
                    <details open={Boolean(declineState.fieldErrors)}>
                      <summary className="cursor-pointer">
                        {t("decline")}
                        <span className="sr-only"> — {title}</span>
                      </summary>
                      <form action={dispatch} className="mt-2 max-w-xl">
                        <input type="hidden" name="decision" value="decline" />
                        <input type="hidden" name="id" value={proposal.id} />
                        <input type="hidden" name="version" value={proposal.version} />
                        <TextArea name="reason" label={t("declineReason")} hint={t("declineReasonHint")} state={declineState} rows={3} />
                        <button type="submit" className="gc-button-secondary" disabled={busy}>
                          {t("declineSubmit")}
                        </button>
                      </form>
                    </details>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {decided.length > 0 && (
        <details className="mt-4">
          <summary>{t("decidedCount", { count: decided.length })}</summary>
          <ul className="list-none space-y-3 pl-0">
            {decided.map((proposal) => (
              <li key={proposal.id} className="border-l-4 border-gc-border pl-3">
                <ProposalSummary proposal={proposal} locale={locale} headingLevel={3} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
