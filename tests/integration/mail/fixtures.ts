import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

/** Ports the mail tests may use (2525–2529 on this machine; override with MAIL_TEST_PORT_BASE). */
export const SMTP_PORT_BASE = Number(process.env.MAIL_TEST_PORT_BASE ?? 2525);

export const BASE_URL = "https://portal.test.example";

/** A department of the test's own, with a unique acronym, so recipient lists hold only the test's people. */
export async function makeDepartment() {
  const tag = randomUUID().slice(0, 8).toUpperCase();
  return db.department.create({
    data: { acronymEn: `T${tag}`, acronymFr: `F${tag}`, nameEn: `Test Department ${tag}`, nameFr: `Ministère d'essai ${tag}` },
  });
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
  return db.user.create({
    data: { email: email ?? `mail-${randomUUID()}@iwgtip.example`, displayName: name, role, departmentId, preferredLanguage: language },
  });
}

export async function makeInitiative(leadDepartmentId: string, title: { en: string; fr: string }) {
  const pillar = await db.pillar.findFirstOrThrow({ where: { code: "PREVENTION" } });
  return db.initiative.create({
    data: {
      code: `T-${randomUUID().slice(0, 12).toUpperCase()}`,
      titleEn: title.en,
      titleFr: title.fr,
      leadDepartmentId,
      primaryPillarId: pillar.id,
      status: "ACTIVE",
    },
  });
}

/** A meeting sequence number no seeded or other test meeting uses. */
export function uniqueSequenceNumber(): number {
  return 100_000 + Math.floor(Math.random() * 1_000_000_000);
}

/** Messages the test queued, by a fragment of their dedupe key (usually a record id). */
export function outboxFor(fragment: string) {
  return db.outboundMessage.findMany({ where: { dedupeKey: { contains: fragment } }, orderBy: { toAddress: "asc" } });
}
