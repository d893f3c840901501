import { useTranslations } from "next-intl";
import type { ProposalRow } from "@/lib/agenda-proposals/queries";
import type { Locale } from "@/lib/i18n/routing";
import { Link } from "@/lib/i18n/navigation";

/** A proposal as the pages show it: what the query reads, without its dates (the summary shows none). */
export type ProposalView = Omit<ProposalRow, "decidedAt" | "createdAt">;

/** A proposal's title (in the reader's language when there is one), what it asks for, why, and its status as text. */
export function ProposalSummary({ proposal, locale, headingLevel, showMeeting = false }: { proposal: ProposalView; locale: Locale; headingLevel: 2 | 3; showMeeting?: boolean }) {
  const t = useTranslations("Proposals");
  const agenda = useTranslations("Agenda");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const own = locale === "fr" ? proposal.titleFr : proposal.titleEn;
  const title = own || proposal.titleEn || proposal.titleFr;
  const lang = own ? undefined : proposal.titleEn ? "en" : "fr";
  return (
    <div data-proposal-status={proposal.status}>
      <Heading className="mb-1 mt-0 text-lg" lang={lang}>
        {title}
      </Heading>
      <p className="mb-1" data-testid="proposal-status">
        <strong>{t(`status.${proposal.status}`)}</strong>
        {proposal.status === "DECLINED" && proposal.declineReason && <> — {t("declinedBecause", { reason: proposal.declineReason })}</>}
      </p>
      <p className="mb-1 text-base">
        {t("asks", { kind: agenda(`kind.${proposal.kind}`), minutes: proposal.minutes })} ·{" "}
        {t("proposedBy", { name: proposal.proposerName, department: proposal.department ? (locale === "fr" ? proposal.department.fr : proposal.department.en) : "—" })}
        {showMeeting && (
          <>
            {" · "}
            <Link href={`/meetings/${proposal.meetingId}`}>{t("forMeeting", { number: proposal.meetingSequenceNumber, title: locale === "fr" ? proposal.meetingTitleFr : proposal.meetingTitleEn })}</Link>
          </>
        )}
      </p>
      {proposal.initiative && (
        <p className="mb-1 text-base">
          {t("about")} <Link href={`/initiatives/${proposal.initiative.id}`}>{`${proposal.initiative.code} — ${locale === "fr" ? proposal.initiative.titleFr : proposal.initiative.titleEn}`}</Link>
        </p>
      )}
      <p className="mb-0 whitespace-pre-line text-base">
        <span className="font-semibold">{t("why")}</span> {proposal.rationale}
      </p>
    </div>
  );
}
