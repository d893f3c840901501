import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { can, holdsPermission } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { linkableInitiatives } from "@/lib/meetings/queries";
import { calendarDate, torontoToday } from "@/lib/kernel/time";
import type { ActionItemView } from "./schemas";

export const ACTION_ITEMS_PAGE_SIZE = 25;

const openStatuses = ["OPEN", "IN_PROGRESS"] as const;

const actionItemRow = {
  id: true,
  titleEn: true,
  titleFr: true,
  dueDate: true,
  status: true,
  completionNote: true,
  version: true,
  ownerDepartmentId: true,
  ownerDepartment: { select: { acronymEn: true, acronymFr: true } },
  assignee: { select: { displayName: true } },
  initiative: { select: { id: true, code: true } },
  meeting: { select: { id: true, sequenceNumber: true, titleEn: true, titleFr: true } },
} as const satisfies Prisma.ActionItemSelect;

/** The filter of a list view. Overdue: due before today in Toronto and neither done nor cancelled. */
export function actionItemWhere(user: SessionUser, view: ActionItemView, meetingId?: string, today = torontoToday()): Prisma.ActionItemWhereInput {
  const where: Prisma.ActionItemWhereInput = {};
  if (meetingId) where.meetingId = meetingId;
  switch (view) {
    case "mine":
      where.assigneeId = user.id;
      break;
    case "department":
      // A user without a department has no department list: match nothing rather than everything.
      where.ownerDepartmentId = user.departmentId ?? "00000000-0000-0000-0000-000000000000";
      break;
    case "overdue":
      where.status = { in: [...openStatuses] };
      where.dueDate = { lt: calendarDate(today) };
      break;
    case "open":
      where.status = { in: [...openStatuses] };
      break;
    case "all":
      break;
  }
  return where;
}

/**
 * Any signed-in user may read action items (DESIGN §3). One page of a view, sorted by due date, with the total
 * and, per row, whether this user may change its status (a convenience for the screen; the command decides).
 */
export async function listActionItems(user: SessionUser, { view, meetingId, page = 1 }: { view: ActionItemView; meetingId?: string; page?: number }) {
  const today = torontoToday();
  const where = actionItemWhere(user, view, meetingId, today);
  const [total, rows] = await Promise.all([
    db.actionItem.count({ where }),
    db.actionItem.findMany({
      where,
      select: actionItemRow,
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
      skip: (Math.max(1, page) - 1) * ACTION_ITEMS_PAGE_SIZE,
      take: ACTION_ITEMS_PAGE_SIZE,
    }),
  ]);
  const todayDate = calendarDate(today);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / ACTION_ITEMS_PAGE_SIZE)),
    rows: rows.map((row) => toPlainRow(user, row, todayDate)),
  };
}

type Row = Prisma.ActionItemGetPayload<{ select: typeof actionItemRow }>;

/** Plain, serialisable (no Date) so that client components can hold it. */
function toPlainRow(user: SessionUser, row: Row, today: Date) {
  return {
    id: row.id,
    titleEn: row.titleEn,
    titleFr: row.titleFr,
    dueDate: row.dueDate.toISOString().slice(0, 10),
    overdue: row.dueDate < today && (row.status === "OPEN" || row.status === "IN_PROGRESS"),
    status: row.status,
    completionNote: row.completionNote,
    version: row.version,
    owner: { en: row.ownerDepartment.acronymEn, fr: row.ownerDepartment.acronymFr },
    assignee: row.assignee?.displayName ?? null,
    initiative: row.initiative,
    meeting: row.meeting,
    canChangeStatus: can(user, "actionItem.updateStatus", { departmentId: row.ownerDepartmentId }),
  };
}

export type ActionItemRow = ReturnType<typeof toPlainRow>;

/** The choices of the "new action item" form: departments this user may assign to, their active people, initiatives, meetings. */
export async function actionItemFormOptions(user: SessionUser) {
  // Asking about a department that is nobody's tells whether the grant reaches every department.
  const everyDepartment = can(user, "actionItem.create", { departmentId: "any-department" });
  const ownOnly = !everyDepartment && holdsPermission(user, "actionItem.create") && user.departmentId;
  const departments = await db.department.findMany({
    where: { active: true, ...(everyDepartment ? {} : { id: { in: ownOnly && user.departmentId ? [user.departmentId] : [] } }) },
    select: { id: true, acronymEn: true, acronymFr: true, nameEn: true, nameFr: true },
    orderBy: [{ sortOrder: "asc" }, { acronymEn: "asc" }],
  });
  const [people, initiatives, meetings] = await Promise.all([
    db.user.findMany({
      where: { active: true, departmentId: { in: departments.map((department) => department.id) } },
      select: { id: true, displayName: true, departmentId: true },
      orderBy: { displayName: "asc" },
    }),
    linkableInitiatives(),
    db.meeting.findMany({ select: { id: true, sequenceNumber: true, titleEn: true, titleFr: true }, orderBy: { sequenceNumber: "desc" }, take: 20 }),
  ]);
  return { departments, people, initiatives, meetings };
}

/**
 * Open action items raised before a meeting (at earlier meetings, or on their own): carried forward to that
 * meeting's review of action items until they are done or cancelled.
 */
export async function listCarriedForwardActionItems(user: SessionUser, meetingStartsAt: Date) {
  const rows = await db.actionItem.findMany({
    where: { status: { in: [...openStatuses] }, createdAt: { lt: meetingStartsAt }, OR: [{ meeting: { startsAt: { lt: meetingStartsAt } } }, { meetingId: null }] },
    select: actionItemRow,
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    take: 100,
  });
  const today = calendarDate(torontoToday());
  return rows.map((row) => toPlainRow(user, row, today));
}
