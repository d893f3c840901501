import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AuthorizationError, requirePermission } from "@/lib/authz/require";
import { can, grantScope, holdsPermission, permissions, roles, type Permission, type Role } from "@/lib/authz/permissions";
import { defineCommand } from "@/lib/kernel/registry";
import { db } from "@/lib/db";
import { sessionUser } from "../../support/database";

/** Every (role, permission) pair whose grant reaches only the role's own department. */
const departmentScoped: { role: Role; permission: Permission }[] = roles.flatMap((role) =>
  (Object.keys(permissions) as Permission[]).filter((permission) => grantScope(role, permission) === "ownDepartment").map((permission) => ({ role, permission })),
);

describe("the policy fails closed on department-scoped grants (issue 17, point 11)", () => {
  it("has department-scoped grants to test (the table did not silently change)", () => {
    expect(departmentScoped.map(({ role, permission }) => `${role} ${permission}`).sort()).toEqual([
      "DEPARTMENT_REP actionItem.create",
      "DEPARTMENT_REP actionItem.updateStatus",
      "DEPARTMENT_REP document.upload",
      "DEPARTMENT_REP initiative.create",
      "DEPARTMENT_REP initiative.update",
      "DEPARTMENT_REP results.report",
      "DEPARTMENT_REP translation.verify",
    ]);
  });

  it.each(departmentScoped)("answers no to $role $permission without a record, or for a record of no department", async ({ role, permission }) => {
    const department = await db.department.findFirstOrThrow({ where: { acronymEn: "JUS" }, select: { id: true } });
    const other = await db.department.findFirstOrThrow({ where: { acronymEn: "RCMP" }, select: { id: true } });
    const actor = { role, departmentId: department.id };
    expect(can(actor, permission)).toBe(false);
    expect(can(actor, permission, undefined)).toBe(false);
    expect(can(actor, permission, { departmentId: null })).toBe(false);
    expect(can(actor, permission, { departmentId: other.id })).toBe(false);
    expect(() => requirePermission(actor, permission)).toThrow(AuthorizationError);
    // With the record of the actor's own department, the grant applies.
    expect(can(actor, permission, { departmentId: department.id })).toBe(true);
    // "May they do it anywhere" (navigation, entry guards) asks about their own department: none, no.
    expect(holdsPermission(actor, permission)).toBe(true);
    expect(holdsPermission({ role, departmentId: null }, permission)).toBe(false);
    expect(can({ role, departmentId: null }, permission, { departmentId: null })).toBe(false);
  });

  it("still answers yes without a record to grants over all records", () => {
    expect(can({ role: "COORDINATOR", departmentId: null }, "initiative.update")).toBe(true);
    expect(can({ role: "DEPARTMENT_REP", departmentId: null }, "portal.read")).toBe(true);
  });

  it("refuses a department-scoped command that names no owning record, and runs nothing", async () => {
    let ran = 0;
    const unowned = defineCommand({
      name: `test.unowned-${randomUUID()}`,
      permission: "initiative.update",
      schema: z.object({}).strict(),
      async run() {
        ran += 1;
        return null;
      },
    });
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    expect(await unowned(rep, {})).toEqual({ ok: false, code: "forbidden" });
    expect(ran).toBe(0);
    // A grant over all records needs no record.
    expect(await unowned(coordinator, {})).toMatchObject({ ok: true });
    expect(ran).toBe(1);
  });
});
