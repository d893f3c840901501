/**
 * The notices the portal sends. Each takes ids, reads what it needs and queues one message per recipient,
 * idempotently (a dedupe key per notice and person). Pass `{ client: tx }` from a command so a notice is queued
 * only if the change commits; queuing never waits for SMTP.
 *
 * Event notices (call from the command that makes the change):
 *   notifyUpdateCallOpened(updateCallId)      update call opened
 *   notifyActionItemAssigned(actionItemId)    action item assigned or reassigned
 *   notifyAgendaPublished(meetingId, {ics})   agenda published, with the .ics
 *   notifyAgendaChanged(meetingId, {ics})     published agenda changed (after raising icsSequence)
 *   notifyMinutesCirculated(meetingId)        minutes circulated
 * Scheduled notices (run by the worker, lib/jobs/scheduler.ts):
 *   scheduleUpdateCallReminders(now)          7 days and 1 day before an open call's due date
 *   scheduleOverdueDigests(now)               weekly digest of a department's overdue action items
 */
export { notifyActionItemAssigned, scheduleOverdueDigests } from "./action-items";
export { notifyAgendaChanged, notifyAgendaPublished, notifyMeetingCancelled, notifyMinutesCirculated } from "./meetings";
export { notifyUpdateCallOpened, scheduleUpdateCallReminders } from "./update-calls";
export type { NoticeOptions } from "./shared";
// The notification centre's writer (issue 22): in-portal notices, in the transaction of the change.
export { notifyInPortal, type InPortalNotice } from "./centre";
export { emailDiscussionNotices } from "./discussion";
// documents (issue 20): 3 days and 1 day before a requested paper is due, while it is missing
export { schedulePaperRequestReminders } from "./papers";
// collab2 (issue 22.3–22.4): proposals decided, papers requested, minutes circulated for sign-off and its reminders
export { notifyProposalDecided } from "./proposals";
export { notifyPaperRequested } from "./papers";
export { notifySignOffOpened, scheduleSignOffReminders } from "./sign-off";
