import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/types";
import type { CommandResult } from "@/lib/kernel/result";
import { findUnstorableText, toFieldErrors } from "@/lib/kernel/validation";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { mailConfig } from "@/lib/mail/config";
import { enqueueMessages } from "@/lib/mail/outbox";
import { problemReportMessages, problemReportRecipients } from "./mail";
import { problemReportLimits, problemReportSchema } from "./schemas";

export type SubmitProblemReportOptions = {
  requestId?: string;
  /** The client's address (lib/auth/client-address), kept with the report and its audit event; throttles visitors. */
  ip: string;
  /** The language of the page the report was sent from. */
  locale: Locale;
  /** The portal's address for the links in the mail; NEXTAUTH_URL by default. */
  baseUrl?: string;
  /** The throttle's limits; the defaults of problemReportLimits unless a test lowers them. */
  limits?: { perSourcePerHour: number; mailedPerHour: number };
};

export type SubmittedProblemReport = { id: string; mailed: number };

/**
 * "Report a problem on this page": stores the report, audits it and queues its mail to the secretariat, in one
 * transaction. The one write open to visitors who are not signed in (the sign-in page and the notices have the
 * form too), so it is not a registry command (lib/commands refuses signed-out callers by design); it follows the
 * registry's order all the same: unstorable text → schema → throttle → one transaction with the audit event, and
 * answers a CommandResult that runFormCommand shows like any other. Nothing is written when it refuses.
 */
export async function submitProblemReport(user: SessionUser | null, rawInput: unknown, options: SubmitProblemReportOptions): Promise<CommandResult<SubmittedProblemReport>> {
  const unstorable = findUnstorableText(rawInput);
  if (unstorable) return { ok: false, code: "invalid", fieldErrors: unstorable };
  const parsed = problemReportSchema.safeParse(rawInput);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: toFieldErrors(parsed.error) };
  const input = parsed.data;
  const requestId = options.requestId ?? randomUUID();
  const ip = options.ip.slice(0, 64);
  const source = user ? `user:${user.id}` : `ip:${ip}`;
  const hourAgo = new Date(Date.now() - 60 * 60_000);
  const limits = options.limits ?? problemReportLimits;

  return db.$transaction(async (tx) => {
    // One report at a time per source, so that concurrent submissions cannot all pass the count below.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`problem-report:${source}`}))`;
    const recent = await tx.problemReport.count({
      where: { createdAt: { gte: hourAgo }, ...(user ? { reporterId: user.id } : { reporterId: null, ip }) },
    });
    if (recent >= limits.perSourcePerHour) {
      return { ok: false, code: "invalid", fieldErrors: { description: [{ key: "tooManyReports" }] } } as const;
    }

    const report = await tx.problemReport.create({
      data: {
        pagePath: input.pagePath,
        description: input.description,
        contactEmail: input.contactEmail ?? null,
        reporterId: user?.id ?? null,
        locale: options.locale,
        requestId,
        ip,
      },
      select: { id: true, createdAt: true },
    });

    // Past the hourly ceiling for everyone together the report is kept but not mailed: the list still shows it.
    const lastHour = await tx.problemReport.count({ where: { createdAt: { gte: hourAgo } } });
    let mailed = 0;
    if (lastHour <= limits.mailedPerHour) {
      const recipients = await problemReportRecipients(tx);
      const messages = problemReportMessages(
        { id: report.id, pagePath: input.pagePath, description: input.description, contactEmail: input.contactEmail ?? null, reporterName: user ? `${user.displayName} <${user.email}>` : null, requestId, createdAt: report.createdAt },
        recipients,
        options.baseUrl ?? mailConfig().baseUrl,
      );
      mailed = await enqueueMessages(tx, messages);
    }

    await recordAudit(tx, {
      actorId: user?.id ?? null,
      action: "problem_report.create",
      entityType: "problem_report",
      entityId: report.id,
      after: { pagePath: input.pagePath, description: input.description, contactEmail: input.contactEmail ?? null, locale: options.locale, mailed },
      requestId,
      ip,
    });
    return { ok: true, data: { id: report.id, mailed } } as const;
  });
}
