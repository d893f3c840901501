import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/authz/permissions";

/** A throwaway account of the test's own (never a demo account, whose sessions other tests hold). */
export async function makeAccount({
  role = "COORDINATOR",
  password = "a long enough password",
  mustChangePassword = false,
  enrolled = false,
}: { role?: Role; password?: string; mustChangePassword?: boolean; enrolled?: boolean } = {}) {
  const jus = await db.department.findUniqueOrThrow({ where: { acronymEn: "JUS" }, select: { id: true } });
  const account = await db.user.create({
    data: {
      email: `sec-${randomUUID()}@iwgtip.example`,
      displayName: "Security test account",
      role,
      departmentId: role === "DEPARTMENT_REP" ? jus.id : null,
      passwordHash: await hashPassword(password),
      mustChangePassword,
      oneTimePasswordSetAt: mustChangePassword ? new Date() : null,
    },
    select: { id: true, email: true, version: true },
  });
  // A coordinator's password session needs a second factor to reach the portal (lib/auth/account-gate.ts).
  if (enrolled) await db.mfaCredential.create({ data: { userId: account.id, secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", confirmedAt: new Date() } });
  return account;
}

/** Which of these sessions are still open. */
export async function openOnes(ids: string[]): Promise<string[]> {
  const rows = await db.authSession.findMany({ where: { id: { in: ids }, endedAt: null }, select: { id: true } });
  return ids.filter((id) => rows.some((row) => row.id === id));
}
