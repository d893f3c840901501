import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { calendarDate, torontoToday } from "@/lib/meetings/time";
import { readSetting } from "@/lib/settings/queries";
import { onAgenda } from "./on-agenda";

export const suggestionReasons = ["redAmber", "worsened", "overdueAction", "stale", "missingUpdate", "previousOpen"] as const;
export type SuggestionReason = (typeof suggestionReasons)[number];

export type Suggestion = {
  /** "initiative:<id>" or "actionItem:<id>": one suggestion per record, with every reason it is suggested for. */
  key: string;
  reasons: SuggestionReason[];
  titleEn: string;
  titleFr: string;
  initiativeId: string | null;
  actionItemId: string | null;
  presentingDepartmentId: string | null;
  kind: "DISCUSSION";
  minutes: number;
};

const initiativeSelect = { id: true, code: true, titleEn: true, titleFr: true, leadDepartmentId: true } as const;
const actionItemSelect = { id: true, titleEn: true, titleFr: true, ownerDepartmentId: true } as const;

/**
 * What the coordinator may want on this meeting's agenda (DESIGN §4): RED and AMBER initiatives, initiatives
 * whose health worsened since the last meeting, overdue action items, initiatives with no update in `staleDays`,
 * missing updates for the open update calls, and the previous meeting's open action items. Records already
 * linked from this agenda are left out.
 */
export async function listAgendaSuggestions(_user: SessionUser, meetingId: string, now = new Date()): Promise<Suggestion[]> {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: { startsAt: true, agendaItems: { where: onAgenda, select: { initiativeId: true, actionItemId: true } } },
  });
  if (!meeting) return [];
  const linkedInitiatives = new Set(meeting.agendaItems.map((item) => item.initiativeId).filter(Boolean));
  const linkedActionItems = new Set(meeting.agendaItems.map((item) => item.actionItemId).filter(Boolean));
  const staleDays = await readSetting("staleDays");
  const staleBefore = new Date(now.getTime() - staleDays * 86_400_000);
  const today = calendarDate(torontoToday(now));
  const active = { archivedAt: null, status: "ACTIVE" as const };
  const previous = await db.meeting.findFirst({ where: { startsAt: { lt: meeting.startsAt } }, orderBy: { startsAt: "desc" }, select: { id: true, startsAt: true } });

  const [redAmber, stale, overdue, previousOpen, missing, worsenedIds] = await Promise.all([
    db.initiative.findMany({ where: { ...active, health: { in: ["RED", "AMBER"] } }, select: initiativeSelect, orderBy: { code: "asc" } }),
    db.initiative.findMany({ where: { ...active, OR: [{ lastUpdatedAt: null }, { lastUpdatedAt: { lt: staleBefore } }] }, select: initiativeSelect, orderBy: { code: "asc" } }),
    db.actionItem.findMany({ where: { status: { in: ["OPEN", "IN_PROGRESS"] }, dueDate: { lt: today } }, select: actionItemSelect, orderBy: { dueDate: "asc" }, take: 50 }),
    previous
      ? db.actionItem.findMany({ where: { meetingId: previous.id, status: { in: ["OPEN", "IN_PROGRESS"] } }, select: actionItemSelect, orderBy: { dueDate: "asc" } })
      : Promise.resolve([]),
    missingUpdatesForOpenCalls(),
    previous ? initiativesWorsenedSince(previous.startsAt) : Promise.resolve([] as string[]),
  ]);
  const worsened = worsenedIds.length > 0 ? await db.initiative.findMany({ where: { id: { in: worsenedIds } }, select: initiativeSelect, orderBy: { code: "asc" } }) : [];

  const byKey = new Map<string, Suggestion>();
  const addInitiative = (reason: SuggestionReason, initiative: { id: string; code: string; titleEn: string; titleFr: string; leadDepartmentId: string }) => {
    if (linkedInitiatives.has(initiative.id)) return;
    const key = `initiative:${initiative.id}`;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.reasons.includes(reason)) existing.reasons.push(reason);
      return;
    }
    byKey.set(key, {
      key,
      reasons: [reason],
      titleEn: `${initiative.code} — ${initiative.titleEn}`,
      titleFr: `${initiative.code} — ${initiative.titleFr}`,
      initiativeId: initiative.id,
      actionItemId: null,
      presentingDepartmentId: initiative.leadDepartmentId,
      kind: "DISCUSSION",
      minutes: 10,
    });
  };
  const addActionItem = (reason: SuggestionReason, item: { id: string; titleEn: string; titleFr: string; ownerDepartmentId: string }) => {
    if (linkedActionItems.has(item.id)) return;
    const key = `actionItem:${item.id}`;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.reasons.includes(reason)) existing.reasons.push(reason);
      return;
    }
    byKey.set(key, {
      key,
      reasons: [reason],
      titleEn: `Action item: ${item.titleEn}`,
      titleFr: `Mesure de suivi : ${item.titleFr}`,
      initiativeId: null,
      actionItemId: item.id,
      presentingDepartmentId: item.ownerDepartmentId,
      kind: "DISCUSSION",
      minutes: 5,
    });
  };
  redAmber.forEach((initiative) => addInitiative("redAmber", initiative));
  worsened.forEach((initiative) => addInitiative("worsened", initiative));
  stale.forEach((initiative) => addInitiative("stale", initiative));
  missing.forEach((initiative) => addInitiative("missingUpdate", initiative));
  overdue.forEach((item) => addActionItem("overdueAction", item));
  previousOpen.forEach((item) => addActionItem("previousOpen", item));
  return [...byKey.values()];
}


/** Active initiatives whose current health is worse than their health as of `since` (their last update before it). */
async function initiativesWorsenedSince(since: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT i.id::text AS id
    FROM initiatives i
    JOIN LATERAL (
      SELECT su.health FROM status_updates su
      WHERE su.initiative_id = i.id AND su.created_at <= ${since}
      ORDER BY su.created_at DESC LIMIT 1
    ) past ON true
    WHERE i.archived_at IS NULL AND i.health IS NOT NULL
      AND (CASE i.health WHEN 'GREEN' THEN 0 WHEN 'AMBER' THEN 1 ELSE 2 END)
        > (CASE past.health WHEN 'GREEN' THEN 0 WHEN 'AMBER' THEN 1 ELSE 2 END)`;
  return rows.map((row) => row.id);
}

/** Initiatives covered by an open update call that have no status update for the call's reporting period yet. */
async function missingUpdatesForOpenCalls() {
  const calls = await db.updateCall.findMany({ where: { status: "OPEN" }, select: { reportingPeriod: true, initiatives: { select: { initiativeId: true } } } });
  const missing = new Map<string, true>();
  for (const call of calls) {
    const ids = call.initiatives.map((entry) => entry.initiativeId);
    if (ids.length === 0) continue;
    const reported = await db.statusUpdate.findMany({ where: { initiativeId: { in: ids }, reportingPeriod: call.reportingPeriod }, select: { initiativeId: true }, distinct: ["initiativeId"] });
    const done = new Set(reported.map((update) => update.initiativeId));
    ids.filter((id) => !done.has(id)).forEach((id) => missing.set(id, true));
  }
  if (missing.size === 0) return [];
  return db.initiative.findMany({ where: { id: { in: [...missing.keys()] }, archivedAt: null }, select: initiativeSelect, orderBy: { code: "asc" } });
}
