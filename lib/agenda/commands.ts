import "server-only";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { defineCommand, type Tx } from "@/lib/kernel/registry";
import { refuseConflict, refuseField, refuseNotFound } from "@/lib/kernel/refusals";
import { addAgendaItemSchema, type AddAgendaItemInput, publishAgendaSchema, recordOutcomeSchema, removeAgendaItemSchema, reorderAgendaSchema, startAgendaSchema, updateAgendaItemSchema } from "./schemas";
import { onAgenda } from "./on-agenda";
import { closingItemCount, standardAgenda } from "./template";
import { notifyAgendaChanged, notifyAgendaPublished } from "@/lib/notifications";
import { checkLanguageGate } from "@/lib/translation/commands";

/**
 * Every agenda change goes through here first. A held meeting's agenda is the record and no longer changes; a
 * published one changes only with a change note, and each change raises the calendar SEQUENCE.
 */
async function openAgendaForChange(tx: Tx, meetingId: string, changeNote: string | undefined) {
  const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { id: true, agendaStatus: true } });
  if (!meeting) refuseNotFound();
  if (meeting.agendaStatus === "HELD") refuseField("_form", "locked");
  const published = meeting.agendaStatus === "PUBLISHED";
  if (published && !changeNote) refuseField("changeNote", "changeNoteRequired");
  return {
    published,
    /** Call once the change is written. */
    async touch() {
      await tx.meeting.update({ where: { id: meetingId }, data: { version: { increment: 1 }, ...(published ? { icsSequence: { increment: 1 } } : {}) } });
      // Members hold the published agenda in their calendars: tell them it changed (with the new SEQUENCE).
      if (published) await notifyAgendaChanged(meetingId, { client: tx });
    },
  };
}

/** The fields of an agenda item that a coordinator types, as stored (absent links are null). */
function itemFields(input: {
  titleEn: string;
  titleFr: string;
  kind: "DECISION" | "DISCUSSION" | "INFORMATION";
  minutes: number;
  presentingDepartmentId?: string | null;
  initiativeId?: string | null;
  actionItemId?: string | null;
}) {
  return {
    titleEn: input.titleEn,
    titleFr: input.titleFr,
    kind: input.kind,
    minutes: input.minutes,
    presentingDepartmentId: input.presentingDepartmentId ?? null,
    initiativeId: input.initiativeId ?? null,
    actionItemId: input.actionItemId ?? null,
  };
}

/**
 * The links an item names must exist; a new link to an archived initiative is refused. An item already linked to
 * an initiative archived since keeps its link through other edits (`keptInitiativeId`).
 */
async function checkLinks(tx: Tx, input: { initiativeId?: string; actionItemId?: string; presentingDepartmentId?: string }, keptInitiativeId: string | null = null) {
  if (input.initiativeId) {
    const initiative = await tx.initiative.findUnique({ where: { id: input.initiativeId }, select: { archivedAt: true } });
    if (!initiative) refuseField("initiativeId", "invalidChoice");
    if (initiative.archivedAt && input.initiativeId !== keptInitiativeId) refuseField("initiativeId", "archivedInitiative");
  }
  if (input.actionItemId) {
    const item = await tx.actionItem.findUnique({ where: { id: input.actionItemId }, select: { id: true } });
    if (!item) refuseField("actionItemId", "invalidChoice");
  }
  if (input.presentingDepartmentId) {
    const department = await tx.department.findUnique({ where: { id: input.presentingDepartmentId }, select: { id: true } });
    if (!department) refuseField("presentingDepartmentId", "invalidChoice");
  }
}

const closingTitles = new Set(standardAgenda.slice(-closingItemCount).map((item) => item.titleEn));

/** Coordinators and admins: a new agenda is the standard template. Only an agenda with no items yet. */
export const startAgenda = defineCommand({
  name: "agenda.start",
  permission: "meeting.manage",
  schema: startAgendaSchema,
  run: async ({ user, input, tx, requestId }) => {
    const agenda = await openAgendaForChange(tx, input.meetingId, undefined);
    if (agenda.published) refuseField("_form", "locked");
    if ((await tx.agendaItem.count({ where: { meetingId: input.meetingId, ...onAgenda } })) > 0) refuseField("_form", "invalid");
    const chair = await tx.department.findFirst({ where: { isChair: true }, select: { id: true } });
    const data = standardAgenda.map((item, index) => ({
      meetingId: input.meetingId,
      position: index + 1,
      titleEn: item.titleEn,
      titleFr: item.titleFr,
      kind: item.kind,
      minutes: item.minutes,
      presentingDepartmentId: item.chairPresents ? (chair?.id ?? null) : null,
    }));
    await tx.agendaItem.createMany({ data });
    await agenda.touch();
    await recordAudit(tx, { actorId: user.id, action: "agenda.start", entityType: "meeting", entityId: input.meetingId, after: { items: data.map((item) => item.titleEn) }, requestId });
    return { count: data.length };
  },
});

/**
 * Adds an item to an agenda not yet held, in the caller's transaction, audited as `agenda.addItem`: the one path
 * for a new agenda item (the add command, and an accepted agenda proposal). A new item goes before the closing
 * items (other business, next meeting).
 */
export async function insertAgendaItem(tx: Tx, { user, input, requestId }: { user: { id: string }; input: AddAgendaItemInput; requestId: string }) {
  const agenda = await openAgendaForChange(tx, input.meetingId, input.changeNote);
  await checkLinks(tx, input);
  const items = await tx.agendaItem.findMany({ where: { meetingId: input.meetingId, ...onAgenda }, select: { id: true, position: true, titleEn: true }, orderBy: { position: "asc" } });
  let trailing = 0;
  while (trailing < Math.min(closingItemCount, items.length) && closingTitles.has(items[items.length - 1 - trailing]!.titleEn)) trailing++;
  const position = items.length - trailing + 1;
  // Positions are unique per meeting only at COMMIT (deferred constraint), so shifting then inserting is safe.
  await tx.agendaItem.updateMany({ where: { meetingId: input.meetingId, ...onAgenda, position: { gte: position } }, data: { position: { increment: 1 } } });
  const data = { meetingId: input.meetingId, position, ...itemFields(input) };
  const created = await tx.agendaItem.create({ data, select: { id: true } });
  await agenda.touch();
  await recordAudit(tx, {
    actorId: user.id,
    action: "agenda.addItem",
    entityType: "agenda_item",
    entityId: created.id,
    after: { ...data, ...(input.changeNote ? { changeNote: input.changeNote } : {}) },
    requestId,
  });
  return { id: created.id };
}

/** Coordinators and admins. A new item goes before the closing items (other business, next meeting). */
export const addAgendaItem = defineCommand({
  name: "agenda.addItem",
  permission: "meeting.manage",
  schema: addAgendaItemSchema,
  run: async ({ user, input, tx, requestId }) => insertAgendaItem(tx, { user, input, requestId }),
});

/** Every field of an item on an agenda not yet held. Conflicts when `version` is stale (someone saved in between). */
export const updateAgendaItem = defineCommand({
  name: "agenda.updateItem",
  permission: "meeting.manage",
  schema: updateAgendaItemSchema,
  run: async ({ user, input, tx, requestId }) => {
    const before = await tx.agendaItem.findFirst({
      where: { id: input.id, ...onAgenda },
      select: { meetingId: true, titleEn: true, titleFr: true, kind: true, minutes: true, presentingDepartmentId: true, initiativeId: true, actionItemId: true },
    });
    if (!before) refuseNotFound();
    const agenda = await openAgendaForChange(tx, before.meetingId, input.changeNote);
    await checkLinks(tx, input, before.initiativeId);
    const data = itemFields(input);
    const changed = await tx.agendaItem.updateMany({ where: { id: input.id, version: input.version, ...onAgenda }, data: { ...data, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "agenda_item", input.id);
    await agenda.touch();
    const diff = changedFields(before, data);
    await recordAudit(tx, {
      actorId: user.id,
      action: "agenda.updateItem",
      entityType: "agenda_item",
      entityId: input.id,
      before: diff.before,
      after: { ...diff.after, ...(input.changeNote ? { changeNote: input.changeNote } : {}) },
      requestId,
    });
    return { id: input.id, version: input.version + 1 };
  },
});

/**
 * Removes an item from an agenda not yet held. The row stays (nothing is hard-deleted): `deletedAt` hides it from
 * every read, and the items after it move up so the positions on the agenda stay 1, 2, 3 …
 */
export const removeAgendaItem = defineCommand({
  name: "agenda.removeItem",
  permission: "meeting.manage",
  schema: removeAgendaItemSchema,
  run: async ({ user, input, tx, requestId }) => {
    const before = await tx.agendaItem.findFirst({
      where: { id: input.id, ...onAgenda },
      select: { meetingId: true, position: true, titleEn: true, titleFr: true, kind: true, minutes: true, presentingDepartmentId: true, initiativeId: true, actionItemId: true },
    });
    if (!before) refuseNotFound();
    const agenda = await openAgendaForChange(tx, before.meetingId, input.changeNote);
    const deletedAt = new Date();
    await tx.agendaItem.update({ where: { id: input.id }, data: { deletedAt, deletedById: user.id } });
    await tx.agendaItem.updateMany({ where: { meetingId: before.meetingId, ...onAgenda, position: { gt: before.position } }, data: { position: { decrement: 1 } } });
    await agenda.touch();
    await recordAudit(tx, {
      actorId: user.id,
      action: "agenda.removeItem",
      entityType: "agenda_item",
      entityId: input.id,
      before,
      after: { deletedAt: deletedAt.toISOString(), ...(input.changeNote ? { changeNote: input.changeNote } : {}) },
      requestId,
    });
    return { id: input.id };
  },
});

/** The new order of every item of the agenda (exactly its items, each once). */
export const reorderAgenda = defineCommand({
  name: "agenda.reorder",
  permission: "meeting.manage",
  schema: reorderAgendaSchema,
  run: async ({ user, input, tx, requestId }) => {
    const agenda = await openAgendaForChange(tx, input.meetingId, input.changeNote);
    const items = await tx.agendaItem.findMany({ where: { meetingId: input.meetingId, ...onAgenda }, select: { id: true }, orderBy: { position: "asc" } });
    const current = items.map((item) => item.id);
    const sameSet = current.length === input.itemIds.length && new Set(input.itemIds).size === current.length && input.itemIds.every((id) => current.includes(id));
    if (!sameSet) refuseField("itemIds", "invalid");
    for (const [index, id] of input.itemIds.entries()) {
      await tx.agendaItem.update({ where: { id }, data: { position: index + 1 } });
    }
    await agenda.touch();
    await recordAudit(tx, {
      actorId: user.id,
      action: "agenda.reorder",
      entityType: "meeting",
      entityId: input.meetingId,
      before: { order: current },
      after: { order: input.itemIds, ...(input.changeNote ? { changeNote: input.changeNote } : {}) },
      requestId,
    });
    return { order: input.itemIds };
  },
});

/** Publishes a draft agenda that has items; raises the calendar SEQUENCE. */
export const publishAgenda = defineCommand({
  name: "agenda.publish",
  permission: "meeting.manage",
  schema: publishAgendaSchema,
  run: async ({ user, input, tx, requestId }) => {
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: { agendaStatus: true, _count: { select: { agendaItems: { where: onAgenda } } } } });
    if (!meeting) refuseNotFound();
    if (meeting.agendaStatus !== "DRAFT") refuseField("_form", "locked");
    if (meeting._count.agendaItems === 0) refuseField("_form", "emptyAgenda");
    // Both official languages go out at the same time (issue 21), unless the coordinator overrides with a reason.
    await checkLanguageGate(tx, { user, meetingId: input.meetingId, scope: "agenda", overrideReason: input.overrideReason, requestId });
    const publishedAt = new Date();
    await tx.meeting.update({ where: { id: input.meetingId }, data: { agendaStatus: "PUBLISHED", publishedAt, icsSequence: { increment: 1 }, version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "agenda.publish",
      entityType: "meeting",
      entityId: input.meetingId,
      before: { agendaStatus: "DRAFT" },
      after: { agendaStatus: "PUBLISHED", publishedAt: publishedAt.toISOString() },
      requestId,
    });
    await notifyAgendaPublished(input.meetingId, { client: tx });
    return { publishedAt: publishedAt.toISOString() };
  },
});

/** At or after the meeting: what came of an item (an item for decision ends with a decision, or deferred). */
export const recordAgendaOutcome = defineCommand({
  name: "agenda.recordOutcome",
  permission: "meeting.manage",
  schema: recordOutcomeSchema,
  run: async ({ user, input, tx, requestId }) => {
    const before = await tx.agendaItem.findFirst({ where: { id: input.id, ...onAgenda }, select: { outcome: true, deferred: true, meeting: { select: { agendaStatus: true } } } });
    if (!before) refuseNotFound();
    if (before.meeting.agendaStatus !== "HELD") refuseField("_form", "invalid");
    const data = { outcome: input.outcome ?? null, deferred: input.deferred };
    await tx.agendaItem.update({ where: { id: input.id }, data });
    const diff = changedFields({ outcome: before.outcome, deferred: before.deferred }, data);
    await recordAudit(tx, { actorId: user.id, action: "agenda.recordOutcome", entityType: "agenda_item", entityId: input.id, before: diff.before, after: diff.after, requestId });
    return { id: input.id };
  },
});
