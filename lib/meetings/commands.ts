import "server-only";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { defineCommand } from "@/lib/kernel/registry";
import { refuseConflict, refuseField, refuseNotFound } from "@/lib/kernel/refusals";
import { cancelMeetingSchema, createMeetingSchema, updateMeetingSchema, type CreateMeetingInput } from "./schemas";
import { torontoWallClockToUtc } from "@/lib/kernel/time";
import { notifyAgendaChanged, notifyMeetingCancelled } from "@/lib/notifications";

function meetingData(input: CreateMeetingInput) {
  return {
    sequenceNumber: input.sequenceNumber,
    titleEn: input.titleEn,
    titleFr: input.titleFr,
    startsAt: torontoWallClockToUtc(input.date, input.startTime),
    endsAt: torontoWallClockToUtc(input.date, input.endTime),
    location: input.location ?? null,
    videoUrl: input.videoUrl ?? null,
  };
}

/** Coordinators and admins. The sequence number is unique. */
export const createMeeting = defineCommand({
  name: "meeting.create",
  permission: "meeting.manage",
  schema: createMeetingSchema,
  run: async ({ user, input, tx, requestId }) => {
    const taken = await tx.meeting.findUnique({ where: { sequenceNumber: input.sequenceNumber }, select: { id: true } });
    if (taken) refuseField("sequenceNumber", "alreadyTaken");
    const data = meetingData(input);
    const meeting = await tx.meeting.create({ data, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "meeting.create", entityType: "meeting", entityId: meeting.id, after: changedFields({}, data).after, requestId });
    return { id: meeting.id };
  },
});

/**
 * Coordinators and admins. Once the agenda is published a change needs a change note, and raises the calendar
 * SEQUENCE so that calendars replace the invitation they hold (RFC 5545).
 */
export const updateMeeting = defineCommand({
  name: "meeting.update",
  permission: "meeting.manage",
  schema: updateMeetingSchema,
  run: async ({ user, input, tx, requestId }) => {
    const before = await tx.meeting.findUnique({
      where: { id: input.id },
      select: { sequenceNumber: true, titleEn: true, titleFr: true, startsAt: true, endsAt: true, location: true, videoUrl: true, agendaStatus: true, cancelledAt: true },
    });
    if (!before) refuseNotFound();
    if (before.cancelledAt) refuseField("titleEn", "meetingCancelled");
    const published = before.agendaStatus !== "DRAFT";
    if (published && !input.changeNote) refuseField("changeNote", "changeNoteRequired");
    if (input.sequenceNumber !== before.sequenceNumber) {
      const taken = await tx.meeting.findUnique({ where: { sequenceNumber: input.sequenceNumber }, select: { id: true } });
      if (taken) refuseField("sequenceNumber", "alreadyTaken");
    }
    const data = meetingData(input);
    const changed = await tx.meeting.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...data, version: { increment: 1 }, ...(published ? { icsSequence: { increment: 1 } } : {}) },
    });
    if (changed.count === 0) await refuseConflict(tx, "meeting", input.id);
    const diff = changedFields(before, data);
    await recordAudit(tx, {
      actorId: user.id,
      action: "meeting.update",
      entityType: "meeting",
      entityId: input.id,
      before: diff.before,
      after: { ...diff.after, ...(input.changeNote ? { changeNote: input.changeNote } : {}) },
      requestId,
    });
    if (published) await notifyAgendaChanged(input.id, { client: tx });
    return { id: input.id };
  },
});


/**
 * Coordinators and admins. A meeting not yet held can be cancelled, with a reason; it stays (nothing is deleted),
 * marked cancelled. The calendar SEQUENCE goes up and, when its agenda was published, everyone holding the
 * invitation gets the cancellation (METHOD:CANCEL, the same UID) in the same transaction; the feeds show it
 * cancelled at their next refresh.
 */
export const cancelMeeting = defineCommand({
  name: "meeting.cancel",
  permission: "meeting.manage",
  schema: cancelMeetingSchema,
  run: async ({ user, input, tx, requestId }) => {
    const before = await tx.meeting.findUnique({ where: { id: input.id }, select: { agendaStatus: true, cancelledAt: true } });
    if (!before) refuseNotFound();
    if (before.cancelledAt) refuseField("reason", "meetingCancelled");
    if (before.agendaStatus === "HELD") refuseField("reason", "meetingHeld");
    const cancelledAt = new Date();
    const changed = await tx.meeting.updateMany({
      where: { id: input.id, version: input.version, cancelledAt: null },
      data: { cancelledAt, cancellationReason: input.reason, version: { increment: 1 }, icsSequence: { increment: 1 } },
    });
    if (changed.count === 0) await refuseConflict(tx, "meeting", input.id);
    await recordAudit(tx, { actorId: user.id, action: "meeting.cancel", entityType: "meeting", entityId: input.id, after: { cancelledAt: cancelledAt.toISOString(), reason: input.reason }, requestId });
    await notifyMeetingCancelled(input.id, { client: tx });
    return { id: input.id };
  },
});
