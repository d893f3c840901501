/**
 * The portal's clock is America/Toronto: meetings are stored in UTC and shown there, and "today" (for overdue
 * action items and due dates) is the date in Toronto, whatever the server's own zone. Pure functions.
 */
import { dateTimeFormat } from "@/lib/format/intl";

export const PORTAL_TIME_ZONE = "America/Toronto";

function torontoParts(instant: Date): Record<string, string> {
  return Object.fromEntries(
    dateTimeFormat("en-US", {
      timeZone: PORTAL_TIME_ZONE,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
}

/** Today's date in Toronto, "YYYY-MM-DD". */
export function torontoToday(now: Date = new Date()): string {
  const parts = torontoParts(now);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A calendar date as Prisma stores a `@db.Date` (midnight UTC), e.g. for comparing due dates. */
export function calendarDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

/** The instant of a wall-clock date and time in Toronto (daylight saving time included). */
export function torontoWallClockToUtc(date: string, time: string): Date {
  const wallClockAsUtc = new Date(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  const parts = torontoParts(wallClockAsUtc);
  const seen = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offset = seen - wallClockAsUtc.getTime();
  const guess = new Date(wallClockAsUtc.getTime() - offset);
  // Near a DST change the offset at the guess may differ from the one at the wall clock: correct once.
  const again = torontoParts(guess);
  const seenAgain = Date.UTC(+again.year!, +again.month! - 1, +again.day!, +again.hour!, +again.minute!, +again.second!);
  return new Date(guess.getTime() - (seenAgain - wallClockAsUtc.getTime()));
}

/** An instant as Toronto's wall clock: { date: "YYYY-MM-DD", time: "HH:MM" } (for form fields). */
export function utcToTorontoWallClock(instant: Date): { date: string; time: string } {
  const parts = torontoParts(instant);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** "HH:MM" in Toronto, for agenda start times. */
export function torontoTime(instant: Date): string {
  return utcToTorontoWallClock(instant).time;
}
