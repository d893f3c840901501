// Not "server-only": the worker (instrumentation.ts) reads stored files to extract their text.
import { db } from "@/lib/db";
import type { DocumentStore } from "./storage-core";

/**
 * A finished upload's row, as every store describes it (the row is the same whichever store holds the bytes): who
 * stored it, its size and checksum, and whether a document version holds it. Null while it is not finished.
 */
export const describeBlob: DocumentStore["describe"] = async (id) => {
  const blob = await db.documentBlob.findFirst({
    where: { id, completedAt: { not: null } },
    select: { id: true, sizeBytes: true, sha256: true, createdById: true, version: { select: { id: true } } },
  });
  if (!blob || !blob.sha256) return null;
  return { id: blob.id, size: blob.sizeBytes, sha256: blob.sha256, ownerId: blob.createdById, attached: blob.version !== null };
};
