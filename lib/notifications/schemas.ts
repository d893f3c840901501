import { z } from "zod";

/** The notices a user can turn off, in the order the profile shows them. */
export const noticeKinds = ["UPDATE_CALL_OPENED", "UPDATE_CALL_REMINDER", "ACTION_ITEM_ASSIGNED", "OVERDUE_DIGEST", "AGENDA", "MINUTES_CIRCULATED", "PAPER_REQUEST_REMINDER"] as const;
export type NoticeKindName = (typeof noticeKinds)[number];

/**
 * The profile's notice form: the notices wanted (ticked boxes; absent = none) and, optionally, the language that
 * comes first in them (absent = unchanged).
 */
export const updateNoticesSchema = z
  .object({
    language: z.enum(["en", "fr"]).optional(),
    notices: z.array(z.enum(noticeKinds)).max(noticeKinds.length).default([]),
  })
  .strict();

export type UpdateNoticesInput = z.input<typeof updateNoticesSchema>;
