import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { editComment, hideComment, postComment } from "@/lib/discussion/commands";
import { getThreads } from "@/lib/discussion/queries";
import { follow, markNotificationsRead, updateNotificationPreferences } from "@/lib/notifications/commands";
import { getNotificationPreferences, listNotifications, unreadNotificationCount } from "@/lib/notifications/queries";
import { expectUnchanged, sessionUser } from "../../support/database";
import { makeInitiative } from "../initiatives/support";

async function statusUpdateOn(initiativeId: string, authorEmail = "rep.jus@iwgtip.example") {
  const author = await db.user.findUniqueOrThrow({ where: { email: authorEmail }, select: { id: true } });
  return db.statusUpdate.create({ data: { initiativeId, authorId: author.id, reportingPeriod: "2007-08 Q2", health: "GREEN", progress: 40 }, select: { id: true } });
}

describe("discussion", () => {
  it("posts a comment with a mention, stores the mention as a user reference, audits it and tells the mentioned person", async () => {
    const rep = await sessionUser("rep.rcmp@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    const update = await statusUpdateOn(initiative.id);
    const unreadBefore = await unreadNotificationCount(coordinator);
    const result = await postComment(rep, { subjectType: "statusUpdate", subjectId: update.id, language: "en", body: "@coordinator@iwgtip.example could you look at IWG-0001 and 2007-09-D1?" });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const mentions = await db.commentMention.findMany({ where: { commentId: result.data.id } });
    expect(mentions.map((mention) => mention.userId)).toEqual([coordinator.id]);
    const audit = await db.auditEvent.findFirst({ where: { entityType: "comment", entityId: result.data.id, action: "discussion.post" } });
    expect(audit?.actorId).toBe(rep.id);
    // The coordinator is told of the mention; the status update's author (JUS rep) of a comment on it.
    expect(await unreadNotificationCount(coordinator)).toBe(unreadBefore + 1);
    const notices = await db.notification.findMany({ where: { commentId: result.data.id }, include: { recipient: { select: { email: true } } }, orderBy: { kind: "asc" } });
    expect(notices.map((notice) => [notice.recipient.email, notice.kind]).sort()).toEqual([
      ["coordinator@iwgtip.example", "MENTION"],
      ["rep.jus@iwgtip.example", "COMMENT"],
    ]);
    expect(notices[0]!.href).toBe(`/initiatives/${initiative.id}#comment-${result.data.id}`);
  });

  it("replies one level deep, tells the parent's author, and refuses a reply to a reply", async () => {
    const rep = await sessionUser("rep.rcmp@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    const first = await postComment(rep, { subjectType: "initiative", subjectId: initiative.id, language: "en", body: "A question." });
    if (!first.ok) throw new Error("post failed");
    const reply = await postComment(coordinator, { subjectType: "initiative", subjectId: initiative.id, parentId: first.data.id, language: "fr", body: "Une réponse." });
    expect(reply).toMatchObject({ ok: true });
    if (!reply.ok) return;
    expect(await db.notification.findFirst({ where: { commentId: reply.data.id, recipientId: rep.id } })).toMatchObject({ kind: "REPLY" });
    const deeper = await expectUnchanged(() => postComment(rep, { subjectType: "initiative", subjectId: initiative.id, parentId: reply.data.id, language: "en", body: "Deeper." }));
    expect(deeper).toMatchObject({ ok: false, code: "invalid", fieldErrors: { parentId: [{ key: "replyToReply" }] } });
    const { threads } = await getThreads(rep, [{ type: "initiative", id: initiative.id }]);
    const thread = threads.get(initiative.id)!;
    expect(thread.count).toBe(2);
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]!.replies.map((comment) => comment.body)).toEqual(["Une réponse."]);
    expect(thread.comments[0]!.replies[0]!.language).toBe("fr");
  });

  it("keeps the history of an author's edits, and refuses someone else's edit", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const other = await sessionUser("rep.rcmp@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    const posted = await postComment(rep, { subjectType: "initiative", subjectId: initiative.id, language: "en", body: "First text." });
    if (!posted.ok) throw new Error("post failed");
    expect(await expectUnchanged(() => editComment(other, { id: posted.data.id, version: 1, language: "en", body: "Hijacked." }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await editComment(rep, { id: posted.data.id, version: 1, language: "en", body: "Second text." })).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await editComment(rep, { id: posted.data.id, version: 2, language: "fr", body: "Troisième texte." })).toMatchObject({ ok: true });
    // A stale version conflicts.
    expect(await editComment(rep, { id: posted.data.id, version: 2, language: "en", body: "Stale." })).toMatchObject({ ok: false, code: "conflict" });
    const { threads } = await getThreads(rep, [{ type: "initiative", id: initiative.id }]);
    const comment = threads.get(initiative.id)!.comments[0]!;
    expect(comment.body).toBe("Troisième texte.");
    expect(comment.editedAt).not.toBeNull();
    expect(comment.edits.map((edit) => [edit.body, edit.language])).toEqual([
      ["First text.", "en"],
      ["Second text.", "en"],
    ]);
  });

  it("lets a coordinator hide a comment with a reason (never deleted); a representative may not", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    const posted = await postComment(rep, { subjectType: "initiative", subjectId: initiative.id, language: "en", body: "Something to hide." });
    if (!posted.ok) throw new Error("post failed");
    expect(await expectUnchanged(() => hideComment(rep, { id: posted.data.id, reason: "Mine." }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await expectUnchanged(() => hideComment(coordinator, { id: posted.data.id, reason: "   " }))).toMatchObject({ ok: false, code: "invalid" });
    expect(await hideComment(coordinator, { id: posted.data.id, reason: "Personal information." })).toMatchObject({ ok: true });
    const stored = await db.comment.findUniqueOrThrow({ where: { id: posted.data.id } });
    expect(stored.body).toBe("Something to hide.");
    expect(stored.hiddenReason).toBe("Personal information.");
    const { threads } = await getThreads(rep, [{ type: "initiative", id: initiative.id }]);
    const comment = threads.get(initiative.id)!.comments[0]!;
    expect(comment.body).toBeNull();
    expect(comment.hidden).toMatchObject({ by: coordinator.displayName, reason: "Personal information." });
  });

  it("refuses an empty comment, one over 5,000 characters and a mention of an unknown or deactivated person, saving nothing", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    const post = (body: string) => expectUnchanged(() => postComment(rep, { subjectType: "initiative", subjectId: initiative.id, language: "en", body }));
    expect(await post("   ")).toMatchObject({ ok: false, code: "invalid", fieldErrors: { body: [{ key: "required" }] } });
    expect(await post("x".repeat(5001))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { body: [{ key: "tooLong", values: { max: 5000 } }] } });
    expect(await post("Hello @nobody@iwgtip.example")).toMatchObject({ ok: false, code: "invalid", fieldErrors: { body: [{ key: "mentionUnknown", values: { address: "nobody@iwgtip.example" } }] } });
    const gone = await db.user.create({ data: { email: `gone-${initiative.id.slice(0, 8)}@iwgtip.example`, displayName: "Gone Person", role: "EXECUTIVE", active: false }, select: { email: true } });
    expect(await post(`Hello @${gone.email}`)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { body: [{ key: "mentionUnknown" }] } });
    expect(await postComment(rep, { subjectType: "initiative", subjectId: initiative.id, language: "en", body: "x".repeat(5000) })).toMatchObject({ ok: true });
  });

  it("stores HTML and script as the text typed (the page shows it as text)", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    const body = `<script>alert("x")</script><b>bold</b> & <img src=x onerror=alert(1)>`;
    const posted = await postComment(rep, { subjectType: "initiative", subjectId: initiative.id, language: "en", body });
    if (!posted.ok) throw new Error("post failed");
    const { threads } = await getThreads(rep, [{ type: "initiative", id: initiative.id }]);
    expect(threads.get(initiative.id)!.comments[0]!.body).toBe(body);
  });

  it("answers not found for a record the user cannot see (an archived initiative, an unknown id)", async () => {
    const rep = await sessionUser("rep.rcmp@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    await db.initiative.update({ where: { id: initiative.id }, data: { archivedAt: new Date() } });
    expect(await expectUnchanged(() => postComment(rep, { subjectType: "initiative", subjectId: initiative.id, language: "en", body: "Hello" }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await expectUnchanged(() => postComment(rep, { subjectType: "statusUpdate", subjectId: initiative.id, language: "en", body: "Hello" }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await postComment(null, { subjectType: "initiative", subjectId: initiative.id, language: "en", body: "Hello" })).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("tells followers of an initiative, lists and marks notifications read one by one and all at once", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const executive = await sessionUser("executive@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    expect(await follow(executive, { subjectType: "initiative", subjectId: initiative.id, following: true })).toMatchObject({ ok: true });
    await markNotificationsRead(executive, {});
    expect(await unreadNotificationCount(executive)).toBe(0);
    for (const body of ["One.", "Two."]) expect(await postComment(rep, { subjectType: "initiative", subjectId: initiative.id, language: "en", body })).toMatchObject({ ok: true });
    expect(await unreadNotificationCount(executive)).toBe(2);
    const list = await listNotifications(executive);
    expect(list.unread).toBe(2);
    expect(list.rows[0]).toMatchObject({ kind: "COMMENT", readAt: null });
    // Another person's notification is not found.
    expect(await markNotificationsRead(rep, { id: list.rows[0]!.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await markNotificationsRead(executive, { id: list.rows[0]!.id })).toMatchObject({ ok: true, data: { count: 1 } });
    expect(await unreadNotificationCount(executive)).toBe(1);
    expect(await markNotificationsRead(executive, {})).toMatchObject({ ok: true, data: { count: 1 } });
    expect(await unreadNotificationCount(executive)).toBe(0);
    // Unfollowing stops the notices.
    expect(await follow(executive, { subjectType: "initiative", subjectId: initiative.id, following: false })).toMatchObject({ ok: true });
    await postComment(rep, { subjectType: "initiative", subjectId: initiative.id, language: "en", body: "Three." });
    expect(await unreadNotificationCount(executive)).toBe(0);
  });

  it("reads a thread of 200 comments quickly", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    await db.comment.createMany({ data: Array.from({ length: 200 }, (_, index) => ({ initiativeId: initiative.id, authorId: rep.id, language: "en" as const, body: `Comment ${index}` })) });
    const started = performance.now();
    const { threads } = await getThreads(rep, [{ type: "initiative", id: initiative.id }]);
    expect(threads.get(initiative.id)!.count).toBe(200);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("notification centre: existing events", () => {
  it("tells the assignee of a new action item in the portal, in the same transaction", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const assignee = await sessionUser("rep.jus@iwgtip.example");
    const { createActionItem } = await import("@/lib/action-items/commands");
    const before = await unreadNotificationCount(assignee);
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const created = await createActionItem(coordinator, { titleEn: "Send the figures", titleFr: "Envoyer les chiffres", ownerDepartmentId: assignee.departmentId, assigneeId: assignee.id, dueDate: due });
    expect(created).toMatchObject({ ok: true });
    expect(await unreadNotificationCount(assignee)).toBe(before + 1);
    const latest = await db.notification.findFirstOrThrow({ where: { recipientId: assignee.id }, orderBy: { createdAt: "desc" } });
    expect(latest).toMatchObject({ kind: "ACTION_ITEM_ASSIGNED", actorId: coordinator.id, titleFr: "Envoyer les chiffres" });
  });
});

describe("notification centre: choices per kind", () => {
  it("leaves out the kinds a person turned off in the portal, and keeps the others", async () => {
    const rep = await sessionUser("rep.rcmp@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    const first = await postComment(coordinator, { subjectType: "initiative", subjectId: initiative.id, language: "fr", body: "Question." });
    if (!first.ok) throw new Error("post failed");
    // The kinds of issue 22.3–22.4 (papers requested, sign-off, proposals decided) stay on.
    expect(await updateNotificationPreferences(coordinator, { inPortal: ["REPLY", "COMMENT", "ACTION_ITEM_ASSIGNED", "PAPER_REQUESTED", "MINUTES_SIGN_OFF", "PROPOSAL_ACCEPTED", "PROPOSAL_DECLINED"] })).toMatchObject({ ok: true, data: { inPortalOff: ["MENTION"] } });
    expect(await getNotificationPreferences(coordinator)).toEqual({ MENTION: false, REPLY: true, COMMENT: true, ACTION_ITEM_ASSIGNED: true, PAPER_REQUESTED: true, MINUTES_SIGN_OFF: true, PROPOSAL_ACCEPTED: true, PROPOSAL_DECLINED: true });
    expect(await db.auditEvent.findFirst({ where: { action: "notification.updatePreferences", actorId: coordinator.id } })).not.toBeNull();
    try {
      const mention = await postComment(rep, { subjectType: "initiative", subjectId: initiative.id, language: "en", body: "@coordinator@iwgtip.example hello" });
      if (!mention.ok) throw new Error("post failed");
      expect(await db.notification.count({ where: { commentId: mention.data.id, recipientId: coordinator.id } })).toBe(0);
      const reply = await postComment(rep, { subjectType: "initiative", subjectId: initiative.id, parentId: first.data.id, language: "en", body: "A reply." });
      if (!reply.ok) throw new Error("post failed");
      expect(await db.notification.findFirst({ where: { commentId: reply.data.id, recipientId: coordinator.id } })).toMatchObject({ kind: "REPLY" });
      expect(await updateNotificationPreferences(coordinator, { inPortal: ["NOT_A_KIND"] })).toMatchObject({ ok: false, code: "invalid" });
    } finally {
      await updateNotificationPreferences(coordinator, { inPortal: ["MENTION", "REPLY", "COMMENT", "ACTION_ITEM_ASSIGNED", "PAPER_REQUESTED", "MINUTES_SIGN_OFF", "PROPOSAL_ACCEPTED", "PROPOSAL_DECLINED"] });
    }
  });
});

describe("notification centre: e-mail", () => {
  it("queues one bilingual e-mail per person concerned, with the comment as text, unless they turned the notice off", async () => {
    const rep = await sessionUser("rep.rcmp@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    const body = `@coordinator@iwgtip.example <script>alert(1)</script> see ${initiative.code}`;
    const posted = await postComment(rep, { subjectType: "initiative", subjectId: initiative.id, language: "en", body });
    if (!posted.ok) throw new Error("post failed");
    const mail = await db.outboundMessage.findMany({ where: { dedupeKey: { startsWith: `discussion:${posted.data.id}:` } } });
    expect(mail).toHaveLength(1);
    const message = mail[0]!;
    expect(message).toMatchObject({ kind: "DISCUSSION", recipientId: coordinator.id, toAddress: "coordinator@iwgtip.example", language: "fr" });
    // French first (the coordinator's language), English after; the comment is text in both parts.
    expect(message.subject).toContain("Daniel Wilson");
    expect(message.textBody).toContain("Daniel Wilson vous a mentionné");
    expect(message.textBody).toContain("Daniel Wilson mentioned you");
    expect(message.textBody).toContain("<script>alert(1)</script>");
    expect(message.htmlBody).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(message.htmlBody).not.toContain("<script>");
    expect(message.htmlBody).toContain(`/fr/initiatives/${initiative.id}#comment-${posted.data.id}`);

    // Turned off in the e-mail notices: the notification centre still has it, the outbox does not.
    await db.noticePreference.upsert({ where: { userId_kind: { userId: coordinator.id, kind: "DISCUSSION" } }, create: { userId: coordinator.id, kind: "DISCUSSION", enabled: false }, update: { enabled: false } });
    try {
      const again = await postComment(rep, { subjectType: "initiative", subjectId: initiative.id, language: "en", body: "@coordinator@iwgtip.example once more" });
      if (!again.ok) throw new Error("post failed");
      expect(await db.outboundMessage.count({ where: { dedupeKey: { startsWith: `discussion:${again.data.id}:` } } })).toBe(0);
      expect(await db.notification.count({ where: { commentId: again.data.id, recipientId: coordinator.id } })).toBe(1);
    } finally {
      await db.noticePreference.update({ where: { userId_kind: { userId: coordinator.id, kind: "DISCUSSION" } }, data: { enabled: true } });
    }
  });
});
