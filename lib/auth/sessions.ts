import "server-only";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import type { SessionUser } from "./types";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Why a session ended, as kept on its row. */
export type SessionEndReason =
  | "sign_out"
  | "password_changed"
  | "one_time_password"
  | "role_changed"
  | "deactivated"
  | "ended_by_admin"
  | "mfa_reset";

/**
 * Opens the server-side record of a session that just signed in; its id goes into the JWT (lib/auth/options.ts)
 * and every request checks the record is still open (lib/auth/load-user.ts).
 */
export async function startSession(userId: string, method: "password" | "sso"): Promise<string> {
  const { id } = await db.authSession.create({ data: { userId, method }, select: { id: true } });
  return id;
}

/** Ends one session for good (sign-out); a copied cookie of it names a closed record from then on. */
export async function endSession(client: Tx | typeof db, sessionId: string, userId: string, reason: SessionEndReason): Promise<number> {
  const { count } = await client.authSession.updateMany({ where: { id: sessionId, userId, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
  return count;
}

/**
 * Ends every open session of `userId` but `keepSessionId` (the one making the change, when the person changes
 * their own password): in the transaction of the change itself, so the change and the ending stand or fall together.
 * Answers how many sessions it ended.
 */
export async function endSessionsOf(tx: Tx, userId: string, reason: SessionEndReason, keepSessionId?: string): Promise<number> {
  const { count } = await tx.authSession.updateMany({
    where: { userId, endedAt: null, ...(keepSessionId ? { NOT: { id: keepSessionId } } : {}) },
    data: { endedAt: new Date(), endReason: reason },
  });
  return count;
}

/** How many sessions of `userId` are open (the administrator's user page). */
export async function openSessionCount(viewer: SessionUser, userId: string): Promise<number> {
  requirePermission(viewer, "admin.manage");
  return db.authSession.count({ where: { userId, endedAt: null } });
}
