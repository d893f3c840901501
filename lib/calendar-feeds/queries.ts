import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import { mailConfig } from "@/lib/mail/config";
import { meetingsFeed } from "@/lib/meetings";
import { hashFeedToken } from "./commands";
import { feedTokenPattern } from "./schemas";

/** One's own feed as the profile shows it: whether there is one, since when, when a calendar last read it. */
export async function myCalendarFeed(user: SessionUser): Promise<{ createdAt: Date; lastFetchedAt: Date | null } | null> {
  requirePermission(user, "profile.update");
  return db.calendarFeed.findFirst({ where: { userId: user.id, revokedAt: null }, select: { createdAt: true, lastFetchedAt: true } });
}

/** How far back and ahead the feed reaches: a calendar needs the group's year, not its whole history. */
const FEED_PAST_DAYS = 400;

/**
 * The calendar behind a feed address, or null (404) when the secret names no open feed or its person may no longer
 * sign in. Notes when a calendar last read it (at most once a minute), for the profile.
 */
export async function calendarForFeed(token: string, now = new Date()): Promise<string | null> {
  if (!feedTokenPattern.test(token)) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashFeedToken(token) },
    select: { id: true, revokedAt: true, lastFetchedAt: true, user: { select: { active: true, preferredLanguage: true } } },
  });
  if (!feed || feed.revokedAt || !feed.user.active) return null;
  const meetings = await db.meeting.findMany({
    where: { startsAt: { gte: new Date(now.getTime() - FEED_PAST_DAYS * 24 * 60 * 60 * 1000) } },
    orderBy: { startsAt: "asc" },
    take: 500,
    select: { id: true, sequenceNumber: true, titleEn: true, titleFr: true, startsAt: true, endsAt: true, location: true, videoUrl: true, icsSequence: true, updatedAt: true, cancelledAt: true },
  });
  if (!feed.lastFetchedAt || now.getTime() - feed.lastFetchedAt.getTime() > 60_000) {
    await db.calendarFeed.update({ where: { id: feed.id }, data: { lastFetchedAt: now } });
  }
  const name = feed.user.preferredLanguage === "fr" ? "Réunions du GTITP" : "IWGTIP meetings";
  return meetingsFeed(meetings.map((meeting) => ({ ...meeting, agenda: [] })), name, now);
}

/** The address a calendar client subscribes to, on the portal's public origin (the one its e-mails link to). */
export function calendarFeedUrl(token: string): string {
  return `${mailConfig().baseUrl}/api/calendar/feed/${token}.ics`;
}
