import { scheduleOverdueDigests, schedulePaperRequestReminders, scheduleSignOffReminders, scheduleUpdateCallReminders } from "@/lib/notifications";
import type { NoticeOptions } from "@/lib/notifications";

/**
 * The time-driven notices. Each is idempotent (dedupe keys), so every instance may run this on every tick: the
 * first to get there queues the messages, the others queue nothing.
 */
export async function runScheduledNotices(now: Date, options: NoticeOptions = {}): Promise<{ reminders: number; digests: number }> {
  // Reminders of calls for updates and of requested papers (issue 20), counted together.
  // Reminders of calls for updates, of requested papers (issue 20) and of minutes awaiting sign-off (issue 22.4), counted together.
  const reminders = (await scheduleUpdateCallReminders(now, options)) + (await schedulePaperRequestReminders(now, options)) + (await scheduleSignOffReminders(now, options));
  const digests = await scheduleOverdueDigests(now, options);
  return { reminders, digests };
}
