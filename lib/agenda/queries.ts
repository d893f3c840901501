import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/security/ids";
import { linkableInitiatives } from "@/lib/meetings/queries";
import { onAgenda } from "./on-agenda";

/**
 * The agenda builder's data, plain and serialisable (it goes to the browser through TanStack Query): the
 * meeting's times and status, its items in order, and the choices of the item form.
 */
export async function getAgendaBuilderData(_user: SessionUser, meetingId: string) {
  if (!isUuid(meetingId)) return null;
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      sequenceNumber: true,
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
          initiative: { select: { code: true, archivedAt: true } },
          actionItem: { select: { titleEn: true, titleFr: true } },
          presentingDepartment: { select: { acronymEn: true, acronymFr: true } },
        },
      },
    },
  });
  if (!meeting) return null;
  return {
    id: meeting.id,
    sequenceNumber: meeting.sequenceNumber,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    agendaStatus: meeting.agendaStatus,
    icsSequence: meeting.icsSequence,
    // What the item links to is named here too: the form's lists hold only what may be newly chosen (active
    // departments and initiatives, open action items), and the item's current links must still show.
    items: meeting.agendaItems.map(({ initiative, actionItem, presentingDepartment, ...item }) => ({
      ...item,
      initiativeCode: initiative?.code ?? null,
      initiativeArchived: initiative ? initiative.archivedAt !== null : false,
      actionItemTitle: actionItem ? { en: actionItem.titleEn, fr: actionItem.titleFr } : null,
      presenterAcronym: presentingDepartment ? { en: presentingDepartment.acronymEn, fr: presentingDepartment.acronymFr } : null,
    })),
  };
}

export type AgendaBuilderData = NonNullable<Awaited<ReturnType<typeof getAgendaBuilderData>>>;
export type AgendaBuilderItem = AgendaBuilderData["items"][number];

/** The choices of the builder's item form: departments, active initiatives (by code, bounded), open action items. */
export async function agendaFormOptions() {
  const [departments, initiatives, actionItems] = await Promise.all([
    db.department.findMany({ where: { active: true }, select: { id: true, acronymEn: true, acronymFr: true }, orderBy: [{ sortOrder: "asc" }, { acronymEn: "asc" }] }),
    linkableInitiatives(),
    db.actionItem.findMany({ where: { status: { in: ["OPEN", "IN_PROGRESS"] } }, select: { id: true, titleEn: true, titleFr: true }, orderBy: { dueDate: "asc" }, take: 200 }),
  ]);
  return { departments, initiatives, actionItems };
}
