import { describe, expect, it } from "vitest";
import { sessionExpired } from "@/lib/auth/session-length";
import { printedMarking, settingDefaults, settingValue } from "@/lib/settings/definitions";
import { updateSettingsSchema } from "@/lib/settings/schemas";

describe("settings", () => {
  it("reads a stored value as its setting's type, and the default for anything malformed or missing", () => {
    expect(settingValue("staleDays", 30)).toBe(30);
    expect(settingValue("staleDays", "30")).toBe(90);
    expect(settingValue("staleDays", 0)).toBe(90);
    expect(settingValue("sessionHours", undefined)).toBe(8);
    expect(settingValue("quorumRule", { minimumDepartments: 5, chairRequired: false })).toEqual({ minimumDepartments: 5, chairRequired: false });
    expect(settingValue("quorumRule", { minimumDepartments: 5 })).toEqual(settingDefaults.quorumRule);
    // A marking in the old one-string shape (the migration converts stored ones) reads as the default.
    expect(settingValue("securityMarking", "UNCLASSIFIED / NON CLASSIFIÉ")).toEqual({ en: "UNCLASSIFIED", fr: "NON CLASSIFIÉ" });
  });

  it("prints the marking in both languages, once when they are the same", () => {
    expect(printedMarking(settingDefaults.securityMarking)).toBe("UNCLASSIFIED / NON CLASSIFIÉ");
    expect(printedMarking({ en: "PROTECTED B", fr: "PROTÉGÉ B" })).toBe("PROTECTED B / PROTÉGÉ B");
    expect(printedMarking({ en: "NATO", fr: "NATO" })).toBe("NATO");
  });

  it("reads the form's whole numbers and ticked box, and names the range for anything else", () => {
    const form = {
      securityMarkingEn: " SECRET ",
      securityMarkingFr: "SECRET",
      quorumMinimumDepartments: " 9 ",
      quorumChairRequired: "on",
      staleDays: "90",
      sessionHours: "8",
      securityMarkingVersion: "1",
      quorumRuleVersion: "1",
      staleDaysVersion: "1",
      sessionHoursVersion: "0",
      oneTimePasswordHours: "72",
      oneTimePasswordHoursVersion: "0",
      mfaRequiredForEveryoneVersion: "0",
    };
    expect(updateSettingsSchema.parse(form)).toMatchObject({ securityMarkingEn: "SECRET", quorumMinimumDepartments: 9, quorumChairRequired: true, sessionHoursVersion: 0 });
    expect(updateSettingsSchema.parse({ ...form, quorumChairRequired: undefined }).quorumChairRequired).toBe(false);
    const issue = updateSettingsSchema.safeParse({ ...form, staleDays: "1e2" }).error?.issues[0];
    expect(issue).toMatchObject({ path: ["staleDays"], params: { key: "staleDaysRange", values: { min: 1, max: 365 } } });
  });

  it("ends a session the given number of hours after sign-in; one without a recorded sign-in is left to its cookie", () => {
    const signedInAt = Date.UTC(2026, 0, 5, 9);
    expect(sessionExpired(signedInAt, 8, signedInAt + 8 * 3_600_000 - 1)).toBe(false);
    expect(sessionExpired(signedInAt, 8, signedInAt + 8 * 3_600_000)).toBe(true);
    expect(sessionExpired(signedInAt, 2, signedInAt + 3 * 3_600_000)).toBe(true);
    expect(sessionExpired(undefined, 1, signedInAt)).toBe(false);
  });
});
