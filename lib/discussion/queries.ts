import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { contentKey, viewerClass } from "@/lib/cache";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import type { SubjectType } from "./schemas";
import { subjectColumn, subjectOf } from "./subjects";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseCommentText } from "./text";

const commentSelect = {
  id: true,
  parentId: true,
  initiativeId: true,
  statusUpdateId: true,
  agendaItemId: true,
  actionItemId: true,
  indicatorId: true,
  language: true,
  body: true,
  version: true,
  createdAt: true,
  editedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  author: { select: { id: true, displayName: true } },
  hiddenBy: { select: { displayName: true } },
  mentions: { select: { user: { select: { id: true, displayName: true, email: true } } } },
  edits: { select: { id: true, body: true, language: true, editedAt: true }, orderBy: { editedAt: "asc" } },
} as const;

export type ThreadComment = {
  id: string;
  language: "en" | "fr";
  /** Null when hidden: the text of a hidden comment does not leave the server. */
  body: string | null;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  hidden: { by: string; reason: string; at: Date } | null;
  author: { id: string; displayName: string };
  /** Mentioned addresses → the person's name. */
  mentions: Record<string, string>;
  edits: { id: string; body: string; language: "en" | "fr"; editedAt: Date }[];
  replies: ThreadComment[];
};

/** A discussion: the comments on one record, oldest first, each with its replies. */
export type Thread = { subjectType: SubjectType; subjectId: string; comments: ThreadComment[]; count: number };

export type Threads = {
  threads: Map<string, Thread>;
  /** Initiative codes in the comments → their ids, for links. */
  initiativeIds: Record<string, string>;
};

/**
 * The discussions of several records of a page in ONE statement, plus one for the initiative codes the comments
 * name (when they name any). Reading follows the page's own rule: whoever may read the record (portal.read) reads
 * its discussion.
 */
export async function getThreads(user: SessionUser, subjects: { type: SubjectType; id: string }[]): Promise<Threads> {
  requirePermission(user, "portal.read");
  if (subjects.length === 0) return { threads: new Map(), initiativeIds: {} };
  const byType = new Map<SubjectType, string[]>();
  for (const subject of subjects) byType.set(subject.type, [...(byType.get(subject.type) ?? []), subject.id]);
  return threadsWhere({ OR: [...byType].map(([type, ids]) => ({ [subjectColumn[type]]: { in: ids } })) }, subjects);
}

/**
 * The initiative page's discussions: the initiative's own and those of each of its status updates, in one
 * statement that needs no list of the updates first (so it runs alongside the page's other reads).
 */
export async function getInitiativeThreads(user: SessionUser, initiativeId: string): Promise<Threads> {
  requirePermission(user, "portal.read");
  return threadsWhere({ OR: [{ initiativeId }, { statusUpdate: { initiativeId } }] }, [{ type: "initiative", id: initiativeId }]);
}

/**
 * Issue 23: the key of a thread's drawn comment list (components/discussion/discussion.tsx caches it): everything the
 * list shows depends on — the comments themselves (a hash of the thread as read on this request), the codes' links,
 * the language, the viewer's class, what the viewer may do (reply, hide, edit their own: their id when they wrote a
 * comment of it) and the page's other query parameters (kept in the forms' links).
 */
export function threadListKey({ thread, initiativeIds, locale, user, mayWrite, mayModerate, search }: { thread: Thread; initiativeIds: Record<string, string>; locale: string; user: SessionUser; mayWrite: boolean; mayModerate: boolean; search: string }): string {
  const authored = thread.comments.some((comment) => comment.author.id === user.id || comment.replies.some((reply) => reply.author.id === user.id));
  return `discussion|${contentKey([thread, initiativeIds])}|${locale}|${viewerClass(user)}|${mayWrite}|${mayModerate}|${authored ? user.id : "-"}|${search}`;
}

/** The thread of `type` and `id` from `threads`, empty when nobody has commented yet. */
export function threadOf(threads: Threads, type: SubjectType, id: string): Thread {
  return threads.threads.get(id) ?? { subjectType: type, subjectId: id, comments: [], count: 0 };
}

async function threadsWhere(where: Prisma.CommentWhereInput, subjects: { type: SubjectType; id: string }[]): Promise<Threads> {
  const threads = new Map<string, Thread>();
  for (const subject of subjects) threads.set(subject.id, { subjectType: subject.type, subjectId: subject.id, comments: [], count: 0 });
  const rows = await db.comment.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: commentSelect });
  const byId = new Map<string, ThreadComment>();
  const codes = new Set<string>();
  for (const row of rows) {
    const comment: ThreadComment = {
      id: row.id,
      language: row.language,
      body: row.hiddenAt ? null : row.body,
      version: row.version,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      hidden: row.hiddenAt ? { by: row.hiddenBy?.displayName ?? "", reason: row.hiddenReason ?? "", at: row.hiddenAt } : null,
      author: row.author,
      mentions: Object.fromEntries(row.mentions.map((mention) => [mention.user.email.toLowerCase(), mention.user.displayName])),
      edits: row.hiddenAt ? [] : row.edits,
      replies: [],
    };
    if (comment.body) for (const piece of parseCommentText(comment.body)) if (piece.kind === "initiative") codes.add(piece.code);
    byId.set(row.id, comment);
    const { type, id } = subjectOf(row);
    let thread = threads.get(id);
    if (!thread) {
      thread = { subjectType: type, subjectId: id, comments: [], count: 0 };
      threads.set(id, thread);
    }
    thread.count += 1;
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (parent) parent.replies.push(comment);
    else thread.comments.push(comment);
  }
  const initiativeIds =
    codes.size === 0
      ? {}
      : Object.fromEntries((await db.initiative.findMany({ where: { code: { in: [...codes] }, archivedAt: null }, select: { id: true, code: true } })).map((row) => [row.code, row.id]));
  return { threads, initiativeIds };
}

/** People to mention: active accounts whose name or address contains `q` (at most 20). */
export async function searchPeople(user: SessionUser, q: string) {
  requirePermission(user, "portal.read");
  const term = q.trim();
  const rows = await db.user.findMany({
    where: { active: true, ...(term ? { OR: [{ displayName: { contains: term, mode: "insensitive" } }, { email: { contains: term, mode: "insensitive" } }] } : {}) },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: 21,
    select: { id: true, displayName: true, email: true },
  });
  return { choices: rows.slice(0, 20).map((row) => ({ id: row.email, label: `${row.displayName} (${row.email})` })), more: rows.length > 20 };
}
