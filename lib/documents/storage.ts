// Not "server-only": the worker (instrumentation.ts) reads stored files to extract their text.
import { createHash } from "node:crypto";
import { databasePool, db } from "@/lib/db";
import { describeBlob } from "./blob-rows";
import { createS3Store, type S3Store } from "./s3-store";
import { configuredStoreName, s3ConfigFromEnv } from "./store-config";

export { configuredStoreName } from "./store-config";
import { CHUNK_BYTES, ChecksumMismatchError, fixedChunks, UPLOAD_TIMEOUT_MS, UploadTooLargeError, type DocumentStore } from "./storage-core";

export { CHUNK_BYTES, ChecksumMismatchError, UploadTooLargeError, type DocumentStore, type StoredBlob } from "./storage-core";

/*
 * Where the bytes of documents are kept, behind one small interface (storage-core.ts): PostgreSQL by default, an
 * S3-compatible object store when DOCUMENT_STORE=s3 (s3-store.ts, issue 20, point 4). The PostgreSQL store keeps each upload as a blob of fixed-size chunks (bytea),
 * written one chunk at a time from the request's stream inside one transaction (an interrupted or refused upload
 * commits nothing) and read back one chunk at a time as a stream: a file is never held in memory whole.
 */

/*
 * A download reads each chunk in pieces of 32 KB, as separate columns. PostgreSQL's text protocol sends a bytea as hex
 * (pg's binary result format would not: pg-protocol hands binary values over as UTF-8 strings, which corrupts bytes),
 * so a whole 256 KB chunk arrives as a 512 KB string: a "large object" for V8, freed only by a full collection, which
 * the production server's small young generation (scripts/server-flags.ts) leaves for later; a 25 MB download then
 * left some 80 MB of such strings behind (the bench). A 32 KB piece's 64 KB string is young garbage, collected at once.
 */
const PIECE_BYTES = 32 * 1024;
const PIECES_PER_CHUNK = CHUNK_BYTES / PIECE_BYTES;
const PIECES_SQL = `SELECT ${Array.from({ length: PIECES_PER_CHUNK }, (_, i) => `substring(data from ${i * PIECE_BYTES + 1} for ${PIECE_BYTES}) AS p${i}`).join(", ")}
  FROM document_chunks WHERE blob_id = $1 AND seq = $2`;

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
        // One chunk per read, straight through the pool, in pieces of 32 KB (see PIECES_SQL).
        const { rows } = await databasePool().query<Record<string, Buffer | null>>(PIECES_SQL, [id, seq]);
        const chunk = rows[0];
        if (!chunk) {
          // Verified on the way out: a file altered in the database fails the download rather than reaching the user.
          if (hash.digest("hex") !== blob.sha256) controller.error(new ChecksumMismatchError(id));
          else controller.close();
          return;
        }
        seq++;
        for (let piece = 0; piece < PIECES_PER_CHUNK; piece++) {
          const bytes = chunk[`p${piece}`];
          if (!bytes || bytes.length === 0) break;
          hash.update(bytes);
          controller.enqueue(bytes);
        }
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

  describe: describeBlob,

  async discard(id) {
    // Only an upload no version holds; the chunks go with it (ON DELETE CASCADE).
    await db.documentBlob.deleteMany({ where: { id, version: null } });
  },
};

let s3: { key: string; store: S3Store } | undefined;

/** The S3 store of the environment's settings (made once per set of settings). */
export function s3Store(): S3Store {
  const config = s3ConfigFromEnv();
  const key = JSON.stringify(config);
  if (s3?.key !== key) s3 = { key, store: createS3Store(config) };
  return s3.store;
}

const storeOf = (storage: string): DocumentStore => (storage === "s3" ? s3Store() : postgresStore);

async function storeHolding(id: string): Promise<DocumentStore | null> {
  const blob = await db.documentBlob.findUnique({ where: { id }, select: { storage: true } });
  return blob ? storeOf(blob.storage) : null;
}

/**
 * The store in use: new uploads go to the configured one; every other call goes to the store that holds the blob
 * (its `storage` column), so that files kept before a change of DOCUMENT_STORE stay readable.
 */
export function documentStore(): DocumentStore {
  return {
    put: (stream, options) => storeOf(configuredStoreName()).put(stream, options),
    get: async (id) => (await storeHolding(id))?.get(id) ?? null,
    read: async (id, start, length) => {
      const store = await storeHolding(id);
      return store ? store.read(id, start, length) : new Uint8Array(0);
    },
    describe: async (id) => (await storeHolding(id))?.describe(id) ?? null,
    discard: async (id) => (await storeHolding(id))?.discard(id),
  };
}

/** How long a complete blob may stay unreferenced before the sweep takes it (an upload's command runs right after). */
const UNREFERENCED_GRACE_MS = 60 * 60_000;

/**
 * Removes what no version or board book holds and no upload is still writing (the worker's tick): an S3 upload cut
 * off by a crash (its row incomplete: the multipart upload aborted, the object deleted), and a complete blob left
 * unreferenced for an hour (a process that died between storing a file and its command). The PostgreSQL store's
 * incomplete uploads never commit, so there is nothing of theirs to find. Returns how many blobs were removed.
 */
export async function sweepDocumentBlobs(now = new Date(), limit = 20): Promise<number> {
  const orphans = await db.$queryRaw<{ id: string; storage: string; upload_id: string | null }[]>`
    SELECT b.id::text AS id, b.storage, b.upload_id FROM document_blobs b
    WHERE ((b.completed_at IS NULL AND b.created_at < ${new Date(now.getTime() - UPLOAD_TIMEOUT_MS - 60_000)})
        OR (b.completed_at IS NOT NULL AND b.created_at < ${new Date(now.getTime() - UNREFERENCED_GRACE_MS)}))
      AND NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.blob_id = b.id)
      AND NOT EXISTS (SELECT 1 FROM board_books k WHERE k.blob_id = b.id)
    ORDER BY b.created_at LIMIT ${limit}`;
  for (const orphan of orphans) {
    if (orphan.storage === "s3") await s3Store().removeObject(orphan.id, orphan.upload_id);
    await db.$executeRaw`DELETE FROM document_blobs b WHERE b.id = ${orphan.id}::uuid
      AND NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.blob_id = b.id)
      AND NOT EXISTS (SELECT 1 FROM board_books k WHERE k.blob_id = b.id)`;
  }
  return orphans.length;
}
