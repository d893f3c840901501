import { describe, expect, it } from "vitest";
import { can, canVerifyTranslation, permissions, roles, type Permission } from "@/lib/authz/permissions";

const jus = "dept-jus";
const rcmp = "dept-rcmp";

describe("the permission table", () => {
  it("lets every role read and export", () => {
    for (const role of roles) {
      expect(can({ role, departmentId: role === "DEPARTMENT_REP" ? jus : null }, "portal.read")).toBe(true);
      expect(can({ role, departmentId: null }, "export.read")).toBe(true);
    }
  });

  it("denies everything to a signed-out visitor", () => {
    for (const permission of Object.keys(permissions) as Permission[]) {
      expect(can(null, permission)).toBe(false);
    }
  });

  it("gives executives nothing that changes data (only their own profile, their comments and notifications)", () => {
    const executive = { role: "EXECUTIVE" as const, departmentId: null };
    for (const permission of Object.keys(permissions) as Permission[]) {
      expect(can(executive, permission)).toBe(permission === "portal.read" || permission === "export.read" || permission === "profile.update" || permission === "discussion.write" || permission === "notification.manage");
    }
  });

  it("limits a representative's edits to records of their own department", () => {
    const rep = { role: "DEPARTMENT_REP" as const, departmentId: jus };
    expect(can(rep, "initiative.update", { departmentId: jus })).toBe(true);
    expect(can(rep, "initiative.update", { departmentId: rcmp })).toBe(false);
    expect(can(rep, "initiative.update", { departmentId: null })).toBe(false);
    expect(can(rep, "initiative.archive", { departmentId: jus })).toBe(false);
    expect(can(rep, "meeting.manage")).toBe(false);
  });

  it("never lets a representative without a department act on a department's record", () => {
    const orphan = { role: "DEPARTMENT_REP" as const, departmentId: null };
    expect(can(orphan, "initiative.update", { departmentId: null })).toBe(false);
  });

  it("keeps administration for administrators", () => {
    expect(can({ role: "ADMIN", departmentId: null }, "admin.manage")).toBe(true);
    expect(can({ role: "COORDINATOR", departmentId: jus }, "admin.manage")).toBe(false);
    for (const role of roles) expect(can({ role, departmentId: role === "DEPARTMENT_REP" ? jus : null }, "settings.update")).toBe(role === "ADMIN");
  });

  it("gives the translation workflow (issue 21) to coordinators and administrators only", () => {
    for (const permission of ["translation.manage", "translation.verify"] as const) {
      for (const role of roles) expect(can({ role, departmentId: role === "DEPARTMENT_REP" ? jus : null }, permission)).toBe(role === "ADMIN" || role === "COORDINATOR");
    }
  });

  it("narrows verifying a translation to the roles the setting names, a representative to their own department", () => {
    const rep = { role: "DEPARTMENT_REP" as const, departmentId: jus };
    const coordinator = { role: "COORDINATOR" as const, departmentId: null };
    const executive = { role: "EXECUTIVE" as const, departmentId: null };
    const own = { departmentId: jus };
    const other = { departmentId: "00000000-0000-4000-8000-000000000999" };
    expect(canVerifyTranslation(coordinator, ["ADMIN", "COORDINATOR"], own)).toBe(true);
    expect(canVerifyTranslation(coordinator, ["ADMIN"], own)).toBe(false);
    expect(canVerifyTranslation(rep, ["ADMIN", "COORDINATOR"], own)).toBe(false);
    expect(canVerifyTranslation(rep, ["DEPARTMENT_REP"], own)).toBe(true);
    expect(canVerifyTranslation(rep, ["DEPARTMENT_REP"], other)).toBe(false);
    expect(canVerifyTranslation(rep, ["DEPARTMENT_REP"], { departmentId: null })).toBe(false);
    // Executives change no data, whatever a setting says.
    expect(canVerifyTranslation(executive, ["EXECUTIVE" as never], own)).toBe(false);
    expect(canVerifyTranslation(null, ["COORDINATOR"], own)).toBe(false);
  });
});
