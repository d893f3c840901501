import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "./types";

/** The user as every check sees them, straight from the database; null when unknown or deactivated. */
export async function loadSessionUser(id: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      departmentId: true,
      preferredLanguage: true,
      active: true,
      mustChangePassword: true,
      department: { select: { acronymEn: true, acronymFr: true } },
    },
  });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    departmentAcronym: user.department ? { en: user.department.acronymEn, fr: user.department.acronymFr } : null,
    language: user.preferredLanguage,
    mustChangePassword: user.mustChangePassword,
  };
}
