import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand } from "@/lib/kernel/registry";
import { refuseNotFound } from "@/lib/kernel/refusals";
import { followSchema, markNotificationsReadSchema, noticeKinds, notificationKinds, updateNoticesSchema, updateNotificationPreferencesSchema } from "./schemas";

/**
 * A user chooses which notices they get and the language that comes first in them. Permission `portal.read`, held
 * by every signed-in role: the command changes only the caller's own preferences (its id comes from the session,
 * never from the input), so there is no record of anyone else to authorize.
 */
export const updateNotices = defineCommand({
  name: "profile.updateNotices",
  permission: "portal.read",
  schema: updateNoticesSchema,
  async run({ user, input, tx, requestId }) {
    const current = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { preferredLanguage: true, noticePreferences: { select: { kind: true, enabled: true } } },
    });
    const wasOff = current.noticePreferences.filter((preference) => !preference.enabled).map((preference) => preference.kind).sort();
    const wanted = new Set(input.notices);
    const nowOff = noticeKinds.filter((kind) => !wanted.has(kind));
    const language = input.language ?? current.preferredLanguage;

    for (const kind of noticeKinds) {
      const enabled = wanted.has(kind);
      await tx.noticePreference.upsert({
        where: { userId_kind: { userId: user.id, kind } },
        create: { userId: user.id, kind, enabled },
        update: { enabled },
      });
    }
    if (language !== current.preferredLanguage) {
      await tx.user.update({ where: { id: user.id }, data: { preferredLanguage: language, version: { increment: 1 } } });
    }

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (JSON.stringify(wasOff) !== JSON.stringify([...nowOff].sort())) {
      before.noticesOff = wasOff;
      after.noticesOff = [...nowOff].sort();
    }
    if (language !== current.preferredLanguage) {
      before.preferredLanguage = current.preferredLanguage;
      after.preferredLanguage = language;
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: "profile.update_notices",
      entityType: "user",
      entityId: user.id,
      before: before as never,
      after: after as never,
      requestId,
    });
    return { language, noticesOff: nowOff };
  },
});

/**
 * Marks one of the caller's notifications read, or all of them. Only the caller's own: another person's id answers
 * not found. Reading a notice is not a change to the portal's records, but it is audited like every write.
 */
export const markNotificationsRead = defineCommand({
  name: "notification.markRead",
  permission: "notification.manage",
  schema: markNotificationsReadSchema,
  async run({ user, input, tx, requestId }) {
    const readAt = new Date();
    const changed = await tx.notification.updateMany({ where: { recipientId: user.id, readAt: null, ...(input.id ? { id: input.id } : {}) }, data: { readAt } });
    if (input.id && changed.count === 0) {
      const mine = await tx.notification.findFirst({ where: { id: input.id, recipientId: user.id }, select: { id: true } });
      if (!mine) refuseNotFound();
    }
    await recordAudit(tx, { actorId: user.id, action: "notification.markRead", entityType: input.id ? "notification" : "user", entityId: input.id ?? user.id, after: { count: changed.count, readAt: readAt.toISOString() }, requestId });
    return { count: changed.count };
  },
});

/** Follows or unfollows an initiative or a meeting in one click (the row is kept, `following` turns off). */
export const follow = defineCommand({
  name: "notification.follow",
  permission: "notification.manage",
  schema: followSchema,
  owner: async (input, tx) => {
    const found =
      input.subjectType === "initiative"
        ? await tx.initiative.findFirst({ where: { id: input.subjectId, archivedAt: null }, select: { leadDepartmentId: true } }).then((row) => row && { departmentId: row.leadDepartmentId })
        : await tx.meeting.findUnique({ where: { id: input.subjectId }, select: { id: true } }).then((row) => row && { departmentId: null });
    return found;
  },
  async run({ user, input, tx, requestId }) {
    const column = input.subjectType === "initiative" ? "initiativeId" : "meetingId";
    const where = input.subjectType === "initiative" ? { userId_initiativeId: { userId: user.id, initiativeId: input.subjectId } } : { userId_meetingId: { userId: user.id, meetingId: input.subjectId } };
    await tx.follow.upsert({ where, create: { userId: user.id, [column]: input.subjectId, following: input.following }, update: { following: input.following } });
    await recordAudit(tx, { actorId: user.id, action: "notification.follow", entityType: input.subjectType, entityId: input.subjectId, after: { following: input.following }, requestId });
    return { following: input.following };
  },
});

/** The caller's own choice, per kind, of what reaches their notification centre. */
export const updateNotificationPreferences = defineCommand({
  name: "notification.updatePreferences",
  permission: "notification.manage",
  schema: updateNotificationPreferencesSchema,
  async run({ user, input, tx, requestId }) {
    const before = await tx.notificationPreference.findMany({ where: { userId: user.id, inPortal: false }, select: { kind: true }, orderBy: { kind: "asc" } });
    const wanted = new Set(input.inPortal);
    for (const kind of notificationKinds) {
      const inPortal = wanted.has(kind);
      await tx.notificationPreference.upsert({ where: { userId_kind: { userId: user.id, kind } }, create: { userId: user.id, kind, inPortal }, update: { inPortal } });
    }
    const off = notificationKinds.filter((kind) => !wanted.has(kind));
    await recordAudit(tx, {
      actorId: user.id,
      action: "notification.updatePreferences",
      entityType: "user",
      entityId: user.id,
      before: { inPortalOff: before.map((row) => row.kind) },
      after: { inPortalOff: off },
      requestId,
    });
    return { inPortalOff: off };
  },
});
