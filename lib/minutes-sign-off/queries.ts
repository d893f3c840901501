import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import { torontoToday } from "@/lib/kernel/time";
import { isUuid } from "@/lib/security/ids";

export type SignOffRow = {
  departmentId: string;
  acronym: { en: string; fr: string };
  name: { en: string; fr: string };
  response: "CONCURRED" | "COMMENTED" | null;
  comments: string | null;
  respondedBy: string | null;
  respondedAt: Date | null;
};

export type SignOffMatrix = {
  minutesStatus: "DRAFT" | "CIRCULATED" | "APPROVED";
  round: number;
  /** YYYY-MM-DD: answers are taken until the end of that day (Toronto). */
  dueDate: string;
  pastDue: boolean;
  rows: SignOffRow[];
  counts: { concurred: number; commented: number; noAnswer: number };
};

/**
 * The sign-off matrix of a meeting's minutes (issue 22.4): every active member department (and any other that
 * answered) with its answer to the latest circulation. Null while the minutes were never circulated. Four statements.
 */
export async function getSignOffMatrix(user: SessionUser, meetingId: string): Promise<SignOffMatrix | null> {
  requirePermission(user, "portal.read");
  if (!isUuid(meetingId)) return null;
  const minutes = await db.minutes.findUnique({ where: { meetingId }, select: { id: true, status: true } });
  if (!minutes) return null;
  const circulation = await db.minutesCirculation.findFirst({ where: { minutesId: minutes.id }, orderBy: { round: "desc" }, select: { id: true, round: true, dueDate: true } });
  if (!circulation) return null;
  const answers = await db.minutesSignOff.findMany({ where: { circulationId: circulation.id }, select: { departmentId: true, response: true, comments: true, respondedById: true, respondedAt: true } });
  const [departments, people] = await Promise.all([
    db.department.findMany({
      where: { OR: [{ active: true }, { id: { in: answers.map((answer) => answer.departmentId) } }] },
      select: { id: true, acronymEn: true, acronymFr: true, nameEn: true, nameFr: true },
      orderBy: [{ sortOrder: "asc" }, { acronymEn: "asc" }],
    }),
    db.user.findMany({ where: { id: { in: answers.map((answer) => answer.respondedById) } }, select: { id: true, displayName: true } }),
  ]);
  const answerOf = new Map(answers.map((answer) => [answer.departmentId, answer]));
  const nameOf = new Map(people.map((person) => [person.id, person.displayName]));
  const rows = departments.map((department): SignOffRow => {
    const answer = answerOf.get(department.id);
    return {
      departmentId: department.id,
      acronym: { en: department.acronymEn, fr: department.acronymFr },
      name: { en: department.nameEn, fr: department.nameFr },
      response: answer?.response ?? null,
      comments: answer?.comments ?? null,
      respondedBy: answer ? (nameOf.get(answer.respondedById) ?? null) : null,
      respondedAt: answer?.respondedAt ?? null,
    };
  });
  const dueDate = circulation.dueDate.toISOString().slice(0, 10);
  return {
    minutesStatus: minutes.status,
    round: circulation.round,
    dueDate,
    pastDue: torontoToday() > dueDate,
    rows,
    counts: {
      concurred: rows.filter((row) => row.response === "CONCURRED").length,
      commented: rows.filter((row) => row.response === "COMMENTED").length,
      noAnswer: rows.filter((row) => row.response === null).length,
    },
  };
}
