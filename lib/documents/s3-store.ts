// Not "server-only": the worker (instrumentation.ts) reads stored files to extract their text.
import { createHash } from "node:crypto";
import type { S3Client } from "@aws-sdk/client-s3";
import { db } from "@/lib/db";
import { describeBlob } from "./blob-rows";
import type { S3StoreConfig } from "./store-config";
import { ChecksumMismatchError, fixedChunks, UploadTooLargeError, UPLOAD_TIMEOUT_MS, type DocumentStore } from "./storage-core";

export { s3ConfigFromEnv, type S3StoreConfig } from "./store-config";

/*
 * The S3-compatible store (issue 20, point 4), chosen by DOCUMENT_STORE=s3 (lib/documents/storage.ts). The bytes are
 * an object `<prefix><blob id>` in the bucket; what the portal knows of them (who sent them, size, sha256, complete or
 * not, the multipart upload in progress) is a row of document_blobs in PostgreSQL, as for the PostgreSQL store, so
 * that versions and board books reference blobs the same way whichever store holds the bytes.
 *
 * Streamed both ways: an upload is a multipart upload whose parts are cut from the request's stream into ONE reused
 * buffer of PART_BYTES (each part sent and acknowledged before the next is read); a download is the object's body
 * passed on piece by piece, hashed on the way, the stream failing at its end if the bytes do not match the sha256.
 * Nothing of a failed, refused or interrupted upload is referenced: the row is complete only after the object is;
 * on failure the multipart upload is aborted, the object (if any) deleted and the row removed; if the process dies
 * half-way, the row stays incomplete with its upload id, and `sweepDocumentBlobs` aborts and removes it later.
 */

/** S3's smallest part (except the last): one buffer of this size is what an upload holds. */
export const PART_BYTES = 5 * 1024 * 1024;

type Sdk = typeof import("@aws-sdk/client-s3");

export type S3Store = DocumentStore & {
  /** Aborts the multipart upload and deletes the object of a blob (the sweep's work), each ignoring "not there". */
  removeObject(id: string, uploadId: string | null): Promise<void>;
  readonly config: S3StoreConfig;
  /** The SDK client (the tests use it to look at and alter the bucket). */
  client(): Promise<S3Client>;
};

export function createS3Store(config: S3StoreConfig): S3Store {
  // The SDK is loaded on first use only: a portal on the PostgreSQL store never loads it.
  let loaded: Promise<{ sdk: Sdk; client: S3Client }> | undefined;
  const load = () =>
    (loaded ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: config.region,
        endpoint: config.endpoint,
        forcePathStyle: config.forcePathStyle,
        credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
        // The checksum the portal trusts is its own sha256, verified on download; the SDK's default CRC32 trailers
        // (aws-chunked bodies) are not understood by every S3-compatible server.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      }),
    })));
  const keyOf = (id: string) => `${config.prefix}${id}`;
  const notFound = (error: unknown) => {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.name === "NoSuchUpload" || e?.$metadata?.httpStatusCode === 404;
  };

  async function removeObject(id: string, uploadId: string | null) {
    const { sdk, client } = await load();
    if (uploadId) {
      // Parts of an upload never completed are not an object, but they take space: abort them. A server that does
      // not implement the abort (s3rver) answers an error, logged; a bucket lifecycle rule "abort incomplete
      // multipart uploads" is the backstop (docs/documents.md).
      await client.send(new sdk.AbortMultipartUploadCommand({ Bucket: config.bucket, Key: keyOf(id), UploadId: uploadId })).catch((error: unknown) => {
        if (!notFound(error)) console.warn(JSON.stringify({ level: "warn", time: new Date().toISOString(), msg: "multipart upload not aborted", blobId: id, error: error instanceof Error ? error.message : String(error) }));
      });
    }
    await client.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key: keyOf(id) })).catch((error: unknown) => {
      if (!notFound(error)) throw error;
    });
  }

  const store: S3Store = {
    config,
    client: async () => (await load()).client,
    removeObject,

    async put(stream, { maxBytes, ownerId }) {
      const { sdk, client } = await load();
      const { id } = await db.documentBlob.create({ data: { storage: "s3", createdById: ownerId }, select: { id: true } });
      const Key = keyOf(id);
      let uploadId: string | null = null;
      const timer = setTimeout(() => stream.cancel(new Error("upload took too long")).catch(() => undefined), UPLOAD_TIMEOUT_MS);
      try {
        const hash = createHash("sha256");
        let size = 0;
        const parts: { ETag: string; PartNumber: number }[] = [];
        for await (const chunk of fixedChunks(stream, PART_BYTES)) {
          size += chunk.length;
          if (size > maxBytes) throw new UploadTooLargeError(maxBytes);
          hash.update(chunk);
          if (uploadId === null) {
            const created = await client.send(new sdk.CreateMultipartUploadCommand({ Bucket: config.bucket, Key, ContentType: "application/octet-stream" }));
            if (!created.UploadId) throw new Error("the object store gave no upload id");
            uploadId = created.UploadId;
            // Recorded before any part is sent: if the process dies now, the sweep knows what to abort.
            await db.documentBlob.update({ where: { id }, data: { uploadId } });
          }
          const PartNumber = parts.length + 1;
          // The part is the reused buffer: awaited before the next chunk overwrites it.
          const sent = await client.send(new sdk.UploadPartCommand({ Bucket: config.bucket, Key, UploadId: uploadId, PartNumber, Body: chunk, ContentLength: chunk.length }));
          if (!sent.ETag) throw new Error("the object store gave no part ETag");
          parts.push({ ETag: sent.ETag, PartNumber });
        }
        if (uploadId === null) {
          await client.send(new sdk.PutObjectCommand({ Bucket: config.bucket, Key, Body: new Uint8Array(0), ContentLength: 0 }));
        } else {
          await client.send(new sdk.CompleteMultipartUploadCommand({ Bucket: config.bucket, Key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
        }
        const sha256 = hash.digest("hex");
        // Complete only now that the object is: until then no version can hold it (describe answers null).
        await db.documentBlob.update({ where: { id }, data: { sizeBytes: size, sha256, completedAt: new Date(), uploadId: null } });
        return { id, size, sha256 };
      } catch (error) {
        // Nothing of it stays referenced. If the database is what failed, the row stays incomplete for the sweep.
        await removeObject(id, uploadId).catch(() => undefined);
        await db.documentBlob.deleteMany({ where: { id, version: null } }).catch(() => undefined);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },

    async get(id) {
      const blob = await db.documentBlob.findFirst({ where: { id, completedAt: { not: null } }, select: { sha256: true, sizeBytes: true } });
      if (!blob) return null;
      const { sdk, client } = await load();
      let body: ReadableStream<Uint8Array>;
      try {
        const object = await client.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: keyOf(id) }));
        if (!object.Body) return null;
        body = object.Body.transformToWebStream() as ReadableStream<Uint8Array>;
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
      const hash = createHash("sha256");
      let size = 0;
      const reader = body.getReader();
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) {
            // Verified on the way out: an object altered in the bucket fails the download rather than reaching the user.
            if (size !== blob.sizeBytes || hash.digest("hex") !== blob.sha256) controller.error(new ChecksumMismatchError(id));
            else controller.close();
            return;
          }
          hash.update(value);
          size += value.length;
          controller.enqueue(value);
        },
        cancel(reason) {
          return reader.cancel(reason);
        },
      });
    },

    async read(id, start, length) {
      if (length <= 0) return new Uint8Array(0);
      const { sdk, client } = await load();
      const object = await client.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: keyOf(id), Range: `bytes=${start}-${start + length - 1}` }));
      const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array(0);
      // A server that ignores Range answers the whole object: cut it here.
      return bytes.length > length ? bytes.subarray(start, start + length) : bytes;
    },

    describe: describeBlob,

    async discard(id) {
      const blob = await db.documentBlob.findFirst({ where: { id, version: null }, select: { uploadId: true } });
      if (!blob) return;
      // The object first: a row without its object is swept later; an object without its row would never be.
      await removeObject(id, blob.uploadId);
      await db.documentBlob.deleteMany({ where: { id, version: null } });
    },
  };
  return store;
}
