import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { onAgenda } from "@/lib/agenda";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/security/ids";
import { requirePermission } from "@/lib/authz/require";

export const MEETINGS_PAGE_SIZE = 20;

/** A decision as the record of decisions shows it (meeting page, record page, agenda package): with its initiatives. */
export const decisionRecord = {
  id: true,
  number: true,
  textEn: true,
  textFr: true,
  agendaItemId: true,
  initiatives: { select: { initiative: { select: { id: true, code: true } } }, orderBy: { initiative: { code: "asc" } } },
} as const;

/** A meeting's own fields as lists, the package and the notices show them. */
export const meetingRow = {
  id: true,
  sequenceNumber: true,
  titleEn: true,
  titleFr: true,
  startsAt: true,
  endsAt: true,
  location: true,
  videoUrl: true,
  agendaStatus: true,
  cancelledAt: true,
} as const;

/** Any signed-in user may read meetings. Upcoming: not yet ended, soonest first; past: most recent first. */
export async function listMeetings(user: SessionUser, { when, page = 1, now = new Date() }: { when: "upcoming" | "past"; page?: number; now?: Date }) {
  requirePermission(user, "portal.read");
  const where = when === "upcoming" ? { endsAt: { gte: now } } : { endsAt: { lt: now } };
  const [total, rows] = await Promise.all([
    db.meeting.count({ where }),
    db.meeting.findMany({
      where,
      select: meetingRow,
      orderBy: { startsAt: when === "upcoming" ? "asc" : "desc" },
      skip: (Math.max(1, page) - 1) * MEETINGS_PAGE_SIZE,
      take: MEETINGS_PAGE_SIZE,
    }),
  ]);
  return { total, rows, pageCount: Math.max(1, Math.ceil(total / MEETINGS_PAGE_SIZE)) };
}

/** The number the next meeting would take. */
export async function nextSequenceNumber(): Promise<number> {
  const max = await db.meeting.aggregate({ _max: { sequenceNumber: true } });
  return (max._max.sequenceNumber ?? 0) + 1;
}

/** One meeting with what its page shows. Null when there is none. */
export async function getMeeting(user: SessionUser, id: string) {
  requirePermission(user, "portal.read");
  if (!isUuid(id)) return null;
  return db.meeting.findUnique({
    where: { id },
    select: {
      ...meetingRow,
      version: true,
      publishedAt: true,
      icsSequence: true,
      quorumMet: true,
      updatedAt: true,
      cancellationReason: true,
      agendaItems: {
        where: onAgenda,
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          titleEn: true,
          titleFr: true,
          kind: true,
          minutes: true,
          outcome: true,
          deferred: true,
          presentingDepartment: { select: { acronymEn: true, acronymFr: true } },
          initiative: { select: { id: true, code: true } },
          actionItem: { select: { id: true, titleEn: true, titleFr: true, status: true } },
        },
      },
      decisions: { orderBy: { createdAt: "asc" }, select: decisionRecord },
      minutes: { select: { id: true, status: true, bodyEn: true, bodyFr: true, version: true, approvedAt: true, approvedAtMeeting: { select: { id: true, sequenceNumber: true } }, amendments: { orderBy: { createdAt: "asc" }, select: { id: true, textEn: true, textFr: true, createdAt: true } } } },
      attendance: { select: { departmentId: true, status: true, delegateName: true } },
    },
  });
}

export type MeetingDetail = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

/** The meeting held (or scheduled) just before this one, by start time. */
export async function previousMeeting(startsAt: Date) {
  return db.meeting.findFirst({ where: { startsAt: { lt: startsAt } }, orderBy: { startsAt: "desc" }, select: { id: true, sequenceNumber: true, startsAt: true, titleEn: true, titleFr: true } });
}

/** Meetings after this one, for "approved at" (minutes are approved at a later meeting). */
export async function laterMeetings(startsAt: Date) {
  return db.meeting.findMany({ where: { startsAt: { gt: startsAt } }, orderBy: { startsAt: "asc" }, take: 10, select: { id: true, sequenceNumber: true, titleEn: true, titleFr: true } });
}

/**
 * The most initiatives a form offers to link. A list of choices is no way to pick among more (a search would be);
 * unbounded, the page grew with every initiative (80,000 options at 16 × 5,000 exhausted the server's memory).
 */
export const LINKABLE_INITIATIVE_CHOICES = 1000;

/** Initiatives a meeting record may newly link to (agenda items, decisions, action items): those not archived, by code. */
export async function linkableInitiatives() {
  return db.initiative.findMany({
    where: { archivedAt: null },
    select: { id: true, code: true, titleEn: true, titleFr: true },
    orderBy: { code: "asc" },
    take: LINKABLE_INITIATIVE_CHOICES,
  });
}

/** Every member department, chair first then by acronym, for attendance. */
export async function memberDepartments() {
  return db.department.findMany({ where: { active: true }, select: { id: true, acronymEn: true, acronymFr: true, nameEn: true, nameFr: true, isChair: true }, orderBy: [{ isChair: "desc" }, { acronymEn: "asc" }] });
}
