import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { MatrixRow } from "../matrix-types";

/** Departments and pillars are reference data: administrators only. */
const adminOnly = { ADMIN: "allow", COORDINATOR: "deny", EXECUTIVE: "deny", OWN_REP: "deny", OTHER_REP: "deny", SIGNED_OUT: "deny" } as const;

// Everything these rows make is named with this prefix, so that cleanup() can remove it: other tests count the
// 16 departments and the 4 pillars.
const prefix = "ZZMX";
const unique = () => `${prefix}${randomBytes(4).toString("hex").toUpperCase()}`;

const departmentInput = () => {
  const acronym = unique();
  return { acronymEn: acronym, acronymFr: `${acronym}F`, nameEn: `Matrix department ${acronym}`, nameFr: `Ministère matrice ${acronym}` };
};

const pillarInput = () => ({ nameEn: "Matrix pillar", nameFr: "Pilier matrice", descriptionEn: "Test", descriptionFr: "Essai", colour: "#336699" });

async function makePillar() {
  const last = await db.pillar.aggregate({ _max: { sortOrder: true } });
  return db.pillar.create({ data: { code: unique(), ...pillarInput(), sortOrder: (last._max.sortOrder ?? 0) + 1 }, select: { id: true, version: true } });
}

export const rows: MatrixRow[] = [
  { command: "department.create", prepare: async () => departmentInput(), expect: adminOnly },
  {
    command: "department.update",
    prepare: async () => {
      const department = await db.department.create({ data: departmentInput(), select: { id: true, version: true } });
      return { id: department.id, version: department.version, ...departmentInput(), active: false };
    },
    expect: adminOnly,
  },
  { command: "pillar.create", prepare: async () => ({ code: unique(), ...pillarInput() }), expect: adminOnly },
  {
    command: "pillar.update",
    prepare: async () => {
      const pillar = await makePillar();
      return { id: pillar.id, version: pillar.version, ...pillarInput(), colour: "#aa3300", active: false };
    },
    expect: adminOnly,
  },
  { command: "pillar.move", prepare: async () => ({ id: (await makePillar()).id, direction: "up" }), expect: adminOnly },
];

/** Removes what the rows made (test data only) and renumbers the remaining pillars 1..n in their order. */
export async function cleanup() {
  // Meetings created meanwhile record attendance for every active department, these included.
  await db.meetingAttendance.deleteMany({ where: { department: { acronymEn: { startsWith: prefix } } } });
  await db.department.deleteMany({ where: { acronymEn: { startsWith: prefix } } });
  await db.pillar.deleteMany({ where: { code: { startsWith: prefix } } });
  const pillars = await db.pillar.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true } });
  for (const [index, pillar] of pillars.entries()) await db.pillar.update({ where: { id: pillar.id }, data: { sortOrder: index + 1 } });
}
