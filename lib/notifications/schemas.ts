import { z } from "zod";

/** The notices a user can turn off, in the order the profile shows them. */
export const noticeKinds = ["UPDATE_CALL_OPENED", "UPDATE_CALL_REMINDER", "ACTION_ITEM_ASSIGNED", "OVERDUE_DIGEST", "AGENDA", "MINUTES_CIRCULATED", "DISCUSSION", "PAPER_REQUEST_REMINDER", "PAPER_REQUESTED", "AGENDA_PROPOSAL"] as const;
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

// The notification centre (issue 22) ----------------------------------------------------------------------------

/** Marks one of one's notifications read (or all of them, without an id). */
export const markNotificationsReadSchema = z.object({ id: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.uuid().optional()) }).strict();

/** Follow or unfollow an initiative or a meeting. */
export const followSchema = z
  .object({
    subjectType: z.enum(["initiative", "meeting"]),
    subjectId: z.uuid(),
    following: z.preprocess((value) => value === true || value === "true" || value === "on", z.boolean()),
  })
  .strict();

/** The kinds of the notification centre, in the order the profile shows them. */
export const notificationKinds = ["MENTION", "REPLY", "COMMENT", "ACTION_ITEM_ASSIGNED", "PAPER_REQUESTED", "MINUTES_SIGN_OFF", "PROPOSAL_ACCEPTED", "PROPOSAL_DECLINED"] as const;
export type NotificationKindName = (typeof notificationKinds)[number];

/** The in-portal choices: the kinds wanted in the notification centre (ticked boxes; absent = none). */
export const updateNotificationPreferencesSchema = z
  .object({ inPortal: z.array(z.enum(notificationKinds)).max(notificationKinds.length).default([]) })
  .strict();
