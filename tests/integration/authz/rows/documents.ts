/**
 * Authorization matrix rows for documents and paper requests (issue 20). Records are owned by JUS: a JUS initiative,
 * an agenda item JUS presents.
 */
import { db } from "@/lib/db";
import { jusInitiative, meetingWithJusItem, newDocument, samplePdf, storedBlob } from "../../documents/support";
import { daysFromToday } from "../../meetings/support";
import type { Expectation, MatrixRow } from "../matrix-types";

const ownDepartment = { ADMIN: "allow", COORDINATOR: "allow", EXECUTIVE: "deny", OWN_REP: "allow", OTHER_REP: "deny", SIGNED_OUT: "deny" } as const satisfies Record<string, Expectation>;
const managersOnly = { ...ownDepartment, OWN_REP: "deny" } as const satisfies Record<string, Expectation>;

async function jusDocument() {
  const initiative = await jusInitiative();
  const blobId = await storedBlob(samplePdf());
  const uploader = await db.user.findUniqueOrThrow({ where: { email: "rep.jus@iwgtip.example" }, select: { id: true, departmentId: true } });
  const document = await db.document.create({
    data: { initiativeId: initiative.id, titleEn: "Matrix paper", titleFr: "Document de la matrice", language: "en", marking: "UNCLASSIFIED", uploadedById: uploader.id, departmentId: uploader.departmentId },
    select: { id: true, version: true },
  });
  const blob = await db.documentBlob.findUniqueOrThrow({ where: { id: blobId } });
  await db.documentVersion.create({ data: { documentId: document.id, number: 1, fileName: "matrix.pdf", kind: "pdf", sizeBytes: blob.sizeBytes, sha256: blob.sha256 ?? "", blobId, uploadedById: uploader.id } });
  return document;
}

export const rows: MatrixRow[] = [
  {
    command: "document.upload",
    prepare: async () => ({ ...newDocument("initiative", (await jusInitiative()).id), blobId: await storedBlob(samplePdf()) }),
    expect: ownDepartment,
  },
  {
    command: "document.withdraw",
    prepare: async () => {
      const document = await jusDocument();
      return { id: document.id, reason: "Superseded", version: document.version };
    },
    expect: ownDepartment,
  },
  {
    command: "paperRequest.create",
    prepare: async () => ({ agendaItemId: (await meetingWithJusItem()).item.id, dueDate: daysFromToday(7) }),
    expect: managersOnly,
  },
  {
    command: "paperRequest.cancel",
    prepare: async () => {
      const { item } = await meetingWithJusItem();
      const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@iwgtip.example" }, select: { id: true, } });
      const request = await db.paperRequest.create({ data: { agendaItemId: item.id, departmentId: (await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } })).presentingDepartmentId ?? "", dueDate: new Date(`${daysFromToday(7)}T00:00:00Z`), requestedById: coordinator.id }, select: { id: true } });
      return { id: request.id };
    },
    expect: managersOnly,
  },
];
