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
 * agenda in one click or declined with a reason. The builder's data is refreshed after each decision.
 */
export function ProposalsPanel({ meetingId, locale, pending, decided, actions, locked }: { meetingId: string; locale: Locale; pending: ProposalView[]; decided: ProposalView[]; actions: { accept: FormAction; decline: FormAction }; locked: boolean }) {
  const t = useTranslations("Proposals");
  return (
    <section aria-labelledby="proposals-heading" className="mb-8" data-testid="proposals-panel">
      <h2 id="proposals-heading">{t("panelTitle")}</h2>
      {pending.length === 0 ? (
        <p>{t("noneToDecide")}</p>
      ) : (
        <ul className="list-none space-y-4 pl-0" data-testid="pending-proposals">
          {pending.map((proposal) => (
            <li key={proposal.id} className="border border-gc-border p-3" data-testid="pending-proposal">
              <ProposalSummary proposal={proposal} locale={locale} headingLevel={3} />
              {!locked && <Decide proposal={proposal} meetingId={meetingId} locale={locale} actions={actions} />}
            </li>
          ))}
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

function Decide({ proposal, meetingId, locale, actions }: { proposal: ProposalView; meetingId: string; locale: Locale; actions: { accept: FormAction; decline: FormAction } }) {
  const t = useTranslations("Proposals");
  const queryClient = useQueryClient();
  const [accepted, accept, accepting] = useActionState(actions.accept, initialFormState);
  const [declined, decline, declining] = useActionState(actions.decline, initialFormState);
  useEffect(() => {
    if (accepted.status === "success") void queryClient.invalidateQueries({ queryKey: agendaQueryKey(meetingId) });
  }, [accepted, meetingId, queryClient]);
  const title = locale === "fr" ? proposal.titleFr || proposal.titleEn : proposal.titleEn || proposal.titleFr;
  return (
    <div className="mt-3 flex flex-wrap items-start gap-4">
      <form action={accept}>
        <input type="hidden" name="id" value={proposal.id} />
        <input type="hidden" name="version" value={proposal.version} />
        <button type="submit" className="gc-button" disabled={accepting} data-testid="accept-proposal">
          {t("accept")}
          <span className="sr-only"> — {title}</span>
        </button>
        <FormMessage state={accepted} className="mt-2" />
      </form>
      <details>
        <summary className="cursor-pointer">
          {t("decline")}
          <span className="sr-only"> — {title}</span>
        </summary>
        <form action={decline} className="mt-2 max-w-xl">
          <FormMessage state={declined} />
          <input type="hidden" name="id" value={proposal.id} />
          <input type="hidden" name="version" value={proposal.version} />
          <TextArea name="reason" label={t("declineReason")} hint={t("declineReasonHint")} state={declined} rows={3} />
          <button type="submit" className="gc-button-secondary" disabled={declining}>
            {t("declineSubmit")}
          </button>
        </form>
      </details>
    </div>
  );
}
