import { db } from "@/lib/db";
import { initiativeInput, makeInitiative } from "../../initiatives/support";
import type { MatrixRow } from "../matrix-types";

/**
 * Initiative commands (issue 4), per DESIGN.md §3: coordinators and administrators may do anything; the lead
 * department's representative may create, edit, post updates and keep milestones and funding; archiving is
 * theirs only (not representatives'); reviewing an update is the secretariat's; executives only read.
 * Every `prepare` makes a fresh JUS-led initiative (or record of one) so an allowed call never spoils the next.
 */
const editors = { ADMIN: "allow", COORDINATOR: "allow", OWN_REP: "allow", OTHER_REP: "deny", EXECUTIVE: "deny", SIGNED_OUT: "deny" } as const;
const secretariat = { ADMIN: "allow", COORDINATOR: "allow", OWN_REP: "deny", OTHER_REP: "deny", EXECUTIVE: "deny", SIGNED_OUT: "deny" } as const;

async function milestone() {
  const initiative = await makeInitiative("JUS");
  return db.milestone.create({ data: { initiativeId: initiative.id, titleEn: "Milestone", titleFr: "Jalon" }, select: { id: true, version: true } });
}

async function fundingLine() {
  const initiative = await makeInitiative("JUS");
  return db.fundingLine.create({ data: { initiativeId: initiative.id, source: "Test fund", fiscalYear: 2026, allocatedCents: 100_00n }, select: { id: true, version: true } });
}

export const rows: MatrixRow[] = [
  { command: "initiative.create", prepare: () => initiativeInput("JUS"), expect: editors },
  {
    command: "initiative.update",
    prepare: async () => {
      const initiative = await makeInitiative("JUS");
      return { id: initiative.id, version: initiative.version, ...(await initiativeInput("JUS")) };
    },
    expect: editors,
  },
  { command: "initiative.archive", prepare: async () => { const i = await makeInitiative("JUS"); return { id: i.id, version: i.version }; }, expect: secretariat },
  {
    command: "initiative.postStatusUpdate",
    prepare: async () => ({ initiativeId: (await makeInitiative("JUS")).id, reportingPeriod: "2026-27 Q1", health: "AMBER", progress: "40", narrativeEn: "Report." }),
    expect: editors,
  },
  {
    command: "initiative.reviewStatusUpdate",
    prepare: async () => {
      const initiative = await makeInitiative("JUS");
      const update = await db.statusUpdate.create({ data: { initiativeId: initiative.id, reportingPeriod: "2026-27 Q1", health: "GREEN", progress: 10 }, select: { id: true } });
      return { statusUpdateId: update.id };
    },
    expect: secretariat,
  },
  { command: "milestone.add", prepare: async () => ({ initiativeId: (await makeInitiative("JUS")).id, titleEn: "Launch", dueDate: "2026-09-30" }), expect: editors },
  { command: "milestone.update", prepare: async () => { const m = await milestone(); return { id: m.id, version: m.version, titleFr: "Lancement", completedDate: "2026-10-01" }; }, expect: editors },
  { command: "milestone.remove", prepare: async () => { const m = await milestone(); return { id: m.id, version: m.version }; }, expect: editors },
  {
    command: "fundingLine.add",
    prepare: async () => ({ initiativeId: (await makeInitiative("JUS")).id, source: "Women's Community Fund", fiscalYear: "2026", allocated: "12,300,000", spent: "0", locale: "en" }),
    expect: editors,
  },
  {
    command: "fundingLine.update",
    prepare: async () => { const f = await fundingLine(); return { id: f.id, version: f.version, source: "Test fund", fiscalYear: "2026", allocated: "12 300 000,50", spent: "1 000", locale: "fr" }; },
    expect: editors,
  },
  { command: "fundingLine.remove", prepare: async () => { const f = await fundingLine(); return { id: f.id, version: f.version }; }, expect: editors },
];
