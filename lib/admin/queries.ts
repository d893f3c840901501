import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/security/ids";

/** Administrators: every department, including inactive ones, in display order. */
export async function listDepartmentsForAdmin(user: SessionUser) {
  requirePermission(user, "admin.manage");
  return db.department.findMany({
    orderBy: [{ sortOrder: "asc" }, { acronymEn: "asc" }],
    select: { id: true, acronymEn: true, acronymFr: true, nameEn: true, nameFr: true, active: true, isChair: true, _count: { select: { users: true } } },
  });
}

export async function getDepartmentForEdit(user: SessionUser, id: string) {
  requirePermission(user, "admin.manage");
  if (!isUuid(id)) return null;
  return db.department.findUnique({ where: { id }, select: { id: true, acronymEn: true, acronymFr: true, nameEn: true, nameFr: true, active: true, version: true } });
}

/** Administrators: every pillar, including inactive ones, in display order. */
export async function listPillarsForAdmin(user: SessionUser) {
  requirePermission(user, "admin.manage");
  return db.pillar.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, nameEn: true, nameFr: true, colour: true, active: true, sortOrder: true },
  });
}

export async function getPillarForEdit(user: SessionUser, id: string) {
  requirePermission(user, "admin.manage");
  if (!isUuid(id)) return null;
  return db.pillar.findUnique({
    where: { id },
    select: { id: true, code: true, nameEn: true, nameFr: true, descriptionEn: true, descriptionFr: true, colour: true, active: true, version: true },
  });
}
