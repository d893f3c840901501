import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { departmentId, pillarId } from "../../support/database";

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
