/** The quorum rule (a setting): at least this many member departments present, the chair among them if required. */
export type QuorumRule = { minimumDepartments: number; chairRequired: boolean };

export const defaultQuorumRule: QuorumRule = { minimumDepartments: 9, chairRequired: true };

export function isQuorumRule(value: unknown): value is QuorumRule {
  const rule = value as QuorumRule | null;
  return typeof rule === "object" && rule !== null && Number.isInteger(rule.minimumDepartments) && rule.minimumDepartments > 0 && typeof rule.chairRequired === "boolean";
}

/** Present = delegate or alternate. */
export function quorumMet(attendance: { status: "DELEGATE" | "ALTERNATE" | "ABSENT"; isChair: boolean }[], rule: QuorumRule): boolean {
  const present = attendance.filter((entry) => entry.status !== "ABSENT");
  if (rule.chairRequired && !present.some((entry) => entry.isChair)) return false;
  return present.length >= rule.minimumDepartments;
}
