/**
 * Where one initiative stands in a call for updates. A status update counts toward a call when its reporting
 * period matches; it is late when posted after the due date (end of that day in Toronto). Once the call is
 * closed, only updates posted before it closed count: closing freezes the matrix.
 */
export type CallCellStatus = "submitted" | "late" | "missing";

export function callCellStatus(firstUpdateAt: Date | null, dueEndsAt: Date, closedAt: Date | null): CallCellStatus {
  if (!firstUpdateAt || (closedAt && firstUpdateAt > closedAt)) return "missing";
  return firstUpdateAt > dueEndsAt ? "late" : "submitted";
}
