import "server-only";
import { z } from "zod";
import { onAgenda } from "@/lib/agenda";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand } from "@/lib/kernel/registry";
import { refuseField, refuseNotFound } from "@/lib/kernel/refusals";
import { optionalId, requiredText } from "@/lib/kernel/schema-helpers";
import { utcToTorontoWallClock } from "@/lib/kernel/time";

export const recordDecisionSchema = z
  .object({
    meetingId: z.uuid(),
    agendaItemId: optionalId,
    textEn: requiredText(4000),
    textFr: requiredText(4000),
    initiativeIds: z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(z.uuid()).max(50)),
  })
  .strict();

/** "2007-09-D3": the meeting's year and month in Toronto, and the next free number of that month's series. */
export function decisionNumber(prefix: string, taken: readonly string[]): string {
  const used = taken.map((number) => Number(number.slice(prefix.length + 2))).filter(Number.isFinite);
  return `${prefix}-D${Math.max(0, ...used) + 1}`;
}

/**
 * Coordinators and admins, for a meeting that is held: a decision in both languages, numbered per meeting, about
 * an agenda item of that meeting and any initiatives that are not archived.
 */
export const recordDecision = defineCommand({
  name: "decision.record",
  permission: "meeting.manage",
  schema: recordDecisionSchema,
  run: async ({ user, input, tx, requestId }) => {
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: { startsAt: true, agendaStatus: true } });
    if (!meeting) refuseNotFound();
    if (meeting.agendaStatus !== "HELD") refuseField("_form", "invalid");
    if (input.agendaItemId) {
      const item = await tx.agendaItem.findFirst({ where: { id: input.agendaItemId, ...onAgenda }, select: { meetingId: true } });
      if (!item || item.meetingId !== input.meetingId) refuseField("agendaItemId", "invalidChoice");
    }
    const initiativeIds = [...new Set(input.initiativeIds)];
    if (initiativeIds.length > 0) {
      const found = await tx.initiative.findMany({ where: { id: { in: initiativeIds } }, select: { archivedAt: true } });
      if (found.length !== initiativeIds.length) refuseField("initiativeIds", "invalidChoice");
      if (found.some((initiative) => initiative.archivedAt)) refuseField("initiativeIds", "archivedInitiative");
    }
    const prefix = utcToTorontoWallClock(meeting.startsAt).date.slice(0, 7);
    // Serialise numbering per month: two coordinators recording at once must not both take D3.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`decision-number:${prefix}`}))`;
    const taken = await tx.decision.findMany({ where: { number: { startsWith: `${prefix}-D` } }, select: { number: true } });
    const number = decisionNumber(prefix, taken.map((decision) => decision.number));
    const decision = await tx.decision.create({
      data: {
        meetingId: input.meetingId,
        agendaItemId: input.agendaItemId ?? null,
        number,
        textEn: input.textEn,
        textFr: input.textFr,
        initiatives: { createMany: { data: initiativeIds.map((initiativeId) => ({ initiativeId })) } },
      },
      select: { id: true, number: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "decision.record", entityType: "decision", entityId: decision.id, after: { number, ...input, initiativeIds }, requestId });
    return decision;
  },
});
