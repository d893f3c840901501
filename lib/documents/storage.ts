// Not "server-only": the worker (instrumentation.ts) reads stored files to extract their text.
import { createHash } from "node:crypto";
import { databasePool, db } from "@/lib/db";

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

/**
 * Cuts a stream into chunks of exactly `size` bytes (the last one shorter), copied into ONE buffer that is reused for
 * every chunk: the consumer must be done with a chunk (its insert awaited) before asking for the next one. Without
 * the reuse, every chunk would be a new allocation that the garbage collector sees late, and the process's memory
 * would grow by the size of the file.
 */
async function* fixedChunks(stream: ReadableStream<Uint8Array>, size: number): AsyncGenerator<Buffer> {
  const chunk = Buffer.allocUnsafe(size);
  let filled = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let offset = 0;
      while (offset < value.length) {
        const take = Math.min(size - filled, value.length - offset);
        chunk.set(value.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === size) {
          yield chunk;
          filled = 0;
        }
      }
    }
    if (filled > 0) yield chunk.subarray(0, filled);
  } finally {
    reader.releaseLock();
  }
}

export const postgresStore: DocumentStore = {
  async put(stream, { maxBytes, ownerId }) {
    // One connection of the portal's pool, one transaction, each chunk a binary parameter (pg sends a Buffer as
    // bytes; through Prisma every chunk would be re-encoded, and a 25 MB upload would grow the heap by 100 MB).
    const client = await databasePool().connect();
    let broken = false;
    // A connection lost while checked out (a database restart) emits "error": noted, never an uncaught exception.
    const lost = () => void (broken = true);
    client.on("error", lost);
    const timer = setTimeout(() => stream.cancel(new Error("upload took too long")).catch(() => undefined), UPLOAD_TIMEOUT_MS);
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ id: string }>("INSERT INTO document_blobs (id, created_by_id) VALUES (gen_random_uuid(), $1) RETURNING id::text AS id", [ownerId]);
      const id = rows[0]!.id;
      const hash = createHash("sha256");
      let size = 0;
      let seq = 0;
      for await (const chunk of fixedChunks(stream, CHUNK_BYTES)) {
        size += chunk.length;
        if (size > maxBytes) throw new UploadTooLargeError(maxBytes);
        hash.update(chunk);
        await client.query("INSERT INTO document_chunks (blob_id, seq, data) VALUES ($1, $2, $3)", [id, seq, chunk]);
        seq++;
      }
      const sha256 = hash.digest("hex");
      await client.query("UPDATE document_blobs SET size_bytes = $2, sha256 = $3, completed_at = now() WHERE id = $1", [id, size, sha256]);
      await client.query("COMMIT");
      return { id, size, sha256 };
    } catch (error) {
      // Nothing of a refused, cut or failed upload is kept: the transaction rolls back (or died with its connection).
      await client.query("ROLLBACK").catch(() => (broken = true));
      throw error;
    } finally {
      clearTimeout(timer);
      client.off("error", lost);
      client.release(broken);
    }
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
