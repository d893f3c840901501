import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import type { MailStatus } from "@/lib/generated/prisma/client";
import { mailConfig } from "./config";
import { readMailPaused } from "./settings";

export const OUTBOX_PAGE_SIZE = 25;
export const mailStatuses = ["QUEUED", "SENDING", "SENT", "FAILED"] as const satisfies readonly MailStatus[];

export type OutboxOverview = {
  paused: boolean;
  smtpConfigured: boolean;
  counts: Record<MailStatus, number>;
  /** Failed for good (invalid address, refused, gave up): what administrators must look at. */
  undeliverable: number;
};

/** Administrators only; anyone else gets null (the page answers 404). */
export async function getOutboxOverview(user: SessionUser): Promise<OutboxOverview | null> {
  if (!can(user, "admin.manage")) return null;
  const [paused, grouped] = await Promise.all([readMailPaused(db), db.outboundMessage.groupBy({ by: ["status"], _count: { _all: true } })]);
  const counts = Object.fromEntries(mailStatuses.map((status) => [status, 0])) as Record<MailStatus, number>;
  for (const row of grouped) counts[row.status] = row._count._all;
  return { paused, smtpConfigured: mailConfig().smtp !== null, counts, undeliverable: counts.FAILED };
}

/** A page of the outbox, newest first, optionally of one state; paginated in the database. */
export async function listOutbox(user: SessionUser, { status, page }: { status?: MailStatus; page: number }) {
  if (!can(user, "admin.manage")) return null;
  const where = status ? { status } : {};
  const [total, messages] = await Promise.all([
    db.outboundMessage.count({ where }),
    db.outboundMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        toAddress: true,
        subject: true,
        textBody: true,
        attachments: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastError: true,
        failureReason: true,
        sentAt: true,
        createdAt: true,
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
    messages: messages.map((message) => ({
      ...message,
      attachmentNames: Array.isArray(message.attachments)
        ? message.attachments.map((attachment) => String((attachment as { filename?: unknown })?.filename ?? "")).filter(Boolean)
        : [],
    })),
  };
}
