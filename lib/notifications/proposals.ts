import { enqueueMessages } from "@/lib/mail/outbox";
import { notifyInPortal } from "./centre";
import { baseUrlOf, clientOf, localizedField, noticeFor, recipientsFor, type NoticeOptions } from "./shared";

/**
 * An agenda proposal was accepted or declined (issue 22.3): the proposer is told in the portal (PROPOSAL_ACCEPTED or
 * PROPOSAL_DECLINED) and by e-mail (AGENDA_PROPOSAL), with the reason when declined. Call it in the deciding
 * transaction. Once per proposal and decision.
 */
export async function notifyProposalDecided(proposalId: string, options: NoticeOptions & { actorId?: string } = {}): Promise<number> {
  const client = clientOf(options);
  const baseUrl = baseUrlOf(options);
  const proposal = await client.agendaProposal.findUnique({ where: { id: proposalId }, select: { id: true, status: true, proposerId: true, meetingId: true, titleEn: true, titleFr: true, declineReason: true } });
  if (!proposal || proposal.status === "PENDING") return 0;
  const accepted = proposal.status === "ACCEPTED";
  // Accepted: the meeting's agenda has it; declined: the proposer's home page lists it with the reason.
  const href = accepted ? `/meetings/${proposal.meetingId}` : "/#my-proposals";
  await notifyInPortal(client, [
    { recipientId: proposal.proposerId, kind: accepted ? "PROPOSAL_ACCEPTED" : "PROPOSAL_DECLINED", actorId: options.actorId ?? null, href, titleEn: proposal.titleEn || proposal.titleFr, titleFr: proposal.titleFr || proposal.titleEn },
  ]);
  const recipients = await recipientsFor(client, { id: proposal.proposerId }, "AGENDA_PROPOSAL");
  const which = accepted ? "proposalAccepted" : "proposalDeclined";
  const messages = recipients.map((recipient) =>
    noticeFor({
      recipient,
      kind: "AGENDA_PROPOSAL",
      dedupeKey: `agenda-proposal.${proposal.status.toLowerCase()}:${proposal.id}:${recipient.id}`,
      baseUrl,
      section: (locale, t) => {
        const values = { title: localizedField(locale, t, proposal.titleEn, proposal.titleFr), reason: proposal.declineReason ?? "" };
        return { subject: t(`${which}.subject`, values), paragraphs: [t(`${which}.body`, values)], action: { label: t(`${which}.action`), path: href.replace("/#my-proposals", "/") } };
      },
    }),
  );
  return enqueueMessages(client, messages);
}
