import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { torontoToday } from "@/lib/kernel/time";
import { isUuid } from "@/lib/security/ids";
import { renderBoardBook } from "./board-book";
import { documentStore } from "./storage";

/*
 * The board book is made once and kept in the document store until what it is made of changes (issue 20, point 3):
 * the fingerprint covers the meeting and its agenda, the papers of its items (versions, withdrawals), the settings
 * (the marking), today's date (what is overdue), and the rest of the package (action items, decisions, initiatives,
 * meetings) by count and last change. A stale book is replaced and its file removed. Two first requests at once make
 * one book (an advisory lock per meeting and language).
 */

async function fingerprintOf(meetingId: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ fingerprint: string | null }[]>`
    SELECT CASE WHEN m.id IS NULL THEN NULL ELSE encode(sha256(convert_to(concat_ws('|',
      m.updated_at::text, m.agenda_status::text, ${torontoToday()}::text,
      (SELECT string_agg(a.id::text || ':' || a.position || ':' || a.updated_at::text || ':' || coalesce(a.deleted_at::text, ''), ',' ORDER BY a.id) FROM agenda_items a WHERE a.meeting_id = m.id),
      (SELECT string_agg(d.id::text || ':' || d.current_version || ':' || coalesce(d.withdrawn_at::text, '') || ':' || d.updated_at::text, ',' ORDER BY d.id)
         FROM documents d JOIN agenda_items a ON a.id = d.agenda_item_id WHERE a.meeting_id = m.id),
      (SELECT string_agg(s.key || ':' || s.version, ',' ORDER BY s.key) FROM settings s),
      (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM action_items),
      (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM decisions),
      (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM initiatives),
      (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM meetings)
    ), 'UTF8')), 'hex') END AS fingerprint
    FROM (SELECT ${meetingId}::uuid AS wanted) w LEFT JOIN meetings m ON m.id = w.wanted`;
  return row?.fingerprint ?? null;
}

/** The book as a stream (from the cache, or made now and kept), or null when the meeting does not exist. */
export async function boardBookStream(user: SessionUser, meetingId: string, locale: Locale, baseUrl: string): Promise<ReadableStream<Uint8Array> | null> {
  requirePermission(user, "portal.read");
  if (!isUuid(meetingId)) return null;
  const fingerprint = await fingerprintOf(meetingId);
  if (!fingerprint) return null;
  const store = documentStore();
  // One book per meeting and language, made once: two first requests at once take turns on an advisory lock (held
  // by this transaction while the book is made), so the second finds the first's book rather than making another.
  const made = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${`board-book:${meetingId}:${locale}`}))) AS locked`;
      const cached = await tx.boardBook.findUnique({ where: { meetingId_locale: { meetingId, locale } } });
      if (cached?.fingerprint === fingerprint) {
        const stream = await store.get(cached.blobId);
        if (stream) return { stream, stale: null };
      }
      const pdf = await renderBoardBook(user, meetingId, locale, baseUrl);
      if (!pdf) return null;
      const stored = await store.put(new Response(new Uint8Array(pdf)).body!, { maxBytes: Number.MAX_SAFE_INTEGER, ownerId: user.id });
      await tx.boardBook.upsert({
        where: { meetingId_locale: { meetingId, locale } },
        create: { meetingId, locale, fingerprint, blobId: stored.id },
        update: { fingerprint, blobId: stored.id, createdAt: new Date() },
      });
      return { stream: new Response(new Uint8Array(pdf)).body!, stale: cached && cached.blobId !== stored.id ? cached.blobId : null };
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  if (!made) return null;
  // The replaced file once the new book is committed (its row no longer names it).
  if (made.stale) await store.discard(made.stale);
  return made.stream;
}
