import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand } from "@/lib/kernel/registry";
import type { Tx } from "@/lib/kernel/tx";
import { ownFeedSchema } from "./schemas";

/*
 * A personal calendar feed (issue 22.5): a secret address a calendar client (Outlook, Apple Calendar, Google
 * Calendar) subscribes to, since such clients cannot sign in. Only the secret's SHA-256 is kept, so the address is
 * shown once; a new address revokes the old one, and revoking answers 404 to it from then on. Audited, never the
 * secret itself.
 */

export const hashFeedToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

async function revokeOpenFeeds(tx: Tx, userId: string): Promise<number> {
  const { count } = await tx.calendarFeed.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}

/** Makes one's feed address (replacing any earlier one); answers the secret, the only time it is known. */
export const createCalendarFeed = defineCommand({
  name: "calendarFeed.create",
  permission: "profile.update",
  schema: ownFeedSchema,
  async run({ user, tx, requestId }) {
    const replaced = await revokeOpenFeeds(tx, user.id);
    const token = randomBytes(32).toString("base64url");
    const feed = await tx.calendarFeed.create({ data: { userId: user.id, tokenHash: hashFeedToken(token) }, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "calendarFeed.create", entityType: "calendar_feed", entityId: feed.id, after: { replaced }, requestId });
    return { token };
  },
});

/** Revokes one's feed address: calendars subscribed to it get 404 from then on. */
export const revokeCalendarFeed = defineCommand({
  name: "calendarFeed.revoke",
  permission: "profile.update",
  schema: ownFeedSchema,
  async run({ user, tx, requestId }) {
    const open = await tx.calendarFeed.findFirst({ where: { userId: user.id, revokedAt: null }, select: { id: true } });
    if (!open) return { revoked: 0 };
    await revokeOpenFeeds(tx, user.id);
    await recordAudit(tx, { actorId: user.id, action: "calendarFeed.revoke", entityType: "calendar_feed", entityId: open.id, requestId });
    return { revoked: 1 };
  },
});
