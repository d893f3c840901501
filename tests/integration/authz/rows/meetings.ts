/**
 * Authorization matrix rows for the meeting cycle: action items, meetings, agendas, update calls, decisions and
 * minutes (DESIGN.md §3). Records are owned by JUS (see matrix-types.ts).
 */
import { daysFromToday, departmentId, makeActionItem } from "../../meetings/support";
import type { Expectation, MatrixRow } from "../matrix-types";

const everyone = (expectation: Expectation) => ({ ADMIN: expectation, COORDINATOR: expectation, EXECUTIVE: expectation, OWN_REP: expectation, OTHER_REP: expectation, SIGNED_OUT: expectation });

/** Coordinators and administrators only. */
export const managersOnly = { ...everyone("deny"), ADMIN: "allow", COORDINATOR: "allow" } as const satisfies Record<string, Expectation>;
/** Coordinators, administrators, and the owning department's representative. */
const ownDepartment = { ...managersOnly, OWN_REP: "allow" } as const satisfies Record<string, Expectation>;

export const rows: MatrixRow[] = [
  {
    command: "actionItem.create",
    prepare: async () => ({ titleEn: "Matrix item", titleFr: "Mesure de la matrice", ownerDepartmentId: await departmentId("JUS"), dueDate: daysFromToday(7) }),
    expect: ownDepartment,
  },
  {
    command: "actionItem.updateStatus",
    prepare: async () => {
      const item = await makeActionItem("JUS");
      return { id: item.id, status: "IN_PROGRESS", version: item.version };
    },
    expect: ownDepartment,
  },
];
