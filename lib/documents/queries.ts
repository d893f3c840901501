import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { can } from "@/lib/authz/permissions";
import { requirePermission } from "@/lib/authz/require";
import { onAgenda } from "@/lib/agenda";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parentOf, parentOwner } from "./commands";
import { documentMaxBytes } from "./settings";
import type { DocumentTarget } from "./schemas";
import type { DocumentKind } from "./sniff";

export { documentMaxBytes } from "./settings";

const versionSelect = { id: true, number: true, fileName: true, kind: true, sizeBytes: true, sha256: true, createdAt: true, changedAfterPublication: true, uploadedById: true } as const;

async function namesOf(ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  const users = unique.length ? await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, displayName: true, department: { select: { acronymEn: true, acronymFr: true } } } }) : [];
  return new Map(users.map((user) => [user.id, user]));
}

/**
 * The documents of a meeting, an agenda item or an initiative, each with every version (newest first), who uploaded
 * it and whether this user may add a version or withdraw it (a convenience for the screen; the command decides).
 * Withdrawn documents are listed too, marked, with their reason: nothing leaves the history.
 */
export async function listDocuments(user: SessionUser, target: DocumentTarget, targetId: string) {
  requirePermission(user, "portal.read");
  const parent = parentOf(target, targetId);
  const owner = await parentOwner(db, parent);
  if (!owner) return null;
  const where = target === "meeting" ? { meetingId: targetId } : target === "agendaItem" ? { agendaItemId: targetId } : { initiativeId: targetId };
  const rows = await db.document.findMany({ where, orderBy: documentOrder, take: 200, select: documentSelect });
  const [names, maxBytes] = await Promise.all([namesOfRows(rows), documentMaxBytes()]);
  return documentList(rows, names, can(user, "document.upload", { departmentId: owner.departmentId }), maxBytes);
}

/**
 * The documents of each of these agenda items (the meeting page shows them all), in as many statements as for one:
 * the items, their documents with their versions, the names, the size limit. An id that names no item on the agenda
 * maps to null.
 */
export async function listAgendaItemDocuments(user: SessionUser, itemIds: string[]): Promise<Map<string, DocumentList | null>> {
  requirePermission(user, "portal.read");
  const lists = new Map<string, DocumentList | null>(itemIds.map((id) => [id, null]));
  if (itemIds.length === 0) return lists;
  const [items, rows, maxBytes] = await Promise.all([
    db.agendaItem.findMany({ where: { id: { in: itemIds }, ...onAgenda }, select: { id: true, presentingDepartmentId: true } }),
    db.document.findMany({ where: { agendaItemId: { in: itemIds } }, orderBy: documentOrder, take: 200 * itemIds.length, select: { ...documentSelect, agendaItemId: true } }),
    documentMaxBytes(),
  ]);
  const names = await namesOfRows(rows);
  for (const item of items) {
    const own = rows.filter((row) => row.agendaItemId === item.id).slice(0, 200);
    lists.set(item.id, documentList(own, names, can(user, "document.upload", { departmentId: item.presentingDepartmentId }), maxBytes));
  }
  return lists;
}

const documentOrder = [{ withdrawnAt: { sort: "desc", nulls: "first" } }, { createdAt: "asc" }] satisfies Prisma.DocumentOrderByWithRelationInput[];

const documentSelect = {
  id: true,
  titleEn: true,
  titleFr: true,
  language: true,
  marking: true,
  currentVersion: true,
  version: true,
  withdrawnAt: true,
  withdrawReason: true,
  uploadedById: true,
  paperRequestId: true,
  createdAt: true,
  versions: { select: versionSelect, orderBy: { number: "desc" } },
} satisfies Prisma.DocumentSelect;

type DocumentRecord = Prisma.DocumentGetPayload<{ select: typeof documentSelect }>;

function namesOfRows(rows: DocumentRecord[]) {
  return namesOf(rows.flatMap((row) => [row.uploadedById, ...row.versions.map((version) => version.uploadedById)]));
}

function documentList(rows: DocumentRecord[], names: Awaited<ReturnType<typeof namesOf>>, mayChange: boolean, maxBytes: number) {
  return {
    mayUpload: mayChange,
    maxBytes,
    documents: rows.map((row) => ({
      id: row.id,
      titleEn: row.titleEn,
      titleFr: row.titleFr,
      language: row.language,
      marking: row.marking,
      currentVersion: row.currentVersion,
      version: row.version,
      withdrawn: row.withdrawnAt !== null,
      withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
      withdrawReason: row.withdrawReason,
      paperRequestId: row.paperRequestId,
      uploadedBy: names.get(row.uploadedById)?.displayName ?? "",
      department: names.get(row.uploadedById)?.department ?? null,
      mayChange: mayChange && row.withdrawnAt === null,
      versions: row.versions.map((version) => ({
        id: version.id,
        number: version.number,
        fileName: version.fileName,
        kind: version.kind as DocumentKind,
        sizeBytes: version.sizeBytes,
        sha256: version.sha256,
        createdAt: version.createdAt.toISOString(),
        changedAfterPublication: version.changedAfterPublication,
        uploadedBy: names.get(version.uploadedById)?.displayName ?? "",
      })),
    })),
  };
}

export type DocumentList = ReturnType<typeof documentList>;
export type DocumentRow = DocumentList["documents"][number];

/** May this user upload to the record (checked before the file is read; the command checks again)? Null: no such record. */
export async function mayUploadTo(user: SessionUser, target: DocumentTarget, targetId: string, documentId?: string): Promise<boolean | null> {
  if (documentId) {
    const document = await db.document.findUnique({ where: { id: documentId }, select: { meetingId: true, agendaItemId: true, initiativeId: true } });
    if (!document) return null;
    const owner = await parentOwner(db, document);
    return owner ? can(user, "document.upload", { departmentId: owner.departmentId }) : null;
  }
  const owner = await parentOwner(db, parentOf(target, targetId));
  return owner ? can(user, "document.upload", { departmentId: owner.departmentId }) : null;
}

/**
 * One version for download, with the same rules as the record it is attached to: every signed-in reader sees meetings,
 * agenda items and initiatives, so null (404) for a version that does not exist, whose record is gone from view (an
 * item removed from the agenda), or whose document was withdrawn (then only coordinators and administrators read it).
 */
export async function getDownload(user: SessionUser, versionId: string) {
  if (!can(user, "portal.read")) return null;
  const version = await db.documentVersion.findUnique({
    where: { id: versionId },
    select: { ...versionSelect, blobId: true, document: { select: { id: true, marking: true, withdrawnAt: true, meetingId: true, agendaItemId: true, initiativeId: true } } },
  });
  if (!version) return null;
  if (version.document.withdrawnAt && !can(user, "meeting.manage")) return null;
  if (!(await parentOwner(db, version.document))) return null;
  return {
    versionId: version.id,
    documentId: version.document.id,
    marking: version.document.marking,
    fileName: version.fileName,
    kind: version.kind as DocumentKind,
    sizeBytes: version.sizeBytes,
    sha256: version.sha256,
    blobId: version.blobId,
  };
}

/**
 * The paper requests of a meeting's agenda, each with whether a paper is in (a document on the item that is not
 * withdrawn, uploaded against the request or by the department) and whether it changed since publication.
 */
export async function paperRequestsForMeeting(user: SessionUser, meetingId: string) {
  requirePermission(user, "portal.read");
  const requests = await db.paperRequest.findMany({
    where: { cancelledAt: null, agendaItemId: { in: (await db.agendaItem.findMany({ where: { meetingId, deletedAt: null }, select: { id: true } })).map((item) => item.id) } },
    orderBy: { dueDate: "asc" },
  });
  return describeRequests(requests);
}

/** The open requests of this user's department (their home page): what to upload, for which meeting, by when. */
export async function paperRequestsForDepartment(user: SessionUser) {
  requirePermission(user, "portal.read");
  if (!user.departmentId) return [];
  const requests = await db.paperRequest.findMany({ where: { cancelledAt: null, departmentId: user.departmentId }, orderBy: { dueDate: "asc" }, take: 50 });
  return describeRequests(requests);
}

type RequestRow = Awaited<ReturnType<typeof db.paperRequest.findMany>>[number];

async function describeRequests(requests: RequestRow[]) {
  if (requests.length === 0) return [];
  const [items, departments, documents] = await Promise.all([
    db.agendaItem.findMany({
      where: { id: { in: requests.map((request) => request.agendaItemId) }, deletedAt: null },
      select: { id: true, position: true, titleEn: true, titleFr: true, meeting: { select: { id: true, sequenceNumber: true, titleEn: true, titleFr: true } } },
    }),
    db.department.findMany({ where: { id: { in: requests.map((request) => request.departmentId) } }, select: { id: true, acronymEn: true, acronymFr: true } }),
    db.document.findMany({
      where: { agendaItemId: { in: requests.map((request) => request.agendaItemId) }, withdrawnAt: null },
      select: { id: true, agendaItemId: true, paperRequestId: true, departmentId: true, versions: { select: { changedAfterPublication: true }, orderBy: { number: "desc" }, take: 1 } },
    }),
  ]);
  const itemById = new Map(items.map((item) => [item.id, item]));
  const departmentById = new Map(departments.map((department) => [department.id, department]));
  return requests.flatMap((request) => {
    const item = itemById.get(request.agendaItemId);
    if (!item) return [];
    const paper = documents.find((document) => document.paperRequestId === request.id) ?? documents.find((document) => document.agendaItemId === request.agendaItemId && document.departmentId === request.departmentId);
    return [
      {
        id: request.id,
        dueDate: request.dueDate.toISOString().slice(0, 10),
        noteEn: request.noteEn,
        noteFr: request.noteFr,
        department: departmentById.get(request.departmentId) ?? null,
        item: { id: item.id, position: item.position, titleEn: item.titleEn, titleFr: item.titleFr },
        meeting: item.meeting,
        received: paper !== undefined,
        documentId: paper?.id ?? null,
        changedSincePublication: paper?.versions[0]?.changedAfterPublication ?? false,
      },
    ];
  });
}

export type PaperRequestRow = Awaited<ReturnType<typeof paperRequestsForMeeting>>[number];
