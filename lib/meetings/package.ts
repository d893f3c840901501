import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { onAgenda } from "@/lib/agenda";
import { scheduleAgenda } from "@/lib/agenda";
import { db } from "@/lib/db";
import { decisionRecord } from "./queries";
import { printedMarking } from "@/lib/settings";
import { readSetting } from "@/lib/settings/queries";
import { OPEN_ACTION_ITEM_STATUSES, isOverdue } from "@/lib/kernel/rules";
import { calendarDate, torontoTime, torontoToday } from "@/lib/kernel/time";
import { isUuid } from "@/lib/security/ids";
import { requirePermission } from "@/lib/authz/require";
import { meetingRow } from "./queries";

/**
 * Everything the agenda package holds (DESIGN §4), for the print page, the PDF and the .ics: the agenda with start
 * times and presenters, the previous meeting's record of decisions, the open action items (carried forward until
 * done), a snapshot per pillar, and the security marking from the settings. Any signed-in user may read it.
 */
export async function getAgendaPackage(user: SessionUser, meetingId: string) {
  requirePermission(user, "portal.read");
  if (!isUuid(meetingId)) return null;
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      ...meetingRow,
      icsSequence: true,
      updatedAt: true,
      agendaItems: {
        where: onAgenda,
        orderBy: { position: "asc" },
        select: { id: true, titleEn: true, titleFr: true, kind: true, minutes: true, presentingDepartment: { select: { acronymEn: true, acronymFr: true } }, initiative: { select: { code: true } } },
      },
    },
  });
  if (!meeting) return null;
  const schedule = scheduleAgenda(meeting.startsAt, meeting.endsAt, meeting.agendaItems.map((item) => item.minutes));
  const previous = await db.meeting.findFirst({
    where: { startsAt: { lt: meeting.startsAt } },
    orderBy: { startsAt: "desc" },
    select: { id: true, sequenceNumber: true, titleEn: true, titleFr: true, decisions: { orderBy: { createdAt: "asc" }, select: decisionRecord } },
  });
  const [openActionItems, pillars, health, marking] = await Promise.all([
    // Open items raised at or before this meeting: carried forward to its review of action items until done.
    db.actionItem.findMany({
      where: { status: { in: [...OPEN_ACTION_ITEM_STATUSES] }, OR: [{ meeting: { startsAt: { lt: meeting.startsAt } } }, { meetingId: null }] },
      select: { id: true, titleEn: true, titleFr: true, dueDate: true, status: true, ownerDepartment: { select: { acronymEn: true, acronymFr: true } } },
      orderBy: { dueDate: "asc" },
      take: 200,
    }),
    db.pillar.findMany({ where: { active: true }, select: { id: true, code: true, nameEn: true, nameFr: true }, orderBy: { sortOrder: "asc" } }),
    db.initiative.groupBy({ by: ["primaryPillarId", "health"], where: { archivedAt: null, status: { in: ["ACTIVE", "PLANNED"] } }, _count: { _all: true }, _avg: { progress: true } }),
    readSetting("securityMarking"),
  ]);
  const today = calendarDate(torontoToday());
  return {
    meeting,
    securityMarking: printedMarking(marking),
    agenda: meeting.agendaItems.map((item, index) => ({ ...item, startsAt: torontoTime(schedule.items[index]!.startsAt) })),
    overrunMinutes: schedule.overrunMinutes,
    previous,
    openActionItems: openActionItems.map((item) => ({ ...item, dueDate: item.dueDate.toISOString().slice(0, 10), overdue: isOverdue(item.status, item.dueDate, today) })),
    pillarSnapshot: pillars.map((pillar) => {
      const rows = health.filter((row) => row.primaryPillarId === pillar.id);
      const count = (value: "GREEN" | "AMBER" | "RED" | null) => rows.filter((row) => row.health === value).reduce((sum, row) => sum + row._count._all, 0);
      return { ...pillar, green: count("GREEN"), amber: count("AMBER"), red: count("RED"), none: count(null), total: rows.reduce((sum, row) => sum + row._count._all, 0) };
    }),
  };
}

export type AgendaPackage = NonNullable<Awaited<ReturnType<typeof getAgendaPackage>>>;
