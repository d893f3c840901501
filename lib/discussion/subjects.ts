import type { Tx } from "@/lib/kernel/tx";
import type { SubjectType } from "./schemas";

/** The comment column that names each kind of subject. */
export const subjectColumn = {
  initiative: "initiativeId",
  statusUpdate: "statusUpdateId",
  agendaItem: "agendaItemId",
  actionItem: "actionItemId",
  indicator: "indicatorId",
} as const satisfies Record<SubjectType, string>;

/** What a comment's record is, as the commands need it: its owner, where it is, what it is called, who watches it. */
export type Subject = {
  departmentId: string | null;
  href: string;
  titleEn: string;
  titleFr: string;
  /** People who lead or own the record (a status update's author, an action item's assignee). */
  watcherIds: string[];
  /** The initiative and meeting it belongs to, whose followers are told of a comment. */
  initiativeId: string | null;
  meetingId: string | null;
};

/**
 * The record a discussion is about, read by the rule that decides whether its page can be seen: an archived
 * initiative (and its status updates), a removed agenda item, an archived indicator answer null (404).
 */
export async function findSubject(tx: Tx, type: SubjectType, id: string): Promise<Subject | null> {
  switch (type) {
    case "initiative": {
      const found = await tx.initiative.findFirst({ where: { id, archivedAt: null }, select: { id: true, code: true, titleEn: true, titleFr: true, leadDepartmentId: true } });
      return found && { departmentId: found.leadDepartmentId, href: `/initiatives/${found.id}#discussion`, titleEn: `${found.code} — ${found.titleEn}`, titleFr: `${found.code} — ${found.titleFr}`, watcherIds: [], initiativeId: found.id, meetingId: null };
    }
    case "statusUpdate": {
      const found = await tx.statusUpdate.findFirst({
        where: { id, initiative: { archivedAt: null } },
        select: { id: true, reportingPeriod: true, authorId: true, initiative: { select: { id: true, code: true, leadDepartmentId: true } } },
      });
      return (
        found && {
          departmentId: found.initiative.leadDepartmentId,
          href: `/initiatives/${found.initiative.id}#update-${found.id}`,
          titleEn: `${found.initiative.code} — status update ${found.reportingPeriod}`,
          titleFr: `${found.initiative.code} — mise à jour ${found.reportingPeriod}`,
          watcherIds: found.authorId ? [found.authorId] : [],
          initiativeId: found.initiative.id,
          meetingId: null,
        }
      );
    }
    case "agendaItem": {
      const found = await tx.agendaItem.findFirst({ where: { id, deletedAt: null }, select: { id: true, meetingId: true, titleEn: true, titleFr: true, initiativeId: true, presentingDepartmentId: true } });
      return found && { departmentId: found.presentingDepartmentId, href: `/meetings/${found.meetingId}#item-${found.id}`, titleEn: found.titleEn, titleFr: found.titleFr, watcherIds: [], initiativeId: found.initiativeId, meetingId: found.meetingId };
    }
    case "actionItem": {
      const found = await tx.actionItem.findFirst({ where: { id }, select: { id: true, titleEn: true, titleFr: true, ownerDepartmentId: true, assigneeId: true, initiativeId: true, meetingId: true } });
      return found && { departmentId: found.ownerDepartmentId, href: "/action-items", titleEn: found.titleEn, titleFr: found.titleFr, watcherIds: found.assigneeId ? [found.assigneeId] : [], initiativeId: found.initiativeId, meetingId: found.meetingId };
    }
    case "indicator": {
      const found = await tx.indicator.findFirst({ where: { id, archivedAt: null }, select: { id: true, code: true, nameEn: true, nameFr: true, responsibleDepartmentId: true } });
      return found && { departmentId: found.responsibleDepartmentId, href: `/indicators/${found.id}#discussion`, titleEn: `${found.code} — ${found.nameEn}`, titleFr: `${found.code} — ${found.nameFr}`, watcherIds: [], initiativeId: null, meetingId: null };
    }
  }
}

/** The subject of a stored comment (its one non-null subject column). */
export function subjectOf(comment: Record<(typeof subjectColumn)[SubjectType], string | null>): { type: SubjectType; id: string } {
  for (const [type, column] of Object.entries(subjectColumn) as [SubjectType, (typeof subjectColumn)[SubjectType]][]) {
    const id = comment[column];
    if (id) return { type, id };
  }
  throw new Error("A comment without a subject (the CHECK forbids it).");
}
