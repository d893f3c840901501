import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { noticeKinds, type NoticeKindName } from "./schemas";

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
