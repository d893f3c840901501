/**
 * Agenda timing: each item starts when the one before it ends, from the meeting's start. Pure, so that the
 * builder (in the browser) and the agenda package (on the server) compute the same times.
 */
export type ScheduledItem = { startsAt: Date; endsAt: Date };

export function scheduleAgenda(meetingStart: Date, meetingEnd: Date, minutes: readonly number[]) {
  let cursor = meetingStart.getTime();
  const items: ScheduledItem[] = minutes.map((length) => {
    const startsAt = new Date(cursor);
    cursor += Math.max(0, length) * 60_000;
    return { startsAt, endsAt: new Date(cursor) };
  });
  const totalMinutes = minutes.reduce((sum, length) => sum + Math.max(0, length), 0);
  const availableMinutes = Math.round((meetingEnd.getTime() - meetingStart.getTime()) / 60_000);
  return { items, totalMinutes, availableMinutes, overrunMinutes: Math.max(0, totalMinutes - availableMinutes), endsAt: new Date(cursor) };
}

/** The list after moving one element from `from` to `to` (both indexes in the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}
