import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { noticeKinds, notificationKinds, type NoticeKindName, type NotificationKindName } from "./schemas";

export type NoticePreferences = { language: Locale; enabled: Record<NoticeKindName, boolean> };

/** The signed-in user's own notice choices (every notice on unless turned off). */
export async function getNoticePreferences(user: SessionUser): Promise<NoticePreferences> {
  const found = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { preferredLanguage: true, noticePreferences: { select: { kind: true, enabled: true } } },
  });
  const off = new Set(found.noticePreferences.filter((preference) => !preference.enabled).map((preference) => preference.kind));
  const enabled = Object.fromEntries(noticeKinds.map((kind) => [kind, !off.has(kind)])) as Record<NoticeKindName, boolean>;
  return { language: found.preferredLanguage, enabled };
}

// The notification centre (issue 22) ----------------------------------------------------------------------------

/** The header's count: one statement on the partial index of unread rows. */
export async function unreadNotificationCount(user: SessionUser): Promise<number> {
  return db.notification.count({ where: { recipientId: user.id, readAt: null } });
}

export const NOTIFICATIONS_PAGE_SIZE = 50;

/** The caller's own notifications, newest first, a page at a time (paginated in the database). */
export async function listNotifications(user: SessionUser, page = 1) {
  const skip = (Math.max(1, page) - 1) * NOTIFICATIONS_PAGE_SIZE;
  const [rows, total, unread] = await Promise.all([
    db.notification.findMany({
      where: { recipientId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip,
      take: NOTIFICATIONS_PAGE_SIZE,
      select: { id: true, kind: true, href: true, titleEn: true, titleFr: true, readAt: true, createdAt: true, actor: { select: { displayName: true } } },
    }),
    db.notification.count({ where: { recipientId: user.id } }),
    db.notification.count({ where: { recipientId: user.id, readAt: null } }),
  ]);
  return { rows, total, unread, pageSize: NOTIFICATIONS_PAGE_SIZE };
}

/** Whether the caller follows the initiative or meeting. */
export async function isFollowing(user: SessionUser, subject: { initiativeId: string } | { meetingId: string }): Promise<boolean> {
  const found = await db.follow.findFirst({ where: { userId: user.id, following: true, ...subject }, select: { id: true } });
  return found !== null;
}

/** The caller's in-portal choices (every kind on unless turned off). */
export async function getNotificationPreferences(user: SessionUser): Promise<Record<NotificationKindName, boolean>> {
  const off = new Set((await db.notificationPreference.findMany({ where: { userId: user.id, inPortal: false }, select: { kind: true } })).map((row) => row.kind));
  return Object.fromEntries(notificationKinds.map((kind) => [kind, !off.has(kind)])) as Record<NotificationKindName, boolean>;
}
