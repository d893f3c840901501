import type { DbClient } from "./outbox";

/** The settings row an administrator flips to pause all outgoing mail (messages keep queuing meanwhile). */
export const MAIL_PAUSED_SETTING = "mail.paused";

export async function readMailPaused(client: DbClient): Promise<boolean> {
  const setting = await client.setting.findUnique({ where: { key: MAIL_PAUSED_SETTING }, select: { value: true } });
  return setting?.value === true;
}
