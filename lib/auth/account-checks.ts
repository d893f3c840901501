import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readSetting } from "@/lib/settings/queries";

/** Why a right password still opens no session (audited as the sign-in failure's reason). */
export type AccountRefusal = "one_time_password_used" | "one_time_password_expired";

/**
 * Checks made once the password is right, kept out of the sign-in module (which owns throttling and lock-out):
 * a one-time password opens one session only, within the `oneTimePasswordHours` setting of being set; after that
 * an administrator sets another. (One set before this rule has no time and is still usable once.)
 */
export async function accountRefusal(userId: string): Promise<AccountRefusal | null> {
  const account = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { mustChangePassword: true, oneTimePasswordSetAt: true, oneTimePasswordUsedAt: true },
  });
  if (!account.mustChangePassword) return null;
  if (account.oneTimePasswordUsedAt) return "one_time_password_used";
  if (!account.oneTimePasswordSetAt) return null;
  const hours = await readSetting("oneTimePasswordHours");
  return Date.now() - account.oneTimePasswordSetAt.getTime() >= hours * 60 * 60 * 1000 ? "one_time_password_expired" : null;
}

/** The sign-in that a one-time password opened spends it (in the sign-in's transaction). */
export async function spendOneTimePassword(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.user.updateMany({ where: { id: userId, mustChangePassword: true, oneTimePasswordUsedAt: null }, data: { oneTimePasswordUsedAt: new Date() } });
}
