import type { SettingValues } from "@/lib/settings";

/** The quorum rule (a setting): at least this many member departments present, the chair among them if required. */
export type QuorumRule = SettingValues["quorumRule"];

/** Present = delegate or alternate. */
export function quorumMet(attendance: { status: "DELEGATE" | "ALTERNATE" | "ABSENT"; isChair: boolean }[], rule: QuorumRule): boolean {
  const present = attendance.filter((entry) => entry.status !== "ABSENT");
  if (rule.chairRequired && !present.some((entry) => entry.isChair)) return false;
  return present.length >= rule.minimumDepartments;
}
