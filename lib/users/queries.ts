import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserListFilters } from "./schemas";
import { isUuid } from "@/lib/security/ids";
import { literalLikeText } from "@/lib/format/like";

export const usersPageSize = 25;

/** Administrators: accounts matching the filters, one page at a time, sorted by name. */
export async function listUsers(user: SessionUser, filters: UserListFilters) {
  requirePermission(user, "admin.manage");
  const where: Prisma.UserWhereInput = {
    ...(filters.q ? { OR: [{ displayName: { contains: literalLikeText(filters.q), mode: "insensitive" } }, { email: { contains: literalLikeText(filters.q), mode: "insensitive" } }] } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
    ...(filters.status ? { active: filters.status === "active" } : {}),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ displayName: "asc" }, { email: "asc" }],
      skip: (filters.page - 1) * usersPageSize,
      take: usersPageSize,
      select: {
        id: true,
        displayName: true,
        email: true,
        role: true,
        active: true,
        lockedUntil: true,
        mustChangePassword: true,
        department: { select: { acronymEn: true, acronymFr: true } },
      },
    }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / usersPageSize)) };
}

/** Administrators: one account for its edit page; null when there is no such account. */
export async function getUserForEdit(user: SessionUser, id: string) {
  requirePermission(user, "admin.manage");
  if (!isUuid(id)) return null;
  return db.user.findUnique({
    where: { id },
    select: {
      id: true,
      displayName: true,
      email: true,
      role: true,
      departmentId: true,
      preferredLanguage: true,
      active: true,
      version: true,
      lockedUntil: true,
      mustChangePassword: true,
      lastSignInAt: true,
      passwordHash: false,
    },
  });
}

/** Departments to choose from in account forms (active ones, plus inactive ones already in use). */
export async function departmentChoices(user: SessionUser) {
  requirePermission(user, "admin.manage");
  return db.department.findMany({ orderBy: [{ sortOrder: "asc" }, { acronymEn: "asc" }], select: { id: true, acronymEn: true, acronymFr: true, nameEn: true, nameFr: true, active: true } });
}

/** What the profile page shows of one's own account. */
export async function getMyAccount(user: SessionUser) {
  return db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, displayName: true, role: true, preferredLanguage: true, mustChangePassword: true, passwordHash: true } }).then(
    ({ passwordHash, ...account }) => ({ ...account, hasPassword: passwordHash !== null }),
  );
}
