import { db } from "@/lib/db";
import type { NoticeKind, Prisma } from "@/lib/generated/prisma/client";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { composeBilingual, pageUrl, type MailTranslator, type NoticeSection } from "@/lib/mail/compose";
import { mailConfig } from "@/lib/mail/config";
import { messageTo, type DbClient, type QueuedMessage } from "@/lib/mail/outbox";
import type { MailAttachment } from "@/lib/mail/transport";
import { dateTimeFormat, intlLocale } from "@/lib/format/intl";
import { PORTAL_TIME_ZONE, torontoToday } from "@/lib/kernel/time";

/**
 * What every notice shares. Not "server-only": the worker runs these from instrumentation.ts (see lib/mail/config.ts).
 * Notices take ids, read what they need, and return queued messages; the caller decides the client (a command's
 * transaction, so the notice exists only if the change commits, or `db`).
 */
export type NoticeOptions = {
  /** The transaction of the change the notice is about; `db` by default. */
  client?: DbClient;
  /** The portal's address for links; NEXTAUTH_URL by default. */
  baseUrl?: string;
};

export type Recipient = { id: string; email: string; displayName: string; language: Locale; departmentId: string | null };

export function clientOf(options: NoticeOptions): DbClient {
  return options.client ?? db;
}

export function baseUrlOf(options: NoticeOptions): string {
  return options.baseUrl ?? mailConfig().baseUrl;
}

/** Active users matching `where` who have not turned `kind` off in their profile. */
export async function recipientsFor(client: DbClient, where: Prisma.UserWhereInput, kind: NoticeKind): Promise<Recipient[]> {
  const users = await client.user.findMany({
    where: { AND: [where, { active: true }, { noticePreferences: { none: { kind, enabled: false } } }] },
    select: { id: true, email: true, displayName: true, preferredLanguage: true, departmentId: true },
    orderBy: { email: "asc" },
  });
  return users.map((user) => ({ id: user.id, email: user.email, displayName: user.displayName, language: user.preferredLanguage, departmentId: user.departmentId }));
}

/** One bilingual message for one recipient, with the shared greeting and footer. */
export function noticeFor({
  recipient,
  kind,
  dedupeKey,
  baseUrl,
  section,
  attachments,
}: {
  recipient: Recipient;
  kind: NoticeKind;
  dedupeKey: string;
  baseUrl: string;
  section: (locale: Locale, t: MailTranslator) => Omit<NoticeSection, "greeting">;
  attachments?: MailAttachment[];
}): QueuedMessage {
  const composed = composeBilingual({
    language: recipient.language,
    baseUrl,
    footerUrl: (locale) => pageUrl(baseUrl, locale, "/profile/notices"),
    section: (locale, t) => ({ greeting: t("greeting", { name: recipient.displayName }), ...section(locale, t) }),
  });
  return messageTo(recipient, composed, { dedupeKey, kind, attachments });
}

/** A user-written bilingual field in `locale`, marked "(English only)" / "(français seulement)" when it fell back. */
export function localizedField(locale: Locale, t: MailTranslator, en: string | null | undefined, fr: string | null | undefined): string {
  const picked = pickLocalized(locale, en, fr);
  if (!picked) return "";
  return picked.fallback ? `${picked.text} ${t(picked.lang === "en" ? "englishOnly" : "frenchOnly")}` : picked.text;
}

/** A calendar date (Prisma @db.Date, read as UTC midnight) in words: "October 15, 2007" / "15 octobre 2007". */
export function longDate(date: Date, locale: Locale): string {
  return dateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/** A moment in the portal's time zone, with the weekday: "Tuesday, October 16, 2007 at 9:30 a.m. EDT". */
export function meetingTime(date: Date, locale: Locale): string {
  return dateTimeFormat(intlLocale(locale), { dateStyle: "full", timeStyle: "short", timeZone: PORTAL_TIME_ZONE }).format(date);
}

/** Today's calendar date in Toronto, as YYYY-MM-DD (overdue and due dates are Toronto dates): the kernel's clock. */
export const torontoDate = (now: Date): string => torontoToday(now);

/** Hour (0–23) and ISO weekday (1 Monday … 7 Sunday) in Toronto. */
export function torontoClock(now: Date): { hour: number; weekday: number } {
  const parts = dateTimeFormat("en-US", { hour: "numeric", hourCycle: "h23", weekday: "short", timeZone: PORTAL_TIME_ZONE }).formatToParts(now);
  const hour = Number(parts.find((part) => part.type === "hour")?.value ?? 0);
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.find((part) => part.type === "weekday")?.value ?? "Mon") + 1;
  return { hour, weekday };
}

/** Whole days from `today` (YYYY-MM-DD) to a calendar date. */
export function daysUntil(today: string, date: Date): number {
  return Math.round((Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** ISO week of a YYYY-MM-DD date, e.g. "2007-W42": the period of a weekly digest. */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
