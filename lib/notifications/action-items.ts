import { byLocale } from "@/lib/i18n/localized";
import { enqueueMessages } from "@/lib/mail/outbox";
import { notifyInPortal } from "./centre";
import { baseUrlOf, clientOf, isoWeek, localizedField, longDate, noticeFor, recipientsFor, torontoClock, torontoDate, type NoticeOptions } from "./shared";
import { OPEN_ACTION_ITEM_STATUSES } from "@/lib/kernel/rules";

/** Items listed per department in a digest; the rest are counted ("and 12 more"). */
const DIGEST_LIST_LIMIT = 25;

/**
 * An action item was assigned (or reassigned): its assignee is told. Call it in the transaction that sets the
 * assignee. The dedupe key carries the item's version, so a later reassignment notifies again while a retried call
 * does not. Returns how many messages were newly queued (0 without an assignee).
 */
export async function notifyActionItemAssigned(actionItemId: string, options: NoticeOptions & { actorId?: string } = {}): Promise<number> {
  const client = clientOf(options);
  const baseUrl = baseUrlOf(options);
  const item = await client.actionItem.findUnique({
    where: { id: actionItemId },
    select: {
      id: true,
      titleEn: true,
      titleFr: true,
      detailsEn: true,
      detailsFr: true,
      dueDate: true,
      status: true,
      version: true,
      assigneeId: true,
      ownerDepartment: { select: { nameEn: true, nameFr: true } },
    },
  });
  if (!item?.assigneeId || item.status === "DONE" || item.status === "CANCELLED") return 0;
  // The notification centre (issue 22) tells the assignee too, whatever their e-mail choice.
  await notifyInPortal(client, [{ recipientId: item.assigneeId, kind: "ACTION_ITEM_ASSIGNED", actorId: options.actorId ?? null, href: "/action-items?view=mine", titleEn: item.titleEn, titleFr: item.titleFr }]);
  const recipients = await recipientsFor(client, { id: item.assigneeId }, "ACTION_ITEM_ASSIGNED");
  const messages = recipients.map((recipient) =>
    noticeFor({
      recipient,
      kind: "ACTION_ITEM_ASSIGNED",
      dedupeKey: `action-item.assigned:${item.id}:${recipient.id}:v${item.version}`,
      baseUrl,
      section: (locale, t) => {
        const values = {
          title: localizedField(locale, t, item.titleEn, item.titleFr),
          department: byLocale(locale, item.ownerDepartment.nameEn, item.ownerDepartment.nameFr),
          due: longDate(item.dueDate, locale),
        };
        const details = localizedField(locale, t, item.detailsEn, item.detailsFr);
        return {
          subject: t("actionItemAssigned.subject", values),
          paragraphs: [t("actionItemAssigned.body", values), ...(details ? [details] : [])],
          action: { label: t("actionItemAssigned.action"), path: "/action-items" },
        };
      },
    }),
  );
  return enqueueMessages(client, messages);
}

/**
 * The weekly digest: for each department with overdue action items (due before today in Toronto, neither done nor
 * cancelled), its representatives get the list. Sent from 07:00 Toronto time on the first weekday the worker runs
 * in an ISO week; the dedupe key per week, department and person makes it once a week however often this runs.
 */
export async function scheduleOverdueDigests(now: Date, options: NoticeOptions = {}): Promise<number> {
  const { hour, weekday } = torontoClock(now);
  if (weekday > 5 || hour < 7) return 0;
  const client = clientOf(options);
  const baseUrl = baseUrlOf(options);
  const today = torontoDate(now);
  const week = isoWeek(today);
  // Overdue (lib/kernel/rules.ts): open, and due before today in Toronto.
  const overdue = { status: { in: [...OPEN_ACTION_ITEM_STATUSES] }, dueDate: { lt: new Date(`${today}T00:00:00Z`) } };

  const counts = await client.actionItem.groupBy({ by: ["ownerDepartmentId"], where: overdue, _count: { _all: true } });
  let queued = 0;
  for (const { ownerDepartmentId, _count } of counts) {
    const recipients = await recipientsFor(client, { role: "DEPARTMENT_REP", departmentId: ownerDepartmentId }, "OVERDUE_DIGEST");
    if (recipients.length === 0) continue;
    const [department, items] = await Promise.all([
      client.department.findUniqueOrThrow({ where: { id: ownerDepartmentId }, select: { nameEn: true, nameFr: true } }),
      client.actionItem.findMany({
        where: { ...overdue, ownerDepartmentId },
        select: { titleEn: true, titleFr: true, dueDate: true },
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
        take: DIGEST_LIST_LIMIT,
      }),
    ]);
    const total = _count._all;
    const messages = recipients.map((recipient) =>
      noticeFor({
        recipient,
        kind: "OVERDUE_DIGEST",
        dedupeKey: `action-item.overdue-digest:${week}:${ownerDepartmentId}:${recipient.id}`,
        baseUrl,
        section: (locale, t) => {
          const values = { department: byLocale(locale, department.nameEn, department.nameFr), count: total, today: longDate(new Date(`${today}T00:00:00Z`), locale) };
          const listed = items.map((item) => t("overdueDigest.item", { title: localizedField(locale, t, item.titleEn, item.titleFr), due: longDate(item.dueDate, locale) }));
          if (total > items.length) listed.push(t("overdueDigest.more", { count: total - items.length }));
          return {
            subject: t("overdueDigest.subject", values),
            paragraphs: [t("overdueDigest.body", values)],
            items: listed,
            action: { label: t("overdueDigest.action"), path: "/action-items" },
          };
        },
      }),
    );
    queued += await enqueueMessages(client, messages);
  }
  return queued;
}
