import type { NotificationKind } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/mail/outbox";

/**
 * The notification centre's writer: one row per recipient, in the transaction of the change it is about (pass the
 * command's `tx`), so a notice exists only if the change commits. The actor is never told of their own change, and
 * a person is told once per change (the first kind listed for them wins: a mention before a reply before a comment).
 */
export type InPortalNotice = {
  recipientId: string;
  kind: NotificationKind;
  actorId: string | null;
  commentId?: string | null;
  href: string;
  titleEn: string;
  titleFr: string;
};

/** One notice per person (the first listed for them), none for the actor. */
export function pickNotices(notices: InPortalNotice[]): InPortalNotice[] {
  const seen = new Set<string>();
  return notices.filter((notice) => {
    if (notice.recipientId === notice.actorId || seen.has(notice.recipientId)) return false;
    seen.add(notice.recipientId);
    return true;
  });
}

export async function notifyInPortal(client: DbClient, notices: InPortalNotice[]): Promise<number> {
  const rows = pickNotices(notices);
  if (rows.length === 0) return 0;
  // Only active people are told, and not of a kind they turned off in the portal (one statement for both).
  const people = await client.user.findMany({
    where: { id: { in: rows.map((row) => row.recipientId) }, active: true },
    select: { id: true, notificationPreferences: { where: { inPortal: false }, select: { kind: true } } },
  });
  const wanted = new Map(people.map((person) => [person.id, new Set(person.notificationPreferences.map((preference) => preference.kind))]));
  const data = rows
    .filter((row) => wanted.has(row.recipientId) && !wanted.get(row.recipientId)!.has(row.kind))
    .map((row) => ({ ...row, titleEn: row.titleEn.slice(0, 400), titleFr: row.titleFr.slice(0, 400), commentId: row.commentId ?? null }));
  if (data.length === 0) return 0;
  const created = await client.notification.createMany({ data });
  return created.count;
}
