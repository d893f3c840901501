import { z } from "zod";
import { intFromForm, isoDate, optionalId, optionalText, requiredText } from "@/lib/kernel/schema-helpers";

export const actionItemStatuses = ["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export type ActionItemStatusValue = (typeof actionItemStatuses)[number];

/** A new action item, raised on its own or from an agenda item. The due date is checked against today in Toronto. */
export const createActionItemSchema = z
  .object({
    titleEn: requiredText(300),
    titleFr: requiredText(300),
    detailsEn: optionalText(4000),
    detailsFr: optionalText(4000),
    ownerDepartmentId: z.uuid(),
    assigneeId: optionalId,
    initiativeId: optionalId,
    meetingId: optionalId,
    agendaItemId: optionalId,
    dueDate: isoDate,
  })
  .strict();
export type CreateActionItemInput = z.output<typeof createActionItemSchema>;

export const updateActionItemStatusSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(actionItemStatuses),
    completionNote: optionalText(2000),
    version: intFromForm.min(1),
  })
  .strict();
export type UpdateActionItemStatusInput = z.output<typeof updateActionItemStatusSchema>;

export const actionItemViews = ["mine", "department", "overdue", "open", "all"] as const;
export type ActionItemView = (typeof actionItemViews)[number];
