import { describe, expect, it } from "vitest";
import { quorumMet } from "@/lib/meetings/quorum";

describe("quorum", () => {
  const rule = { minimumDepartments: 3, chairRequired: true };
  it("needs enough departments present, delegates or alternates", () => {
    expect(quorumMet([{ status: "DELEGATE", isChair: true }, { status: "ALTERNATE", isChair: false }, { status: "DELEGATE", isChair: false }], rule)).toBe(true);
    expect(quorumMet([{ status: "DELEGATE", isChair: true }, { status: "ABSENT", isChair: false }, { status: "DELEGATE", isChair: false }], rule)).toBe(false);
  });
  it("needs the chair when the rule says so", () => {
    type Entry = Parameters<typeof quorumMet>[0][number];
    const present: Entry[] = [{ status: "ABSENT", isChair: true }, ...Array.from({ length: 5 }, (): Entry => ({ status: "DELEGATE", isChair: false }))];
    expect(quorumMet(present, rule)).toBe(false);
    expect(quorumMet(present, { ...rule, chairRequired: false })).toBe(true);
  });
});
