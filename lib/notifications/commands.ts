import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand } from "@/lib/kernel/registry";
import { noticeKinds, updateNoticesSchema } from "./schemas";

/**
 * A user chooses which notices they get and the language that comes first in them. Permission `portal.read`, held
 * by every signed-in role: the command changes only the caller's own preferences (its id comes from the session,
 * never from the input), so there is no record of anyone else to authorize.
 */
export const updateNotices = defineCommand({
  name: "profile.updateNotices",
  permission: "portal.read",
  schema: updateNoticesSchema,
  async run({ user, input, tx, requestId }) {
    const current = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { preferredLanguage: true, noticePreferences: { select: { kind: true, enabled: true } } },
    });
    const wasOff = current.noticePreferences.filter((preference) => !preference.enabled).map((preference) => preference.kind).sort();
    const wanted = new Set(input.notices);
    const nowOff = noticeKinds.filter((kind) => !wanted.has(kind));
    const language = input.language ?? current.preferredLanguage;

    for (const kind of noticeKinds) {
      const enabled = wanted.has(kind);
      await tx.noticePreference.upsert({
        where: { userId_kind: { userId: user.id, kind } },
        create: { userId: user.id, kind, enabled },
        update: { enabled },
      });
    }
    if (language !== current.preferredLanguage) {
      await tx.user.update({ where: { id: user.id }, data: { preferredLanguage: language, version: { increment: 1 } } });
    }

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (JSON.stringify(wasOff) !== JSON.stringify([...nowOff].sort())) {
      before.noticesOff = wasOff;
      after.noticesOff = [...nowOff].sort();
    }
    if (language !== current.preferredLanguage) {
      before.preferredLanguage = current.preferredLanguage;
      after.preferredLanguage = language;
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: "profile.update_notices",
      entityType: "user",
      entityId: user.id,
      before: before as never,
      after: after as never,
      requestId,
    });
    return { language, noticesOff: nowOff };
  },
});
