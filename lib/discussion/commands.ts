import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand } from "@/lib/kernel/registry";
import { refuseConflict, refuseField } from "@/lib/kernel/refusals";
import { CommandRefusal } from "@/lib/kernel/result";
import type { Tx } from "@/lib/kernel/tx";
import { emailDiscussionNotices, notifyInPortal, type InPortalNotice } from "@/lib/notifications";
import { editCommentSchema, hideCommentSchema, postCommentSchema } from "./schemas";
import { findSubject, subjectColumn, subjectOf, type Subject } from "./subjects";
import { mentionedEmails } from "./text";

/**
 * The people `body` mentions (`@address`), as user ids. A mention of an address no active account has is refused
 * with that address in the message, and nothing is saved.
 */
async function resolveMentions(tx: Tx, body: string): Promise<string[]> {
  const emails = mentionedEmails(body);
  if (emails.length === 0) return [];
  const users = await tx.user.findMany({ where: { email: { in: emails }, active: true }, select: { id: true, email: true } });
  const found = new Map(users.map((user) => [user.email.toLowerCase(), user.id]));
  const unknown = emails.find((email) => !found.has(email));
  if (unknown) throw new CommandRefusal({ ok: false, code: "invalid", fieldErrors: { body: [{ key: "mentionUnknown", values: { address: unknown } }] } });
  return emails.map((email) => found.get(email)!);
}

/** The owner of an existing comment: the department of its record, if the record can still be seen. */
async function commentOwner(tx: Tx, id: string) {
  const comment = await tx.comment.findUnique({
    where: { id },
    select: { id: true, authorId: true, initiativeId: true, statusUpdateId: true, agendaItemId: true, actionItemId: true, indicatorId: true },
  });
  if (!comment) return null;
  const { type, id: subjectId } = subjectOf(comment);
  const subject = await findSubject(tx, type, subjectId);
  return subject && { departmentId: subject.departmentId, subject, authorId: comment.authorId };
}

/** Who is told of a new comment: the mentioned, the author of the comment replied to, and who leads or follows the record. */
async function noticesFor(tx: Tx, subject: Subject, actorId: string, commentId: string, mentioned: string[], parentAuthorId: string | null): Promise<InPortalNotice[]> {
  const followers =
    subject.initiativeId || subject.meetingId
      ? await tx.follow.findMany({
          where: { following: true, OR: [...(subject.initiativeId ? [{ initiativeId: subject.initiativeId }] : []), ...(subject.meetingId ? [{ meetingId: subject.meetingId }] : [])] },
          select: { userId: true },
        })
      : [];
  const about = { actorId, commentId, href: subject.href.replace(/#.*$/, "") + `#comment-${commentId}`, titleEn: subject.titleEn, titleFr: subject.titleFr };
  return [
    ...mentioned.map((recipientId) => ({ ...about, recipientId, kind: "MENTION" as const })),
    ...(parentAuthorId ? [{ ...about, recipientId: parentAuthorId, kind: "REPLY" as const }] : []),
    ...[...subject.watcherIds, ...followers.map((follow) => follow.userId)].map((recipientId) => ({ ...about, recipientId, kind: "COMMENT" as const })),
  ];
}

/**
 * A comment on a record the user can read (or a reply to a comment on it, one level deep). Its mentions are kept
 * as user references, and the people concerned are told in the same transaction.
 */
export const postComment = defineCommand({
  name: "discussion.post",
  permission: "discussion.write",
  schema: postCommentSchema,
  owner: async (input, tx) => {
    const subject = await findSubject(tx, input.subjectType, input.subjectId);
    return subject && { departmentId: subject.departmentId, subject };
  },
  run: async ({ user, input, tx, requestId, owner }) => {
    const subject = owner!.subject;
    const column = subjectColumn[input.subjectType];
    let parentAuthorId: string | null = null;
    if (input.parentId) {
      const parent = await tx.comment.findFirst({ where: { id: input.parentId, [column]: input.subjectId }, select: { parentId: true, authorId: true } });
      if (!parent) refuseField("parentId", "invalidChoice");
      if (parent.parentId) refuseField("parentId", "replyToReply");
      parentAuthorId = parent.authorId;
    }
    const mentioned = await resolveMentions(tx, input.body);
    const created = await tx.comment.create({
      data: {
        [column]: input.subjectId,
        parentId: input.parentId ?? null,
        authorId: user.id,
        language: input.language,
        body: input.body,
        mentions: { createMany: { data: mentioned.map((userId) => ({ userId })) } },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "discussion.post",
      entityType: "comment",
      entityId: created.id,
      after: { [column]: input.subjectId, parentId: input.parentId ?? null, language: input.language, body: input.body, mentions: mentioned },
      requestId,
    });
    const notices = await noticesFor(tx, subject, user.id, created.id, mentioned, parentAuthorId);
    const notified = await notifyInPortal(tx, notices);
    // And by e-mail, for whoever keeps the discussion notice on (the outbox, in the same transaction).
    await emailDiscussionNotices(tx, notices, { id: created.id, body: input.body, actorName: user.displayName });
    return { id: created.id, notified };
  },
});

/** The author edits their comment: the text it replaces goes into the history. Conflicts on a stale version. */
export const editComment = defineCommand({
  name: "discussion.edit",
  permission: "discussion.write",
  schema: editCommentSchema,
  owner: async (input, tx) => commentOwner(tx, input.id),
  run: async ({ user, input, tx, requestId, owner }) => {
    if (owner!.authorId !== user.id) throw new CommandRefusal({ ok: false, code: "forbidden" });
    const before = await tx.comment.findUniqueOrThrow({ where: { id: input.id }, select: { body: true, language: true, hiddenAt: true } });
    if (before.hiddenAt) refuseField("body", "locked");
    const mentioned = await resolveMentions(tx, input.body);
    const changed = await tx.comment.updateMany({ where: { id: input.id, version: input.version }, data: { body: input.body, language: input.language, editedAt: new Date(), version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "comment", input.id);
    await tx.commentEdit.create({ data: { commentId: input.id, editorId: user.id, body: before.body, language: before.language } });
    const earlier = new Set((await tx.commentMention.findMany({ where: { commentId: input.id }, select: { userId: true } })).map((mention) => mention.userId));
    const added = mentioned.filter((id) => !earlier.has(id));
    await tx.commentMention.createMany({ data: added.map((userId) => ({ commentId: input.id, userId })) });
    await recordAudit(tx, {
      actorId: user.id,
      action: "discussion.edit",
      entityType: "comment",
      entityId: input.id,
      before: { body: before.body, language: before.language },
      after: { body: input.body, language: input.language, mentionsAdded: added },
      requestId,
    });
    // Someone newly mentioned by the edit is told; the others were told when it was posted.
    const notices = (await noticesFor(tx, owner!.subject, user.id, input.id, added, null)).filter((notice) => notice.kind === "MENTION");
    await notifyInPortal(tx, notices);
    return { id: input.id, version: input.version + 1 };
  },
});

/** A coordinator hides a comment with a reason; it stays in the record as "hidden by … : reason". */
export const hideComment = defineCommand({
  name: "discussion.hide",
  permission: "discussion.moderate",
  schema: hideCommentSchema,
  owner: async (input, tx) => commentOwner(tx, input.id),
  run: async ({ user, input, tx, requestId }) => {
    const hiddenAt = new Date();
    const changed = await tx.comment.updateMany({ where: { id: input.id, hiddenAt: null }, data: { hiddenAt, hiddenById: user.id, hiddenReason: input.reason, version: { increment: 1 } } });
    if (changed.count === 0) refuseField("reason", "locked");
    await recordAudit(tx, {
      actorId: user.id,
      action: "discussion.hide",
      entityType: "comment",
      entityId: input.id,
      before: { hiddenAt: null },
      after: { hiddenAt: hiddenAt.toISOString(), hiddenById: user.id, hiddenReason: input.reason },
      requestId,
    });
    return { id: input.id };
  },
});
