// Not "server-only": the worker (instrumentation.ts) reads stored files to extract their text.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";

/*
 * Where the bytes of documents are kept, behind one small interface so that an S3-compatible store can take its
 * place later (issue 20, point 4). The PostgreSQL store keeps each upload as a blob of fixed-size chunks (bytea),
 * written one chunk at a time from the request's stream inside one transaction (an interrupted or refused upload
 * commits nothing) and read back one chunk at a time as a stream: a file is never held in memory whole.
 */

export const CHUNK_BYTES = 256 * 1024;
/** How long an upload's transaction may stay open while the browser sends the file. */
const UPLOAD_TIMEOUT_MS = 10 * 60_000;

export type StoredBlob = { id: string; size: number; sha256: string };

export interface DocumentStore {
  /** Stores the stream; refuses (UploadTooLargeError) as soon as more than maxBytes arrived, storing nothing. */
  put(stream: ReadableStream<Uint8Array>, options: { maxBytes: number; ownerId: string }): Promise<StoredBlob>;
  /** The bytes as a stream; the stream fails if what is read does not match the stored checksum. */
  get(id: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Bytes [start, start + length) (a range read, as S3 answers one). */
  read(id: string, start: number, length: number): Promise<Uint8Array>;
  /** Who stored it, its size and checksum, and whether a document version holds it. */
  describe(id: string): Promise<(StoredBlob & { ownerId: string | null; attached: boolean }) | null>;
  /** Removes an upload no version holds (a refused upload). */
  discard(id: string): Promise<void>;
}

export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`upload larger than ${maxBytes} bytes`);
    this.name = "UploadTooLargeError";
  }
}

export class ChecksumMismatchError extends Error {
  constructor(readonly blobId: string) {
    super(`stored document ${blobId} does not match its checksum`);
    this.name = "ChecksumMismatchError";
  }
}

/** Cuts a stream into chunks of exactly `size` bytes (the last one shorter), copying only what is needed. */
async function* fixedChunks(stream: ReadableStream<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let piece = value;
      while (piece.length > 0) {
        const take = Math.min(size - pendingBytes, piece.length);
        pending.push(piece.subarray(0, take));
        pendingBytes += take;
        piece = piece.subarray(take);
        if (pendingBytes === size) {
          yield Buffer.concat(pending, size);
          pending = [];
          pendingBytes = 0;
        }
      }
    }
    if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
  } finally {
    reader.releaseLock();
  }
}

export const postgresStore: DocumentStore = {
  async put(stream, { maxBytes, ownerId }) {
    return db.$transaction(
      async (tx) => {
        const blob = await tx.documentBlob.create({ data: { createdById: ownerId }, select: { id: true } });
        const hash = createHash("sha256");
        let size = 0;
        let seq = 0;
        for await (const chunk of fixedChunks(stream, CHUNK_BYTES)) {
          size += chunk.length;
          if (size > maxBytes) throw new UploadTooLargeError(maxBytes);
          hash.update(chunk);
          await tx.documentChunk.create({ data: { blobId: blob.id, seq, data: new Uint8Array(chunk) } });
          seq++;
        }
        const sha256 = hash.digest("hex");
        await tx.documentBlob.update({ where: { id: blob.id }, data: { sizeBytes: size, sha256, completedAt: new Date() } });
        return { id: blob.id, size, sha256 };
      },
      { timeout: UPLOAD_TIMEOUT_MS, maxWait: 10_000 },
    );
  },

  async get(id) {
    const blob = await db.documentBlob.findFirst({ where: { id, completedAt: { not: null } }, select: { sha256: true } });
    if (!blob) return null;
    const hash = createHash("sha256");
    let seq = 0;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const chunk = await db.documentChunk.findUnique({ where: { blobId_seq: { blobId: id, seq } }, select: { data: true } });
        if (!chunk) {
          // Verified on the way out: a file altered in the database fails the download rather than reaching the user.
          if (hash.digest("hex") !== blob.sha256) controller.error(new ChecksumMismatchError(id));
          else controller.close();
          return;
        }
        hash.update(chunk.data);
        seq++;
        controller.enqueue(chunk.data);
      },
    });
  },

  async read(id, start, length) {
    if (length <= 0) return new Uint8Array(0);
    const first = Math.floor(start / CHUNK_BYTES);
    const last = Math.floor((start + length - 1) / CHUNK_BYTES);
    const chunks = await db.documentChunk.findMany({ where: { blobId: id, seq: { gte: first, lte: last } }, orderBy: { seq: "asc" }, select: { data: true } });
    const joined = Buffer.concat(chunks.map((chunk) => chunk.data));
    const offset = start - first * CHUNK_BYTES;
    return new Uint8Array(joined.subarray(offset, offset + length));
  },

  async describe(id) {
    const blob = await db.documentBlob.findFirst({
      where: { id, completedAt: { not: null } },
      select: { id: true, sizeBytes: true, sha256: true, createdById: true, version: { select: { id: true } } },
    });
    if (!blob || !blob.sha256) return null;
    return { id: blob.id, size: blob.sizeBytes, sha256: blob.sha256, ownerId: blob.createdById, attached: blob.version !== null };
  },

  async discard(id) {
    // Only an upload no version holds; the chunks go with it (ON DELETE CASCADE).
    await db.documentBlob.deleteMany({ where: { id, version: null } });
  },
};

/** The store in use. Only PostgreSQL for now; an S3-compatible one would be chosen here from the environment. */
export function documentStore(): DocumentStore {
  return postgresStore;
}
