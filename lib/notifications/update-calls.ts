import { byLocale } from "@/lib/i18n/localized";
import { enqueueMessages } from "@/lib/mail/outbox";
import { baseUrlOf, clientOf, daysUntil, localizedField, longDate, noticeFor, recipientsFor, torontoDate, type NoticeOptions } from "./shared";

type CoveredInitiative = { id: string; code: string; titleEn: string; titleFr: string; leadDepartmentId: string };

/**
 * An update call was opened: each representative of a department that leads an initiative the call covers gets the
 * list of their department's initiatives. Call it in the transaction that opens the call. Returns how many messages
 * were newly queued (0 when already sent, or when the call is not open).
 */
export async function notifyUpdateCallOpened(updateCallId: string, options: NoticeOptions = {}): Promise<number> {
  const client = clientOf(options);
  const baseUrl = baseUrlOf(options);
  const call = await client.updateCall.findUnique({
    where: { id: updateCallId },
    select: {
      id: true,
      reportingPeriod: true,
      dueDate: true,
      status: true,
      messageEn: true,
      messageFr: true,
      initiatives: { select: { initiative: { select: coveredInitiative } }, where: { initiative: { archivedAt: null } } },
    },
  });
  if (!call || call.status !== "OPEN") return 0;
  const initiatives = call.initiatives.map((row) => row.initiative);
  const byDepartment = groupByDepartment(initiatives);
  const recipients = await recipientsFor(client, { role: "DEPARTMENT_REP", departmentId: { in: [...byDepartment.keys()] } }, "UPDATE_CALL_OPENED");

  const messages = recipients.map((recipient) => {
    const own = byDepartment.get(recipient.departmentId ?? "") ?? [];
    return noticeFor({
      recipient,
      kind: "UPDATE_CALL_OPENED",
      dedupeKey: `update-call.opened:${call.id}:${recipient.id}`,
      baseUrl,
      section: (locale, t) => {
        const values = { period: call.reportingPeriod, due: longDate(call.dueDate, locale) };
        const note = localizedField(locale, t, call.messageEn, call.messageFr);
        return {
          subject: t("updateCallOpened.subject", values),
          paragraphs: [t("updateCallOpened.body", values), ...(note ? [note] : [])],
          items: own.map((initiative) => `${initiative.code} — ${byLocale(locale, initiative.titleEn, initiative.titleFr)}`),
          action: { label: t("updateCallOpened.action"), path: "/update-calls" },
        };
      },
    });
  });
  return enqueueMessages(client, messages);
}

/**
 * The reminders before an open call's due date, to the representatives of departments whose updates are missing:
 * the "7 days" reminder from 7 days before until 2 days before (for a call opened before that day), the "1 day"
 * reminder the day before and on the day. Safe to run often and from several instances: each reminder has a dedupe
 * key per call, stage and person. `now` is injectable for tests. Returns how many messages were newly queued.
 */
export async function scheduleUpdateCallReminders(now: Date, options: NoticeOptions = {}): Promise<number> {
  const client = clientOf(options);
  const baseUrl = baseUrlOf(options);
  const today = torontoDate(now);
  const horizon = new Date(`${today}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + 7);
  const calls = await client.updateCall.findMany({
    where: { status: "OPEN", dueDate: { gte: new Date(`${today}T00:00:00Z`), lte: horizon } },
    select: { id: true, reportingPeriod: true, dueDate: true, createdAt: true, resultsFiscalYear: true },
  });

  let queued = 0;
  for (const call of calls) {
    const days = daysUntil(today, call.dueDate);
    const stage = days <= 1 ? "1d" : torontoDate(call.createdAt) < today ? "7d" : null;
    if (!stage) continue;
    // Covered initiatives without a status update for the call's reporting period (what its matrix counts as
    // missing): what is still missing, per lead department.
    const missing = await client.initiative.findMany({
      where: { archivedAt: null, updateCalls: { some: { updateCallId: call.id } }, statusUpdates: { none: { reportingPeriod: call.reportingPeriod } } },
      select: coveredInitiative,
      orderBy: { code: "asc" },
    });
    // results (issue 18): a call that asks for a fiscal year's actuals also reminds of the indicators without one.
    const missingActuals =
      call.resultsFiscalYear === null
        ? []
        : await client.indicator.findMany({
            where: { archivedAt: null, result: { archivedAt: null }, actuals: { none: { fiscalYear: call.resultsFiscalYear } } },
            select: { id: true, code: true, nameEn: true, nameFr: true, responsibleDepartmentId: true },
            orderBy: { code: "asc" },
          });
    const byDepartment = groupByDepartment([
      ...missing,
      ...missingActuals.map((indicator) => ({ id: indicator.id, code: indicator.code, titleEn: indicator.nameEn, titleFr: indicator.nameFr, leadDepartmentId: indicator.responsibleDepartmentId })),
    ]);
    if (byDepartment.size === 0) continue;
    const recipients = await recipientsFor(client, { role: "DEPARTMENT_REP", departmentId: { in: [...byDepartment.keys()] } }, "UPDATE_CALL_REMINDER");

    const messages = recipients.map((recipient) => {
      const own = byDepartment.get(recipient.departmentId ?? "") ?? [];
      return noticeFor({
        recipient,
        kind: "UPDATE_CALL_REMINDER",
        dedupeKey: `update-call.reminder-${stage}:${call.id}:${recipient.id}`,
        baseUrl,
        section: (locale, t) => {
          const values = { period: call.reportingPeriod, due: longDate(call.dueDate, locale), count: own.length, days };
          return {
            subject: t("updateCallReminder.subject", values),
            paragraphs: [t("updateCallReminder.body", values)],
            items: own.map((initiative) => `${initiative.code} — ${byLocale(locale, initiative.titleEn, initiative.titleFr)}`),
            action: { label: t("updateCallReminder.action"), path: "/update-calls" },
          };
        },
      });
    });
    queued += await enqueueMessages(client, messages);
  }
  return queued;
}

const coveredInitiative = { id: true, code: true, titleEn: true, titleFr: true, leadDepartmentId: true } as const;

function groupByDepartment(initiatives: CoveredInitiative[]): Map<string, CoveredInitiative[]> {
  const groups = new Map<string, CoveredInitiative[]>();
  for (const initiative of initiatives) {
    const group = groups.get(initiative.leadDepartmentId) ?? [];
    group.push(initiative);
    groups.set(initiative.leadDepartmentId, group);
  }
  return groups;
}
