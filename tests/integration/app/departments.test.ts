import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getDepartmentByAcronym, listDepartments } from "@/lib/departments/queries";

const reader: SessionUser = {
  id: "00000000-0000-0000-0000-000000000000",
  email: "executive@iwgtip.example",
  displayName: "Reader",
  role: "EXECUTIVE",
  departmentId: null,
  departmentAcronym: null,
  language: "en",
};

describe("departments", () => {
  it("lists the 16 members sorted by name in the page's language", async () => {
    for (const locale of ["en", "fr"] as const) {
      const departments = await listDepartments(reader, locale);
      expect(departments).toHaveLength(16);
      const names = departments.map((department) => (locale === "fr" ? department.nameFr : department.nameEn));
      const collator = new Intl.Collator(locale === "fr" ? "fr-CA" : "en-CA", { sensitivity: "base" });
      expect(names).toEqual([...names].sort(collator.compare));
    }
  });

  it("marks Justice Canada as the chair", async () => {
    const departments = await listDepartments(reader, "en");
    expect(departments.filter((department) => department.isChair).map((department) => department.acronymEn)).toEqual(["JUS"]);
  });

  it("finds a department by its English or French acronym, in any case", async () => {
    const byEnglish = await getDepartmentByAcronym(reader, "rcmp");
    const byFrench = await getDepartmentByAcronym(reader, "GRC");
    expect(byEnglish?.nameEn).toBe("Royal Canadian Mounted Police");
    expect(byFrench?.id).toBe(byEnglish?.id);
  });

  it("gives what a department leads, partners on, and its representatives", async () => {
    const rcmp = await getDepartmentByAcronym(reader, "RCMP");
    expect(rcmp?.ledInitiatives.map((initiative) => initiative.code)).toEqual(expect.arrayContaining(["IWG-0002", "IWG-0003"]));
    expect(rcmp?.partnerships.map((partnership) => partnership.initiative.code)).toEqual(expect.arrayContaining(["IWG-0001", "IWG-0007", "IWG-0008"]));
    expect(rcmp?.users.map((user) => user.email)).toContain("rep.rcmp@iwgtip.example");
  });

  it("answers null for a department that does not exist", async () => {
    expect(await getDepartmentByAcronym(reader, "NOPE")).toBeNull();
    expect(await getDepartmentByAcronym(reader, "x".repeat(500))).toBeNull();
  });
});
