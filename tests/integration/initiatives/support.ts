import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";

/** A demo account as the commands see it, read from the seeded database. */
export async function sessionUser(email: string): Promise<SessionUser> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, displayName: true, role: true, departmentId: true, preferredLanguage: true, department: { select: { acronymEn: true, acronymFr: true } } } });
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    departmentAcronym: user.department ? { en: user.department.acronymEn, fr: user.department.acronymFr } : null,
    language: user.preferredLanguage,
  };
}

export async function departmentId(acronym: string): Promise<string> {
  return (await db.department.findUniqueOrThrow({ where: { acronymEn: acronym }, select: { id: true } })).id;
}

export async function pillarId(code: string): Promise<string> {
  return (await db.pillar.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

/** Makes an initiative led by `lead` straight in the database, uniquely named, for a test to act on. */
export async function makeInitiative(lead = "JUS", overrides: { titleEn?: string; titleFr?: string } = {}) {
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  return db.initiative.create({
    data: {
      code: `T-${suffix}`,
      titleEn: overrides.titleEn ?? `Test initiative ${suffix}`,
      titleFr: overrides.titleFr ?? `Initiative d'essai ${suffix}`,
      leadDepartmentId: await departmentId(lead),
      primaryPillarId: await pillarId("PREVENTION"),
      status: "ACTIVE",
    },
    select: { id: true, code: true, version: true },
  });
}

/** The form fields of an initiative, as the create and edit forms send them. */
export async function initiativeInput(lead = "JUS", overrides: Record<string, unknown> = {}) {
  return {
    titleEn: `Created ${randomUUID().slice(0, 8)}`,
    titleFr: "",
    summaryEn: "A summary.",
    summaryFr: "",
    leadDepartmentId: await departmentId(lead),
    partnerDepartmentIds: [await departmentId("RCMP")],
    primaryPillarId: await pillarId("PROTECTION"),
    secondaryPillarIds: [],
    status: "ACTIVE",
    startDate: "2026-04-01",
    targetEndDate: "2027-03-31",
    notes: "",
    ...overrides,
  };
}
