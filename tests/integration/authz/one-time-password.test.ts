import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/load-user";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { archiveInitiative } from "@/lib/initiatives/commands";
import { changeMyPassword } from "@/lib/users/commands";

/** An account holding a one-time password may do nothing but choose its own password. */
describe("a one-time password", () => {
  let userId: string;
  let holder: SessionUser;

  beforeAll(async () => {
    const jus = await db.department.findUniqueOrThrow({ where: { acronymEn: "JUS" }, select: { id: true } });
    const created = await db.user.create({
      data: {
        email: `otp-${randomUUID()}@iwgtip.example`,
        displayName: "One-time password holder",
        role: "COORDINATOR",
        departmentId: jus.id,
        passwordHash: await hashPassword("a one-time password"),
        mustChangePassword: true,
      },
      select: { id: true },
    });
    userId = created.id;
    holder = (await loadSessionUser(userId))!;
  });

  afterAll(async () => {
    await db.user.update({ where: { id: userId }, data: { active: false } });
  });

  it("refuses every other command, changing nothing", async () => {
    const initiative = await db.initiative.findFirstOrThrow({ where: { archivedAt: null }, select: { id: true, version: true } });
    const audits = await db.auditEvent.count();
    expect(await archiveInitiative(holder, { id: initiative.id, version: initiative.version })).toEqual({ ok: false, code: "forbidden" });
    expect(await db.initiative.findUniqueOrThrow({ where: { id: initiative.id }, select: { archivedAt: true } })).toEqual({ archivedAt: null });
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("lets the holder choose their own password, after which the rest opens", async () => {
    const changed = await changeMyPassword(holder, { currentPassword: "a one-time password", newPassword: "a password of my own choosing" });
    expect(changed.ok).toBe(true);
    const after = (await loadSessionUser(userId))!;
    expect(after.mustChangePassword).toBe(false);
  });
});
