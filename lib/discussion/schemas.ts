import { z } from "zod";
import { intFromForm, optionalId, requiredText } from "@/lib/kernel/schema-helpers";

/** The records a discussion can be about. */
export const subjectTypes = ["initiative", "statusUpdate", "agendaItem", "actionItem", "indicator"] as const;
export type SubjectType = (typeof subjectTypes)[number];

export const COMMENT_MAX = 5000;

const body = requiredText(COMMENT_MAX);
const language = z.enum(["en", "fr"]);

/** A new comment on a record, or a reply (`parentId`) to a comment on the same record. */
export const postCommentSchema = z
  .object({
    subjectType: z.enum(subjectTypes),
    subjectId: z.uuid(),
    parentId: optionalId,
    language,
    body,
  })
  .strict();
export type PostCommentInput = z.input<typeof postCommentSchema>;

/** The author's edit of their comment; the text it replaces is kept. */
export const editCommentSchema = z
  .object({
    id: z.uuid(),
    version: intFromForm.min(1),
    language,
    body,
  })
  .strict();

/** A coordinator hides a comment (never deletes it), saying why. */
export const hideCommentSchema = z
  .object({
    id: z.uuid(),
    reason: requiredText(500),
  })
  .strict();
