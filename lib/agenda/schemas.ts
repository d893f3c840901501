import { z } from "zod";
import { intFromForm, optionalId, optionalText } from "@/lib/kernel/schema-helpers";

export const agendaKinds = ["DECISION", "DISCUSSION", "INFORMATION"] as const;

/** After publishing, every change to the agenda carries a change note (checked by the commands). */
const changeNote = optionalText(1000);

export const startAgendaSchema = z.object({ meetingId: z.uuid() }).strict();

/**
 * An item's title in at least one official language (issue 21): the translation workflow tracks the other, and
 * publishing the agenda refuses while one is missing. An absent title is stored as "" (the columns are NOT NULL).
 */
const titleInOneLanguage = (value: { titleEn: string; titleFr: string }, context: z.RefinementCtx) => {
  if (value.titleEn === "" && value.titleFr === "") {
    context.addIssue({ code: "custom", path: ["titleEn"], params: { key: "titleInOneLanguage" } });
    context.addIssue({ code: "custom", path: ["titleFr"], params: { key: "titleInOneLanguage" } });
  }
};
const title = optionalText(300).transform((value) => value ?? "");

const agendaItemObject = z
  .object({
    meetingId: z.uuid(),
    titleEn: title,
    titleFr: title,
    kind: z.enum(agendaKinds),
    minutes: z.coerce.number().int().min(1).max(600),
    presentingDepartmentId: optionalId,
    initiativeId: optionalId,
    actionItemId: optionalId,
    changeNote,
  })
  .strict();
export const addAgendaItemSchema = agendaItemObject.superRefine(titleInOneLanguage);
export type AddAgendaItemInput = z.output<typeof addAgendaItemSchema>;

/** Every field of the item, with the `version` the form was read at (a stale one is a conflict). */
export const updateAgendaItemSchema = agendaItemObject.omit({ meetingId: true }).extend({ id: z.uuid(), version: intFromForm.min(1) }).strict().superRefine(titleInOneLanguage);
export type UpdateAgendaItemInput = z.output<typeof updateAgendaItemSchema>;

export const removeAgendaItemSchema = z.object({ id: z.uuid(), changeNote }).strict();

export const reorderAgendaSchema = z
  .object({ meetingId: z.uuid(), itemIds: z.array(z.uuid()).min(1).max(100), changeNote })
  .strict();

/** `overrideReason`: publishing although a text lacks its other language (translation.manage; audited). */
export const publishAgendaSchema = z.object({ meetingId: z.uuid(), overrideReason: optionalText(1000) }).strict();

export const recordOutcomeSchema = z
  .object({
    id: z.uuid(),
    outcome: optionalText(4000),
    deferred: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
  })
  .strict();
