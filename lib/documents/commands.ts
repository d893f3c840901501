import "server-only";
import { onAgenda } from "@/lib/agenda";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand, type Tx } from "@/lib/kernel/registry";
import { refuseConflict, refuseField, refuseNotFound } from "@/lib/kernel/refusals";
import { calendarDate, torontoToday } from "@/lib/kernel/time";
import { notifyPaperRequested } from "@/lib/notifications";
import { cleanFileName, extensionMismatch, HEAD_BYTES, isPlainTextChunk, sniffKind, TAIL_BYTES, type DocumentKind } from "./sniff";
import { documentStore } from "./storage";
import { cancelPaperRequestSchema, requestPaperSchema, uploadDocumentSchema, withdrawDocumentSchema, type DocumentTarget } from "./schemas";

type Parent = { meetingId: string | null; agendaItemId: string | null; initiativeId: string | null };

/**
 * The department that owns the record a document is attached to: an initiative's lead department, an agenda item's
 * presenting department; a meeting belongs to no department (coordinators and administrators only). Null when the
 * record does not exist (or is off the agenda).
 */
export async function parentOwner(tx: Tx, parent: Parent): Promise<{ departmentId: string | null; meetingId: string | null } | null> {
  if (parent.initiativeId) {
    const initiative = await tx.initiative.findUnique({ where: { id: parent.initiativeId }, select: { leadDepartmentId: true } });
    return initiative ? { departmentId: initiative.leadDepartmentId, meetingId: null } : null;
  }
  if (parent.agendaItemId) {
    const item = await tx.agendaItem.findFirst({ where: { id: parent.agendaItemId, ...onAgenda }, select: { presentingDepartmentId: true, meetingId: true } });
    return item ? { departmentId: item.presentingDepartmentId, meetingId: item.meetingId } : null;
  }
  if (parent.meetingId) {
    const meeting = await tx.meeting.findUnique({ where: { id: parent.meetingId }, select: { id: true } });
    return meeting ? { departmentId: null, meetingId: meeting.id } : null;
  }
  return null;
}

export function parentOf(target: DocumentTarget, targetId: string): Parent {
  return { meetingId: target === "meeting" ? targetId : null, agendaItemId: target === "agendaItem" ? targetId : null, initiativeId: target === "initiative" ? targetId : null };
}

/** Is the stored file entirely UTF-8 text without control characters? Read chunk by chunk. */
async function isTextContent(blobId: string): Promise<boolean> {
  const stream = await documentStore().get(blobId);
  if (!stream) return false;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return isPlainTextChunk(decoder.decode());
      if (!isPlainTextChunk(decoder.decode(value, { stream: true }))) {
        await reader.cancel();
        return false;
      }
    }
  } catch {
    return false;
  }
}

/** The stored file's kind from its bytes (first and last bytes; for text, all of them). */
async function sniffStored(blobId: string, size: number, fileName: string): Promise<DocumentKind | null> {
  const store = documentStore();
  const head = await store.read(blobId, 0, Math.min(HEAD_BYTES, size));
  const tailLength = Math.min(TAIL_BYTES, size);
  const tail = await store.read(blobId, size - tailLength, tailLength);
  const binary = sniffKind({ head, tail, size, isText: false, fileName });
  if (binary) return binary;
  return sniffKind({ head, tail, size, isText: await isTextContent(blobId), fileName });
}

async function changedAfterPublication(tx: Tx, meetingId: string | null): Promise<boolean> {
  if (!meetingId) return false;
  const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { agendaStatus: true, publishedAt: true } });
  return meeting !== null && meeting.agendaStatus !== "DRAFT" && meeting.publishedAt !== null;
}

/**
 * A new document, or a new version of one (`documentId`), from a file the same user streamed into the store. Who may:
 * coordinators and administrators anywhere; a representative on their department's initiatives and the agenda items
 * it presents. The file's type comes from its content; a name that says otherwise, an empty file, a type not
 * accepted or a marking above Protected B is refused and nothing is kept (the caller discards the upload).
 */
export const uploadDocument = defineCommand({
  name: "document.upload",
  permission: "document.upload",
  schema: uploadDocumentSchema,
  owner: async (input, tx) => {
    if (input.documentId) {
      const document = await tx.document.findUnique({ where: { id: input.documentId }, select: { meetingId: true, agendaItemId: true, initiativeId: true } });
      return document ? parentOwner(tx, document) : null;
    }
    return parentOwner(tx, parentOf(input.target, input.targetId));
  },
  run: async ({ user, input, tx, requestId, owner }) => {
    const fileName = cleanFileName(input.fileName);
    if (!fileName) refuseField("file", "fileNameInvalid");
    const blob = await documentStore().describe(input.blobId);
    // Only the person who sent the file may attach it (a blob of no one is one a server-side import stored).
    if (!blob || (blob.ownerId !== null && blob.ownerId !== user.id) || blob.attached) refuseField("file", "uploadMissing");
    if (blob.size === 0) refuseField("file", "fileEmpty");
    const kind = await sniffStored(blob.id, blob.size, fileName);
    if (!kind) refuseField("file", "fileTypeNotAllowed");
    if (extensionMismatch(fileName, kind)) refuseField("file", "fileTypeMismatch");
    const changed = await changedAfterPublication(tx, owner?.meetingId ?? null);
    const versionData = { fileName, kind, sizeBytes: blob.size, sha256: blob.sha256, blobId: blob.id, uploadedById: user.id, changedAfterPublication: changed };

    if (input.documentId) {
      const document = await tx.document.findUniqueOrThrow({ where: { id: input.documentId }, select: { currentVersion: true, withdrawnAt: true, marking: true, version: true } });
      if (document.withdrawnAt) refuseField("file", "documentWithdrawn");
      const number = document.currentVersion + 1;
      const updated = await tx.document.updateMany({
        where: { id: input.documentId, version: document.version },
        data: { currentVersion: number, version: { increment: 1 }, ...(input.marking ? { marking: input.marking } : {}) },
      });
      if (updated.count === 0) await refuseConflict(tx, "document", input.documentId);
      const version = await tx.documentVersion.create({ data: { documentId: input.documentId, number, ...versionData }, select: { id: true } });
      await recordAudit(tx, {
        actorId: user.id,
        action: "document.newVersion",
        entityType: "document",
        entityId: input.documentId,
        before: { currentVersion: document.currentVersion, marking: document.marking },
        after: { currentVersion: number, versionId: version.id, fileName, kind, sizeBytes: blob.size, sha256: blob.sha256, marking: input.marking ?? document.marking, changedAfterPublication: changed },
        requestId,
      });
      return { documentId: input.documentId, versionId: version.id, number, kind };
    }

    if (!input.titleEn) refuseField("titleEn", "required");
    if (!input.titleFr) refuseField("titleFr", "required");
    if (!input.language) refuseField("language", "required");
    if (!input.marking) refuseField("marking", "required");
    const parent = parentOf(input.target, input.targetId);
    let paperRequestId: string | null = null;
    if (input.paperRequestId) {
      const request = await tx.paperRequest.findFirst({ where: { id: input.paperRequestId, cancelledAt: null, agendaItemId: parent.agendaItemId ?? "00000000-0000-0000-0000-000000000000" }, select: { id: true } });
      if (!request) refuseField("paperRequestId", "invalidChoice");
      paperRequestId = request.id;
    }
    const data = {
      ...parent,
      paperRequestId,
      titleEn: input.titleEn,
      titleFr: input.titleFr,
      language: input.language,
      marking: input.marking,
      uploadedById: user.id,
      departmentId: user.departmentId,
    };
    const document = await tx.document.create({ data, select: { id: true } });
    const version = await tx.documentVersion.create({ data: { documentId: document.id, number: 1, ...versionData }, select: { id: true } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "document.upload",
      entityType: "document",
      entityId: document.id,
      after: { ...data, versionId: version.id, fileName, kind, sizeBytes: blob.size, sha256: blob.sha256, changedAfterPublication: changed },
      requestId,
    });
    return { documentId: document.id, versionId: version.id, number: 1, kind };
  },
});

/** Withdrawn with a reason, never deleted: the document and every version stay in the history. Same people as upload. */
export const withdrawDocument = defineCommand({
  name: "document.withdraw",
  permission: "document.upload",
  schema: withdrawDocumentSchema,
  owner: async (input, tx) => {
    const document = await tx.document.findUnique({ where: { id: input.id }, select: { meetingId: true, agendaItemId: true, initiativeId: true } });
    return document ? parentOwner(tx, document) : null;
  },
  run: async ({ user, input, tx, requestId }) => {
    const withdrawnAt = new Date();
    const changed = await tx.document.updateMany({
      where: { id: input.id, version: input.version, withdrawnAt: null },
      data: { withdrawnAt, withdrawnById: user.id, withdrawReason: input.reason, version: { increment: 1 } },
    });
    if (changed.count === 0) await refuseConflict(tx, "document", input.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: "document.withdraw",
      entityType: "document",
      entityId: input.id,
      before: { withdrawnAt: null },
      after: { withdrawnAt: withdrawnAt.toISOString(), reason: input.reason },
      requestId,
    });
    return { id: input.id };
  },
});

/** The coordinator asks an agenda item's presenting department for its paper, due by a date. */
export const requestPaper = defineCommand({
  name: "paperRequest.create",
  permission: "meeting.manage",
  schema: requestPaperSchema,
  run: async ({ user, input, tx, requestId }) => {
    if (input.dueDate < torontoToday()) refuseField("dueDate", "dateInPast");
    const item = await tx.agendaItem.findFirst({ where: { id: input.agendaItemId, ...onAgenda }, select: { presentingDepartmentId: true } });
    if (!item) refuseField("agendaItemId", "invalidChoice");
    if (!item.presentingDepartmentId) refuseField("agendaItemId", "noPresentingDepartment");
    const open = await tx.paperRequest.findFirst({ where: { agendaItemId: input.agendaItemId, departmentId: item.presentingDepartmentId, cancelledAt: null }, select: { id: true } });
    if (open) refuseField("agendaItemId", "alreadyTaken");
    const data = {
      agendaItemId: input.agendaItemId,
      departmentId: item.presentingDepartmentId,
      dueDate: calendarDate(input.dueDate),
      noteEn: input.noteEn ?? null,
      noteFr: input.noteFr ?? null,
      requestedById: user.id,
    };
    const created = await tx.paperRequest.create({ data, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "paperRequest.create", entityType: "paper_request", entityId: created.id, after: { ...data, dueDate: input.dueDate }, requestId });
    // issue 22: the department's representatives are told (in the portal and by e-mail), if the request commits.
    await notifyPaperRequested(created.id, { client: tx, actorId: user.id });
    return { id: created.id };
  },
});

/** Cancelled, never deleted. */
export const cancelPaperRequest = defineCommand({
  name: "paperRequest.cancel",
  permission: "meeting.manage",
  schema: cancelPaperRequestSchema,
  run: async ({ user, input, tx, requestId }) => {
    const cancelledAt = new Date();
    const changed = await tx.paperRequest.updateMany({ where: { id: input.id, cancelledAt: null }, data: { cancelledAt, version: { increment: 1 } } });
    if (changed.count === 0) refuseNotFound();
    await recordAudit(tx, { actorId: user.id, action: "paperRequest.cancel", entityType: "paper_request", entityId: input.id, before: { cancelledAt: null }, after: { cancelledAt: cancelledAt.toISOString() }, requestId });
    return { id: input.id };
  },
});
