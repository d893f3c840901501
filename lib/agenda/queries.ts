import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/security/ids";
import { onAgenda } from "./on-agenda";
import { requirePermission } from "@/lib/authz/require";

/**
 * The agenda builder's data, plain and serialisable (it goes to the browser through TanStack Query): the
 * meeting's times and status, its items in order, and the choices of the item form.
 */
export async function getAgendaBuilderData(user: SessionUser, meetingId: string) {
  requirePermission(user, "portal.read");
  if (!isUuid(meetingId)) return null;
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      sequenceNumber: true,
      titleEn: true,
      titleFr: true,
      startsAt: true,
      endsAt: true,
      agendaStatus: true,
      icsSequence: true,
      agendaItems: {
        where: onAgenda,
        orderBy: { position: "asc" },
        select: {
          id: true,
          version: true,
          position: true,
          titleEn: true,
          titleFr: true,
          kind: true,
          minutes: true,
          presentingDepartmentId: true,
          initiativeId: true,
          actionItemId: true,
          initiative: { select: { code: true, titleEn: true, titleFr: true, archivedAt: true } },
          actionItem: { select: { titleEn: true, titleFr: true, status: true } },
          presentingDepartment: { select: { acronymEn: true, acronymFr: true } },
        },
      },
    },
  });
  if (!meeting) return null;
  return {
    id: meeting.id,
    sequenceNumber: meeting.sequenceNumber,
    titleEn: meeting.titleEn,
    titleFr: meeting.titleFr,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    agendaStatus: meeting.agendaStatus,
    icsSequence: meeting.icsSequence,
    // What the item links to is named here: the form's search offers only what may be newly chosen (active
    // initiatives, open action items), and the item's current links must still show.
    items: meeting.agendaItems.map(({ initiative, actionItem, presentingDepartment, ...item }) => ({
      ...item,
      initiativeCode: initiative?.code ?? null,
      initiativeTitle: initiative ? { en: initiative.titleEn, fr: initiative.titleFr } : null,
      initiativeArchived: initiative ? initiative.archivedAt !== null : false,
      actionItemTitle: actionItem ? { en: actionItem.titleEn, fr: actionItem.titleFr } : null,
      actionItemClosed: actionItem ? actionItem.status === "DONE" || actionItem.status === "CANCELLED" : false,
      presenterAcronym: presentingDepartment ? { en: presentingDepartment.acronymEn, fr: presentingDepartment.acronymFr } : null,
    })),
  };
}

export type AgendaBuilderData = NonNullable<Awaited<ReturnType<typeof getAgendaBuilderData>>>;
export type AgendaBuilderItem = AgendaBuilderData["items"][number];

/** The presenting departments the item form offers: the active ones (a handful, so a plain list). */
export async function presentingDepartments() {
  return db.department.findMany({ where: { active: true }, select: { id: true, acronymEn: true, acronymFr: true }, orderBy: [{ sortOrder: "asc" }, { acronymEn: "asc" }] });
}
