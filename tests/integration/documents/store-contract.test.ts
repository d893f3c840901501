import { randomBytes } from "node:crypto";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { createS3Store, PART_BYTES, s3ConfigFromEnv, type S3Store } from "@/lib/documents/s3-store";
import { ChecksumMismatchError, configuredStoreName, documentStore, postgresStore, sweepDocumentBlobs, UploadTooLargeError, type DocumentStore } from "@/lib/documents/storage";
import { documentStoreProblems } from "@/lib/documents/store-config";
import { productionEnvironmentProblems } from "@/scripts/production-checks";
import { sessionUser } from "../../support/database";
import { startS3Server, withEnv } from "../../support/s3";
import { download, meetingWithJusItem, newDocument, samplePdf, sha256, streamOf, upload } from "./support";

/*
 * One contract, two stores (issue 20, point 4): the PostgreSQL store and the S3-compatible store, the latter against a
 * real S3 server over HTTP (s3rver, started here). Each test reads the bytes back and checks them by sha256, and
 * checks that a refused or broken upload leaves no row and no bytes in the store.
 */

const MB = 1024 * 1024;
let server: Awaited<ReturnType<typeof startS3Server>>;
let s3: S3Store;
let owner: SessionUser;

beforeAll(async () => {
  server = await startS3Server();
  s3 = createS3Store(server.config);
  owner = await sessionUser("coordinator@iwgtip.example");
});

afterAll(async () => {
  await server?.stop();
});

/** A stream that sends `bytes` and then fails, as a browser's connection cut half-way. */
function breakingStream(bytes: Uint8Array, after: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= after) return controller.error(new Error("connection reset"));
      const piece = bytes.subarray(sent, Math.min(after, sent + 256 * 1024));
      sent += piece.length;
      controller.enqueue(piece);
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

type Case = {
  name: string;
  store: () => DocumentStore;
  /** How many stored pieces of bytes there are (chunk rows, or object files on the S3 server's disk). */
  bytesHeld: () => Promise<number>;
  /** Changes the stored bytes behind the portal's back. */
  tamper: (id: string) => Promise<void>;
};

const cases: Case[] = [
  {
    name: "PostgreSQL",
    store: () => postgresStore,
    bytesHeld: () => db.documentChunk.count(),
    tamper: async (id) => {
      await db.$executeRaw`UPDATE document_chunks SET data = set_byte(data, 10, (get_byte(data, 10) + 1) % 256) WHERE blob_id = ${id}::uuid AND seq = 0`;
    },
  },
  {
    name: "S3 (s3rver over HTTP)",
    store: () => s3,
    bytesHeld: async () => server.objectFiles().length,
    tamper: async (id) => {
      const bytes = await readAll((await s3.get(id))!).catch(() => null);
      const altered = Buffer.from(bytes ?? Buffer.alloc(16));
      altered[10] = (altered[10]! + 1) % 256;
      await (await s3.client()).send(new PutObjectCommand({ Bucket: server.config.bucket, Key: `${server.config.prefix}${id}`, Body: altered }));
    },
  },
];

describe.each(cases)("the document store contract: $name", ({ store, bytesHeld, tamper }) => {
  it("stores a stream of several parts and gives back the same bytes, with its size, checksum and owner", async () => {
    // Over one S3 part (5 MB) and many PostgreSQL chunks (256 KB), not a multiple of either.
    const bytes = randomBytes(PART_BYTES + 300 * 1024 + 7);
    const stored = await store().put(streamOf(bytes, 100_000).stream, { maxBytes: 25 * MB, ownerId: owner.id });
    expect(stored).toEqual({ id: expect.any(String), size: bytes.length, sha256: sha256(bytes) });
    expect(await store().describe(stored.id)).toEqual({ id: stored.id, size: bytes.length, sha256: sha256(bytes), ownerId: owner.id, attached: false });
    const back = await readAll((await store().get(stored.id))!);
    expect(back.length).toBe(bytes.length);
    expect(sha256(back)).toBe(sha256(bytes));
    // Range reads: the head, the tail, and across a chunk and a part boundary.
    expect(Buffer.from(await store().read(stored.id, 0, 1024)).equals(bytes.subarray(0, 1024))).toBe(true);
    expect(Buffer.from(await store().read(stored.id, bytes.length - 22, 22)).equals(bytes.subarray(bytes.length - 22))).toBe(true);
    const across = PART_BYTES - 1000;
    expect(Buffer.from(await store().read(stored.id, across, 300 * 1024)).equals(bytes.subarray(across, across + 300 * 1024))).toBe(true);
    await store().discard(stored.id);
  });

  it("an empty stream is a blob of no bytes", async () => {
    const stored = await store().put(streamOf(new Uint8Array(0)).stream, { maxBytes: MB, ownerId: owner.id });
    expect(stored.size).toBe(0);
    expect((await readAll((await store().get(stored.id))!)).length).toBe(0);
    await store().discard(stored.id);
  });

  it("refuses a stream over the limit as soon as it passes it, keeping no row and no bytes", async () => {
    const before = { blobs: await db.documentBlob.count(), bytes: await bytesHeld() };
    const bytes = randomBytes(12 * MB);
    const { stream, pulled } = streamOf(bytes, 64 * 1024);
    await expect(store().put(stream, { maxBytes: 6 * MB, ownerId: owner.id })).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(pulled()).toBeLessThan(bytes.length);
    expect({ blobs: await db.documentBlob.count(), bytes: await bytesHeld() }).toEqual(before);
  });

  it("an upload whose stream breaks off half-way keeps no row and no bytes", async () => {
    const before = { blobs: await db.documentBlob.count(), bytes: await bytesHeld() };
    const bytes = randomBytes(8 * MB);
    await expect(store().put(breakingStream(bytes, 6 * MB), { maxBytes: 25 * MB, ownerId: owner.id })).rejects.toThrow("connection reset");
    expect({ blobs: await db.documentBlob.count(), bytes: await bytesHeld() }).toEqual(before);
  });

  it("fails the download of bytes altered in the store (checksum verified on the way out)", async () => {
    const bytes = randomBytes(300 * 1024);
    const stored = await store().put(streamOf(bytes).stream, { maxBytes: MB, ownerId: owner.id });
    await tamper(stored.id);
    await expect(readAll((await store().get(stored.id))!)).rejects.toBeInstanceOf(ChecksumMismatchError);
    await store().discard(stored.id);
  });

  it("discards a blob no version holds: no row, no bytes, nothing to read", async () => {
    const before = { blobs: await db.documentBlob.count(), bytes: await bytesHeld() };
    const stored = await store().put(streamOf(randomBytes(1000)).stream, { maxBytes: MB, ownerId: owner.id });
    expect(await bytesHeld()).toBeGreaterThan(before.bytes);
    await store().discard(stored.id);
    expect(await store().get(stored.id)).toBeNull();
    expect(await store().describe(stored.id)).toBeNull();
    expect({ blobs: await db.documentBlob.count(), bytes: await bytesHeld() }).toEqual(before);
  });
});

describe("the S3 store chosen by configuration", () => {
  it("reads DOCUMENT_STORE and the DOCUMENT_S3_* settings, and says what is wrong", () => {
    expect(configuredStoreName({})).toBe("postgres");
    expect(configuredStoreName({ DOCUMENT_STORE: "S3" })).toBe("s3");
    expect(() => configuredStoreName({ DOCUMENT_STORE: "ftp" })).toThrow(/postgres.*s3/);
    expect(() => s3ConfigFromEnv({ DOCUMENT_STORE: "s3" })).toThrow(/DOCUMENT_S3_BUCKET/);
    expect(() => s3ConfigFromEnv({ DOCUMENT_S3_BUCKET: "b", DOCUMENT_S3_ACCESS_KEY_ID: "k" })).toThrow(/DOCUMENT_S3_SECRET_ACCESS_KEY/);
    expect(s3ConfigFromEnv(server.env)).toEqual(server.config);
    // A production start refuses a store that would fail every upload (scripts/production-checks.ts).
    expect(documentStoreProblems({})).toEqual([]);
    expect(documentStoreProblems(server.env)).toEqual([]);
    expect(documentStoreProblems({ DOCUMENT_STORE: "s3" })).toEqual([expect.stringContaining("DOCUMENT_S3_BUCKET")]);
    expect(productionEnvironmentProblems({ DOCUMENT_STORE: "s3" }).some((problem) => problem.includes("DOCUMENT_S3_BUCKET"))).toBe(true);
  });

  it("uploads and downloads a paper through the portal's transfer into the bucket; a file kept in PostgreSQL before stays readable", async () => {
    const coordinator = owner;
    const { meeting } = await meetingWithJusItem();
    const before = samplePdf("Kept in PostgreSQL");
    const first = await upload(coordinator, newDocument("meeting", meeting.id), before);
    if (!first.body.ok) throw new Error(JSON.stringify(first.body));
    const pdf = Buffer.concat([samplePdf("Kept in S3"), randomBytes(6 * MB)]);
    await withEnv(server.env, async () => {
      const objectsBefore = server.objectFiles().length;
      const chunksBefore = await db.documentChunk.count();
      const answer = await upload(coordinator, newDocument("meeting", meeting.id, { documentId: first.body.ok ? first.body.data.documentId : "" }), pdf);
      expect(answer).toMatchObject({ status: 200, body: { ok: true, data: { number: 2, kind: "pdf" } } });
      if (!answer.body.ok) throw new Error("refused");
      const version = await db.documentVersion.findUniqueOrThrow({ where: { id: answer.body.data.versionId }, select: { blobId: true, sha256: true } });
      expect(await db.documentBlob.findUniqueOrThrow({ where: { id: version.blobId }, select: { storage: true, uploadId: true } })).toEqual({ storage: "s3", uploadId: null });
      expect(await db.documentChunk.count()).toBe(chunksBefore);
      expect(server.objectFiles()).toHaveLength(objectsBefore + 1);
      expect(server.objectFiles()).toContain(`documents/${version.blobId}._S3rver_object`);
      const got = await download(coordinator, answer.body.data.versionId);
      expect(sha256(got!.bytes)).toBe(sha256(pdf));
      expect(version.sha256).toBe(sha256(pdf));
      // The earlier version, in PostgreSQL, is still served while the store is S3.
      const old = await download(coordinator, first.body.ok ? first.body.data.versionId : "");
      expect(sha256(old!.bytes)).toBe(sha256(before));
      // A refused upload (a type not allowed) leaves nothing in the bucket.
      const refused = await upload(coordinator, newDocument("meeting", meeting.id, { fileName: "tool.pdf" }), Buffer.concat([Buffer.from("MZ"), randomBytes(1000)]));
      expect(refused.status).toBe(400);
      expect(server.objectFiles()).toHaveLength(objectsBefore + 1);
    });
  });

  it("an object store that cannot be reached fails the upload and keeps no row", async () => {
    const before = await db.documentBlob.count();
    // A loopback port nothing listens on (s3rver's, once stopped, would do too).
    const unreachable = createS3Store({ ...server.config, endpoint: "http://127.0.0.1:9" });
    await expect(unreachable.put(streamOf(randomBytes(1000)).stream, { maxBytes: MB, ownerId: owner.id })).rejects.toThrow();
    expect(await db.documentBlob.count()).toBe(before);
  });

  it("the sweep removes an upload cut off by a crash and a file left unreferenced, never one a version or a book holds", async () => {
    await withEnv(server.env, async () => {
      const store = documentStore();
      // A crash half-way: the row is incomplete, its multipart upload open, as put() leaves them when the process dies.
      const crashed = await db.documentBlob.create({ data: { storage: "s3", createdById: owner.id, createdAt: new Date(Date.now() - 3 * 3600_000) }, select: { id: true } });
      await (await s3.client()).send(new PutObjectCommand({ Bucket: server.config.bucket, Key: `documents/${crashed.id}`, Body: Buffer.from("partial") }));
      // A complete file whose command never ran (the process died in between), two hours ago.
      const left = await store.put(streamOf(randomBytes(1000)).stream, { maxBytes: MB, ownerId: owner.id });
      await db.documentBlob.update({ where: { id: left.id }, data: { createdAt: new Date(Date.now() - 2 * 3600_000) } });
      // A file just stored, not yet attached: kept (its command is about to run).
      const fresh = await store.put(streamOf(randomBytes(1000)).stream, { maxBytes: MB, ownerId: owner.id });
      // A version's file and a board book's file, old: kept.
      const { meeting } = await meetingWithJusItem();
      const answer = await upload(owner, newDocument("meeting", meeting.id), samplePdf("Held by a version"));
      if (!answer.body.ok) throw new Error("refused");
      const held = (await db.documentVersion.findUniqueOrThrow({ where: { id: answer.body.data.versionId }, select: { blobId: true } })).blobId;
      const book = await store.put(streamOf(samplePdf("Book")).stream, { maxBytes: MB, ownerId: owner.id });
      await db.boardBook.create({ data: { meetingId: meeting.id, locale: "en", fingerprint: "0".repeat(64), blobId: book.id } });
      await db.documentBlob.updateMany({ where: { id: { in: [held, book.id] } }, data: { createdAt: new Date(Date.now() - 5 * 3600_000) } });

      const swept = await sweepDocumentBlobs(new Date());
      expect(swept).toBeGreaterThanOrEqual(2);
      const ids = (await db.documentBlob.findMany({ where: { id: { in: [crashed.id, left.id, fresh.id, held, book.id] } }, select: { id: true } })).map((row) => row.id);
      expect(ids.sort()).toEqual([fresh.id, held, book.id].sort());
      const files = server.objectFiles();
      expect(files).not.toContain(`documents/${crashed.id}._S3rver_object`);
      expect(files).not.toContain(`documents/${left.id}._S3rver_object`);
      for (const id of [fresh.id, held, book.id]) expect(files).toContain(`documents/${id}._S3rver_object`);
      expect(sha256(await readAll((await store.get(held))!))).toBe(sha256(samplePdf("Held by a version")));
      await db.boardBook.delete({ where: { meetingId_locale: { meetingId: meeting.id, locale: "en" } } });
      await store.discard(book.id);
      await store.discard(fresh.id);
    });
  });
});
