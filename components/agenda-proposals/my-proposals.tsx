import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import { Link } from "@/lib/i18n/navigation";
import { ProposalSummary, type ProposalView } from "./proposal-summary";

/**
 * A representative's home: where to propose an item (the coming meetings) and what became of their proposals,
 * with the reason of a declined one (issue 22.3).
 */
export function MyProposals({ proposals, meetings, locale }: { proposals: ProposalView[]; meetings: { id: string; sequenceNumber: number; titleEn: string; titleFr: string }[]; locale: Locale }) {
  const t = useTranslations("Proposals");
  return (
    <section aria-labelledby="my-proposals-heading" id="my-proposals" className="mb-8">
      <h2 id="my-proposals-heading">{t("mineTitle")}</h2>
      {meetings.length > 0 ? (
        <>
          <p className="mb-1">{t("proposeFor")}</p>
          <ul className="mb-4">
            {meetings.map((meeting) => (
              <li key={meeting.id}>
                <Link href={`/meetings/${meeting.id}#propose`}>{t("proposeLink", { number: meeting.sequenceNumber, title: locale === "fr" ? meeting.titleFr : meeting.titleEn })}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("noComingMeeting")}</p>
      )}
      {proposals.length === 0 ? (
        <p>{t("noneYet")}</p>
      ) : (
        <ul className="list-none space-y-3 pl-0" data-testid="my-proposals">
          {proposals.map((proposal) => (
            <li key={proposal.id} className="border-l-4 border-gc-border pl-3" data-testid="my-proposal">
              <ProposalSummary proposal={proposal} locale={locale} headingLevel={3} showMeeting />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
