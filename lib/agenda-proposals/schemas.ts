import { z } from "zod";
import { agendaKinds } from "@/lib/agenda/schemas";
import { intFromForm, optionalId, optionalText, requiredText } from "@/lib/kernel/schema-helpers";

export const PROPOSAL_RATIONALE_MAX = 2000;

const title = optionalText(300).transform((value) => value ?? "");

/**
 * A representative's proposal of an item for a coming meeting: a title in at least one official language (as an
 * agenda item), its kind, the minutes wanted, optionally the initiative it is about, and why.
 */
export const proposeAgendaItemSchema = z
  .object({
    meetingId: z.uuid(),
    titleEn: title,
    titleFr: title,
    kind: z.enum(agendaKinds),
    minutes: z.coerce.number().int().min(1).max(600),
    initiativeId: optionalId,
    rationale: requiredText(PROPOSAL_RATIONALE_MAX),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.titleEn === "" && value.titleFr === "") {
      context.addIssue({ code: "custom", path: ["titleEn"], params: { key: "titleInOneLanguage" } });
      context.addIssue({ code: "custom", path: ["titleFr"], params: { key: "titleInOneLanguage" } });
    }
  });
export type ProposeAgendaItemInput = z.output<typeof proposeAgendaItemSchema>;

/** The coordinator accepts a pending proposal into the agenda; a published agenda takes the change note given (or a standard one). */
export const acceptProposalSchema = z.object({ id: z.uuid(), version: intFromForm.min(1), changeNote: optionalText(1000) }).strict();

/** The coordinator declines a pending proposal with a reason the proposer sees. */
export const declineProposalSchema = z.object({ id: z.uuid(), version: intFromForm.min(1), reason: requiredText(1000) }).strict();
