import "server-only";
import { createTranslator } from "next-intl";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { catalogues } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/routing";
import { composeBilingual } from "@/lib/mail/compose";
import { mailConfig } from "@/lib/mail/config";
import { enqueueMessages, messageTo, type QueuedMessage } from "@/lib/mail/outbox";
import { throttlePolicy } from "./throttle";

const translator = (locale: Locale) => createTranslator({ locale, messages: catalogues[locale], namespace: "SignInSecurity" });

type Person = { id: string; email: string; displayName: string; preferredLanguage: Locale };

/**
 * An account is under attack (throttlePolicy.attackFailures wrong passwords within the window): its owner and every
 * active administrator get a bilingual notice through the mail outbox, and the attack is audited
 * (`auth.under_attack`). Once per account per notice window, however many attempts follow: the check and the notice
 * are one transaction serialized per account, so concurrent failures on several instances send one notice.
 * Security notices cannot be turned off in the profile. Returns how many messages were queued.
 */
export async function notifyAccountUnderAttack(userId: string, { failures, ip }: { failures: number; ip: string }, now: Date = new Date()): Promise<number> {
  const baseUrl = mailConfig().baseUrl;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${userId}, 1718))`;
    const noticeSince = new Date(now.getTime() - throttlePolicy.noticeWindowMinutes * 60_000);
    const already = await tx.auditEvent.findFirst({
      where: { entityType: "user", entityId: userId, action: "auth.under_attack", occurredAt: { gte: noticeSince } },
      select: { id: true },
    });
    if (already) return 0;
    const person = { id: true, email: true, displayName: true, preferredLanguage: true } as const;
    const owner = await tx.user.findUnique({ where: { id: userId }, select: { ...person, active: true } });
    if (!owner) return 0;
    const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true, id: { not: userId } }, select: person, orderBy: { email: "asc" } });
    const windowStart = new Date(now.getTime() - throttlePolicy.windowMinutes * 60_000);
    const [{ addresses } = { addresses: 1 }] = await tx.$queryRaw<{ addresses: number }[]>`
      SELECT count(DISTINCT ip)::int AS addresses FROM sign_in_attempts
       WHERE email = ${owner.email}::citext AND NOT succeeded AND attempted_at > ${windowStart}`;
    const values = { minutes: throttlePolicy.windowMinutes, failures, addresses, email: owner.email, name: owner.displayName, ip, hours: throttlePolicy.noticeWindowMinutes / 60 };
    // One notice per attack window: the audit event below is what the next failure finds.
    const attack = `${userId}:${now.toISOString()}`;

    const message = (recipient: Person, kind: "owner" | "admin"): QueuedMessage => {
      const composed = composeBilingual({
        language: recipient.preferredLanguage,
        baseUrl,
        section: (locale, mail) => {
          const t = translator(locale);
          return kind === "owner"
            ? { subject: t("ownerSubject"), greeting: mail("greeting", { name: recipient.displayName }), paragraphs: [t("ownerBody", values), t("ownerAdvice")], action: { label: t("ownerAction"), path: "/profile" } }
            : {
                subject: t("adminSubject", values),
                greeting: mail("greeting", { name: recipient.displayName }),
                paragraphs: [t("adminBody", values), t("adminAdvice", values)],
                action: { label: t("adminAction"), path: "/admin/audit?action=auth.sign_in_failed" },
              };
        },
      });
      return messageTo({ ...recipient, language: recipient.preferredLanguage }, composed, { dedupeKey: `sign-in.under-attack:${attack}:${recipient.id}` });
    };

    const messages = [...(owner.active ? [message(owner, "owner")] : []), ...admins.map((admin) => message(admin, "admin"))];
    const queued = await enqueueMessages(tx, messages);
    await recordAudit(tx, {
      actorId: null,
      action: "auth.under_attack",
      entityType: "user",
      entityId: userId,
      after: { failures, addresses, windowMinutes: throttlePolicy.windowMinutes, notified: messages.map((queuedMessage) => queuedMessage.toAddress) },
      ip,
    });
    return queued;
  });
}

