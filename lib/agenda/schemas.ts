import { z } from "zod";
import { intFromForm, optionalId, optionalText, requiredText } from "@/lib/kernel/schema-helpers";

export const agendaKinds = ["DECISION", "DISCUSSION", "INFORMATION"] as const;

/** After publishing, every change to the agenda carries a change note (checked by the commands). */
const changeNote = optionalText(1000);

export const startAgendaSchema = z.object({ meetingId: z.uuid() }).strict();

export const addAgendaItemSchema = z
  .object({
    meetingId: z.uuid(),
    titleEn: requiredText(300),
    titleFr: requiredText(300),
    kind: z.enum(agendaKinds),
    minutes: z.coerce.number().int().min(1).max(600),
    presentingDepartmentId: optionalId,
    initiativeId: optionalId,
    actionItemId: optionalId,
    changeNote,
  })
  .strict();
export type AddAgendaItemInput = z.output<typeof addAgendaItemSchema>;

/** Every field of the item, with the `version` the form was read at (a stale one is a conflict). */
export const updateAgendaItemSchema = addAgendaItemSchema.omit({ meetingId: true }).extend({ id: z.uuid(), version: intFromForm.min(1) }).strict();
export type UpdateAgendaItemInput = z.output<typeof updateAgendaItemSchema>;

export const removeAgendaItemSchema = z.object({ id: z.uuid(), changeNote }).strict();

export const reorderAgendaSchema = z
  .object({ meetingId: z.uuid(), itemIds: z.array(z.uuid()).min(1).max(100), changeNote })
  .strict();

export const publishAgendaSchema = z.object({ meetingId: z.uuid() }).strict();

export const recordOutcomeSchema = z
  .object({
    id: z.uuid(),
    outcome: optionalText(4000),
    deferred: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
  })
  .strict();
