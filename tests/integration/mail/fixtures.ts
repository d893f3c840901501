import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

/** Ports the mail tests may use (2525–2529 on this machine; override with MAIL_TEST_PORT_BASE). */
export const SMTP_PORT_BASE = Number(process.env.MAIL_TEST_PORT_BASE ?? 2525);

export const BASE_URL = "https://portal.test.example";

/**
 * What a test made, so `cleanUp()` can put it out of everyone's way afterwards without deleting anything: users
 * deactivated, initiatives archived, calls closed, action items cancelled.
 */
const made = { users: [] as string[], initiatives: [] as string[], updateCalls: [] as string[], actionItems: [] as string[] };

export function track(kind: keyof typeof made, id: string) {
  made[kind].push(id);
  return id;
}

/**
 * A seeded department that has no representatives and owns no seeded action items (other tests count the 16
 * departments, so these tests make none), so the recipients of its notices are only the test's own people.
 */
export async function quietDepartment(acronym: "PCO" | "CISC" | "PCH" | "INAC" = "PCO") {
  return db.department.findUniqueOrThrow({ where: { acronymEn: acronym } });
}

export async function cleanUp() {
  await db.user.updateMany({ where: { id: { in: made.users } }, data: { active: false } });
  await db.initiative.updateMany({ where: { id: { in: made.initiatives } }, data: { archivedAt: new Date() } });
  await db.updateCall.updateMany({ where: { id: { in: made.updateCalls } }, data: { status: "CLOSED", closedAt: new Date() } });
  await db.actionItem.updateMany({ where: { id: { in: made.actionItems }, status: { in: ["OPEN", "IN_PROGRESS"] } }, data: { status: "CANCELLED" } });
  for (const list of Object.values(made)) list.length = 0;
}

export async function makeUser({
  departmentId = null,
  role = "DEPARTMENT_REP",
  language = "en",
  name = "Test Person",
  email,
}: {
  departmentId?: string | null;
  role?: "DEPARTMENT_REP" | "COORDINATOR" | "ADMIN" | "EXECUTIVE";
  language?: "en" | "fr";
  name?: string;
  email?: string;
}) {
  const user = await db.user.create({
    data: { email: email ?? `mail-${randomUUID()}@iwgtip.example`, displayName: name, role, departmentId, preferredLanguage: language },
  });
  track("users", user.id);
  return user;
}

export async function makeInitiative(leadDepartmentId: string, title: { en: string; fr: string }) {
  const pillar = await db.pillar.findFirstOrThrow({ where: { code: "PREVENTION" } });
  const initiative = await db.initiative.create({
    data: {
      code: `T-${randomUUID().slice(0, 12).toUpperCase()}`,
      titleEn: title.en,
      titleFr: title.fr,
      leadDepartmentId,
      primaryPillarId: pillar.id,
      status: "ACTIVE",
    },
  });
  track("initiatives", initiative.id);
  return initiative;
}

/** A meeting sequence number no seeded or other test meeting uses. */
export function uniqueSequenceNumber(): number {
  // Meeting numbers are at most 1,000,000 (the meeting schema's limit).
  return 100_000 + Math.floor(Math.random() * 800_000);
}

/** Messages the test queued, by a fragment of their dedupe key (usually a record id). */
export function outboxFor(fragment: string) {
  return db.outboundMessage.findMany({ where: { dedupeKey: { contains: fragment } }, orderBy: { toAddress: "asc" } });
}
