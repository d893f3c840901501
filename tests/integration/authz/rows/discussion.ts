import { db } from "@/lib/db";
import { notificationKinds } from "@/lib/notifications/schemas";
import { makeInitiative } from "../../initiatives/support";
import type { MatrixRow } from "../matrix-types";

async function userId(email: string) {
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** A comment by the JUS representative on a fresh initiative led by JUS. */
async function makeComment() {
  const initiative = await makeInitiative("JUS");
  return db.comment.create({ data: { initiativeId: initiative.id, authorId: await userId("rep.jus@iwgtip.example"), language: "en", body: "A question." }, select: { id: true, version: true } });
}

/**
 * Issue 22's commands. Everyone who can read a record may comment on it (executives included); only the author
 * edits a comment (here the JUS representative); coordinators and administrators hide one. Notifications and
 * follows are the caller's own.
 */
export const rows: MatrixRow[] = [
  {
    command: "discussion.post",
    prepare: async () => ({ subjectType: "initiative", subjectId: (await makeInitiative("JUS")).id, language: "en", body: "Matrix comment." }),
    expect: { ADMIN: "allow", COORDINATOR: "allow", EXECUTIVE: "allow", OWN_REP: "allow", OTHER_REP: "allow", SIGNED_OUT: "deny" },
  },
  {
    command: "discussion.edit",
    prepare: async () => {
      const comment = await makeComment();
      return { id: comment.id, version: comment.version, language: "en", body: "Edited." };
    },
    expect: { ADMIN: "deny", COORDINATOR: "deny", EXECUTIVE: "deny", OWN_REP: "allow", OTHER_REP: "deny", SIGNED_OUT: "deny" },
  },
  {
    command: "discussion.hide",
    prepare: async () => ({ id: (await makeComment()).id, reason: "Off topic." }),
    expect: { ADMIN: "allow", COORDINATOR: "allow", EXECUTIVE: "deny", OWN_REP: "deny", OTHER_REP: "deny", SIGNED_OUT: "deny" },
  },
  {
    command: "notification.markRead",
    prepare: async () => ({}),
    expect: { ADMIN: "allow", COORDINATOR: "allow", EXECUTIVE: "allow", OWN_REP: "allow", OTHER_REP: "allow", SIGNED_OUT: "deny" },
  },
  {
    // Every kind on: the seeded state, so an allowed call spoils nothing.
    command: "notification.updatePreferences",
    prepare: async () => ({ inPortal: [...notificationKinds] }),
    expect: { ADMIN: "allow", COORDINATOR: "allow", EXECUTIVE: "allow", OWN_REP: "allow", OTHER_REP: "allow", SIGNED_OUT: "deny" },
  },
  {
    command: "notification.follow",
    prepare: async () => ({ subjectType: "initiative", subjectId: (await makeInitiative("JUS")).id, following: true }),
    expect: { ADMIN: "allow", COORDINATOR: "allow", EXECUTIVE: "allow", OWN_REP: "allow", OTHER_REP: "allow", SIGNED_OUT: "deny" },
  },
];
