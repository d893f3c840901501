import "server-only";
import type { Tx } from "@/lib/kernel/tx";

/*
 * Who owns what an initiative command acts on: the lead department of the initiative, read from the database by
 * the record's id. An archived initiative, a removed milestone or funding line, is not found.
 */

export async function initiativeOwner(tx: Tx, id: string) {
  const initiative = await tx.initiative.findFirst({ where: { id, archivedAt: null }, select: { leadDepartmentId: true } });
  return initiative ? { departmentId: initiative.leadDepartmentId } : null;
}

export async function milestoneOwner(tx: Tx, id: string) {
  const milestone = await tx.milestone.findFirst({
    where: { id, deletedAt: null, initiative: { archivedAt: null } },
    select: { initiative: { select: { leadDepartmentId: true } } },
  });
  return milestone ? { departmentId: milestone.initiative.leadDepartmentId } : null;
}

export async function fundingLineOwner(tx: Tx, id: string) {
  const line = await tx.fundingLine.findFirst({
    where: { id, deletedAt: null, initiative: { archivedAt: null } },
    select: { initiative: { select: { leadDepartmentId: true } } },
  });
  return line ? { departmentId: line.initiative.leadDepartmentId } : null;
}
