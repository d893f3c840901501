import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand, type Tx } from "@/lib/kernel/registry";
import { refuseConflict, refuseField, refuseNotFound } from "@/lib/kernel/refusals";
import { intFromForm, isoDate, optionalText, requiredText } from "@/lib/kernel/schema-helpers";
import { notifyMinutesCirculated } from "@/lib/notifications";
import { checkLanguageGate } from "@/lib/translation/commands";
import { openSignOffRound, signOffState } from "@/lib/minutes-sign-off/commands";

export const saveMinutesSchema = z.object({ meetingId: z.uuid(), bodyEn: optionalText(100_000), bodyFr: optionalText(100_000), version: intFromForm.min(0) }).strict();
/** `overrideReason`: circulating although a text lacks its other language (translation.manage; audited). */
/** `dueDate`: when the departments' sign-off is due (issue 22.4); blank = 10 days from today. */
export const circulateMinutesSchema = z
  .object({ meetingId: z.uuid(), version: intFromForm.min(1), overrideReason: optionalText(1000), dueDate: z.preprocess((value) => (value === "" || value === null ? undefined : value), isoDate.optional()) })
  .strict();
export const approveMinutesSchema = z.object({ meetingId: z.uuid(), approvedAtMeetingId: z.uuid(), version: intFromForm.min(1) }).strict();
export const amendMinutesSchema = z.object({ meetingId: z.uuid(), textEn: requiredText(4000), textFr: requiredText(4000) }).strict();

async function minutesOf(tx: Tx, meetingId: string) {
  return tx.minutes.findUnique({ where: { meetingId }, select: { id: true, status: true, bodyEn: true, bodyFr: true, version: true } });
}

/** Writes the minutes of a held meeting (version 0: the first draft). Approved minutes are locked. */
export const saveMinutes = defineCommand({
  name: "minutes.save",
  permission: "meeting.manage",
  schema: saveMinutesSchema,
  run: async ({ user, input, tx, requestId }) => {
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: { agendaStatus: true } });
    if (!meeting) refuseNotFound();
    if (meeting.agendaStatus !== "HELD") refuseField("_form", "invalid");
    const existing = await minutesOf(tx, input.meetingId);
    const data = { bodyEn: input.bodyEn ?? null, bodyFr: input.bodyFr ?? null };
    if (!existing) {
      if (input.version !== 0) await refuseConflict(tx, "minutes", input.meetingId);
      const created = await tx.minutes.create({ data: { meetingId: input.meetingId, ...data }, select: { id: true } });
      await recordAudit(tx, { actorId: user.id, action: "minutes.save", entityType: "minutes", entityId: input.meetingId, after: data, requestId });
      return { id: created.id };
    }
    if (existing.status === "APPROVED") refuseField("_form", "locked");
    const changed = await tx.minutes.updateMany({ where: { id: existing.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "minutes", input.meetingId);
    await recordAudit(tx, { actorId: user.id, action: "minutes.save", entityType: "minutes", entityId: input.meetingId, before: { bodyEn: existing.bodyEn, bodyFr: existing.bodyFr }, after: data, requestId });
    // Circulated minutes whose text changed are circulated again (issue 22.4): a new sign-off round, due in the
    // default number of days; the answers to the earlier text are kept with their round.
    if (existing.status === "CIRCULATED" && (existing.bodyEn !== data.bodyEn || existing.bodyFr !== data.bodyFr)) {
      await openSignOffRound(tx, { minutesId: existing.id, meetingId: input.meetingId, dueDate: null, actorId: user.id, requestId });
      await notifyMinutesCirculated(input.meetingId, { client: tx });
    }
    return { id: existing.id };
  },
});

/** DRAFT → CIRCULATED: sent to members for review. Both languages must be written. */
export const circulateMinutes = defineCommand({
  name: "minutes.circulate",
  permission: "meeting.manage",
  schema: circulateMinutesSchema,
  run: async ({ user, input, tx, requestId }) => {
    const minutes = await minutesOf(tx, input.meetingId);
    if (!minutes) refuseNotFound();
    if (minutes.status !== "DRAFT") refuseField("_form", "locked");
    const hasEn = Boolean(minutes.bodyEn?.trim());
    const hasFr = Boolean(minutes.bodyFr?.trim());
    if (!hasEn && !hasFr) refuseField("bodyEn", "required");
    // Both official languages go out at the same time (issue 21): the minutes and the decisions recorded, unless
    // the coordinator overrides with a reason (audited). Without a reason, minutes in one language are refused at
    // the missing body.
    if (!input.overrideReason && (!hasEn || !hasFr)) refuseField(hasEn ? "bodyFr" : "bodyEn", "required");
    await checkLanguageGate(tx, { user, meetingId: input.meetingId, scope: "minutes", overrideReason: input.overrideReason, requestId });
    const changed = await tx.minutes.updateMany({ where: { id: minutes.id, version: input.version }, data: { status: "CIRCULATED", circulatedAt: new Date(), version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "minutes", input.meetingId);
    await recordAudit(tx, { actorId: user.id, action: "minutes.circulate", entityType: "minutes", entityId: input.meetingId, before: { status: "DRAFT" }, after: { status: "CIRCULATED" }, requestId });
    await openSignOffRound(tx, { minutesId: minutes.id, meetingId: input.meetingId, dueDate: input.dueDate ?? null, actorId: user.id, requestId });
    await notifyMinutesCirculated(input.meetingId, { client: tx });
    return { id: minutes.id };
  },
});

/** CIRCULATED → APPROVED at a later meeting (recorded); the minutes are then locked (a database trigger too). */
export const approveMinutes = defineCommand({
  name: "minutes.approve",
  permission: "meeting.manage",
  schema: approveMinutesSchema,
  run: async ({ user, input, tx, requestId }) => {
    const minutes = await minutesOf(tx, input.meetingId);
    if (!minutes) refuseNotFound();
    if (minutes.status !== "CIRCULATED") refuseField("_form", minutes.status === "APPROVED" ? "locked" : "invalid");
    const [recorded, approving] = await Promise.all([
      tx.meeting.findUniqueOrThrow({ where: { id: input.meetingId }, select: { startsAt: true } }),
      tx.meeting.findUnique({ where: { id: input.approvedAtMeetingId }, select: { startsAt: true } }),
    ]);
    if (!approving) refuseField("approvedAtMeetingId", "invalidChoice");
    if (input.approvedAtMeetingId === input.meetingId || approving.startsAt <= recorded.startsAt) refuseField("approvedAtMeetingId", "sameMeeting");
    // The sign-off of the departments at approval (issue 22.4): the latest round, recorded in the approval's event.
    const circulation = await tx.minutesCirculation.findFirst({ where: { minutesId: minutes.id }, orderBy: { round: "desc" }, select: { id: true, round: true, dueDate: true } });
    const signOff = circulation ? { round: circulation.round, dueDate: circulation.dueDate.toISOString().slice(0, 10), ...(await signOffState(tx, circulation.id)) } : null;
    const approvedAt = new Date();
    const changed = await tx.minutes.updateMany({
      where: { id: minutes.id, version: input.version },
      data: { status: "APPROVED", approvedAt, approvedAtMeetingId: input.approvedAtMeetingId, version: { increment: 1 } },
    });
    if (changed.count === 0) await refuseConflict(tx, "minutes", input.meetingId);
    await recordAudit(tx, {
      actorId: user.id,
      action: "minutes.approve",
      entityType: "minutes",
      entityId: input.meetingId,
      before: { status: "CIRCULATED" },
      after: { status: "APPROVED", approvedAtMeetingId: input.approvedAtMeetingId, approvedAt: approvedAt.toISOString(), ...(signOff ? { signOff } : {}) },
      requestId,
    });
    return { id: minutes.id };
  },
});

/** A correction to approved minutes: a new, recorded amendment; the approved text itself never changes. */
export const amendMinutes = defineCommand({
  name: "minutes.amend",
  permission: "meeting.manage",
  schema: amendMinutesSchema,
  run: async ({ user, input, tx, requestId }) => {
    const minutes = await minutesOf(tx, input.meetingId);
    if (!minutes) refuseNotFound();
    if (minutes.status !== "APPROVED") refuseField("_form", "invalid");
    const amendment = await tx.minutesAmendment.create({ data: { minutesId: minutes.id, textEn: input.textEn, textFr: input.textFr, authorId: user.id }, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "minutes.amend", entityType: "minutes", entityId: input.meetingId, after: { amendmentId: amendment.id, textEn: input.textEn, textFr: input.textFr }, requestId });
    return { id: amendment.id };
  },
});
