// Not "server-only": the worker (instrumentation.ts) reads stored files to extract their text.

/*
 * What the document stores share (lib/documents/storage.ts, s3-store.ts): the interface, its errors, and the cutting of
 * a stream into fixed-size pieces in one reused buffer.
 */

export const CHUNK_BYTES = 256 * 1024;
/** How long an upload's transaction may stay open while the browser sends the file. */
export const UPLOAD_TIMEOUT_MS = 10 * 60_000;

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
export async function* fixedChunks(stream: ReadableStream<Uint8Array>, size: number): AsyncGenerator<Buffer> {
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

