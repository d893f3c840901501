import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";

/**
 * The agenda builder's data, plain and serialisable (it goes to the browser through TanStack Query): the
 * meeting's times and status, its items in order, and the choices of the item form.
 */
export async function getAgendaBuilderData(_user: SessionUser, meetingId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(meetingId)) return null;
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
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          titleEn: true,
          titleFr: true,
          kind: true,
          minutes: true,
          presentingDepartmentId: true,
          initiativeId: true,
          actionItemId: true,
          initiative: { select: { code: true } },
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
    items: meeting.agendaItems.map(({ initiative, ...item }) => ({ ...item, initiativeCode: initiative?.code ?? null })),
  };
}

export type AgendaBuilderData = NonNullable<Awaited<ReturnType<typeof getAgendaBuilderData>>>;
export type AgendaBuilderItem = AgendaBuilderData["items"][number];

/**
 * The most initiatives the item form offers. A list of choices is no way to pick among more (a search would be);
 * unbounded, the page grew with every initiative (80,000 options at 16 × 5,000 exhausted the server's memory).
 */
export const AGENDA_INITIATIVE_CHOICES = 1_000;

/** The choices of the builder's item form: departments, active initiatives (by code, bounded), open action items. */
export async function agendaFormOptions() {
  const [departments, initiatives, actionItems] = await Promise.all([
    db.department.findMany({ where: { active: true }, select: { id: true, acronymEn: true, acronymFr: true }, orderBy: [{ sortOrder: "asc" }, { acronymEn: "asc" }] }),
    db.initiative.findMany({ where: { archivedAt: null }, select: { id: true, code: true, titleEn: true, titleFr: true }, orderBy: { code: "asc" }, take: AGENDA_INITIATIVE_CHOICES }),
    db.actionItem.findMany({ where: { status: { in: ["OPEN", "IN_PROGRESS"] } }, select: { id: true, titleEn: true, titleFr: true }, orderBy: { dueDate: "asc" }, take: 200 }),
  ]);
  return { departments, initiatives, actionItems };
}
