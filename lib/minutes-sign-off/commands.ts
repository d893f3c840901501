import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand, type Tx } from "@/lib/kernel/registry";
import { refuseConflict, refuseField, refuseNotFound } from "@/lib/kernel/refusals";
import { calendarDate, torontoToday } from "@/lib/kernel/time";
import { notifySignOffOpened } from "@/lib/notifications";
import { SIGN_OFF_DEFAULT_DAYS, signOffMinutesSchema } from "./schemas";

/** YYYY-MM-DD, `days` after today in Toronto. */
export function defaultSignOffDueDate(days = SIGN_OFF_DEFAULT_DAYS, now = new Date()): string {
  const date = new Date(`${torontoToday(now)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Opens the next sign-off round of circulated minutes, in the caller's transaction (the circulation, or a save that
 * changed circulated minutes): answers to earlier rounds are kept, the matrix and the approval use the latest.
 * Representatives of every active department are notified. Returns the round and its due date.
 */
export async function openSignOffRound(tx: Tx, { minutesId, meetingId, dueDate, actorId, requestId }: { minutesId: string; meetingId: string; dueDate: string | null; actorId: string; requestId: string }) {
  const due = dueDate ?? defaultSignOffDueDate();
  if (due < torontoToday()) refuseField("dueDate", "dateInPast");
  const last = await tx.minutesCirculation.findFirst({ where: { minutesId }, orderBy: { round: "desc" }, select: { round: true } });
  const round = (last?.round ?? 0) + 1;
  const circulation = await tx.minutesCirculation.create({ data: { minutesId, round, dueDate: calendarDate(due), circulatedById: actorId }, select: { id: true } });
  await recordAudit(tx, { actorId, action: "minutes.openSignOff", entityType: "minutes", entityId: meetingId, after: { round, dueDate: due, circulationId: circulation.id }, requestId });
  await notifySignOffOpened(meetingId, { client: tx, actorId });
  return { round, dueDate: due };
}

/** The sign-off state of a circulation: each active department (and any that answered), with its answer. */
export async function signOffState(tx: Tx, circulationId: string) {
  const [departments, answers] = await Promise.all([
    tx.department.findMany({ where: { active: true }, select: { id: true, acronymEn: true }, orderBy: [{ sortOrder: "asc" }, { acronymEn: "asc" }] }),
    tx.minutesSignOff.findMany({ where: { circulationId }, select: { departmentId: true, response: true } }),
  ]);
  const answered = new Map(answers.map((answer) => [answer.departmentId, answer.response]));
  const named = new Map(departments.map((department) => [department.id, department.acronymEn]));
  const missing = answers.filter((answer) => !named.has(answer.departmentId)).map((answer) => answer.departmentId);
  if (missing.length > 0) for (const extra of await tx.department.findMany({ where: { id: { in: missing } }, select: { id: true, acronymEn: true } })) named.set(extra.id, extra.acronymEn);
  const pick = (test: (response: string | undefined) => boolean) => [...named].filter(([id]) => test(answered.get(id))).map(([, acronym]) => acronym);
  return { concurred: pick((response) => response === "CONCURRED"), commented: pick((response) => response === "COMMENTED"), noAnswer: pick((response) => response === undefined) };
}

/**
 * A representative answers for their own department: concurs, or sends comments, by the due date of the current
 * circulation (the end of that day in Toronto). After it, refused at the form. Answering again before the due date
 * replaces the department's answer (audited with the one it replaces).
 */
export const signOffMinutes = defineCommand({
  // Not "minutes.…": the meeting cycle's commands (its own matrix rows) are the secretariat's; this is the departments'.
  name: "minutesSignOff.answer",
  permission: "minutes.signOff",
  schema: signOffMinutesSchema,
  run: async ({ user, input, tx, requestId }) => {
    if (!user.departmentId) refuseField("_form", "signOffNoDepartment");
    const minutes = await tx.minutes.findUnique({ where: { meetingId: input.meetingId }, select: { id: true, status: true } });
    if (!minutes) refuseNotFound();
    if (minutes.status !== "CIRCULATED") refuseField("_form", minutes.status === "APPROVED" ? "locked" : "signOffNotCirculated");
    const circulation = await tx.minutesCirculation.findFirst({ where: { minutesId: minutes.id }, orderBy: { round: "desc" }, select: { id: true, round: true, dueDate: true } });
    if (!circulation) refuseField("_form", "signOffNotCirculated");
    if (circulation.round !== input.round) await refuseConflict(tx, "minutes", input.meetingId);
    if (torontoToday() > circulation.dueDate.toISOString().slice(0, 10)) refuseField("_form", "signOffPastDue");
    const data = { response: input.response, comments: input.response === "COMMENTED" ? (input.comments ?? null) : null };
    const where = { circulationId_departmentId: { circulationId: circulation.id, departmentId: user.departmentId } };
    const before = await tx.minutesSignOff.findUnique({ where, select: { response: true, comments: true } });
    const saved = await tx.minutesSignOff.upsert({
      where,
      create: { circulationId: circulation.id, departmentId: user.departmentId, respondedById: user.id, ...data },
      update: { ...data, respondedById: user.id, respondedAt: new Date(), version: { increment: 1 } },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "minutesSignOff.answer",
      entityType: "minutes",
      entityId: input.meetingId,
      before: before ?? undefined,
      after: { round: circulation.round, departmentId: user.departmentId, ...data },
      requestId,
    });
    return { id: saved.id, round: circulation.round };
  },
});
