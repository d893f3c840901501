import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand } from "@/lib/kernel/registry";
import { MAIL_PAUSED_SETTING, readMailPaused } from "./settings";

export const setMailPausedSchema = z
  .object({
    paused: z.preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean()),
  })
  .strict();

/**
 * Administrators pause or resume all outgoing mail. While paused, notices keep queuing (nothing is lost) and no
 * worker sends; resuming sends what waited.
 */
export const setMailPaused = defineCommand({
  name: "mail.setPaused",
  permission: "admin.manage",
  schema: setMailPausedSchema,
  async run({ user, input, tx, requestId }) {
    const was = await readMailPaused(tx);
    await tx.setting.upsert({
      where: { key: MAIL_PAUSED_SETTING },
      create: { key: MAIL_PAUSED_SETTING, value: input.paused, updatedById: user.id },
      update: { value: input.paused, updatedById: user.id, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "setting.update",
      entityType: "setting",
      entityId: MAIL_PAUSED_SETTING,
      before: { value: was },
      after: { value: input.paused },
      requestId,
    });
    // Resuming sends what waited now rather than at the next minute's sweep (lib/jobs/deliver.ts), in this transaction.
    if (was && !input.paused) await tx.$queryRaw`SELECT graphile_worker.add_job('requeue_messages', '{}'::json, job_key := 'requeue_messages')::text`;
    return { paused: input.paused };
  },
});
