import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { requestPaper, withdrawDocument } from "@/lib/documents/commands";
import { listDocuments, paperRequestsForDepartment, paperRequestsForMeeting } from "@/lib/documents/queries";
import { DOCUMENT_MAX_MEGABYTES_KEY } from "@/lib/documents/settings";
import { receiveUpload } from "@/lib/documents/transfer";
import { sessionUser } from "../../support/database";
import { daysFromToday } from "../meetings/support";
import { download, jusInitiative, meetingWithJusItem, newDocument, sampleDocx, samplePdf, sha256, storedCounts, streamOf, upload } from "./support";

let coordinator: SessionUser;
let repJus: SessionUser;
let repRcmp: SessionUser;
let executive: SessionUser;

beforeAll(async () => {
  coordinator = await sessionUser("coordinator@iwgtip.example");
  repJus = await sessionUser("rep.jus@iwgtip.example");
  repRcmp = await sessionUser("rep.rcmp@iwgtip.example");
  executive = await sessionUser("executive@iwgtip.example");
});

/** Runs an upload expected to be refused and checks that nothing of it was stored: no row, no bytes, no audit event. */
async function refusedLeavesNothing<T>(call: () => Promise<T>): Promise<T> {
  const before = { ...(await storedCounts()), audit: await db.auditEvent.count() };
  const result = await call();
  expect({ ...(await storedCounts()), audit: await db.auditEvent.count() }).toEqual(before);
  return result;
}

describe("uploading and downloading documents", () => {
  it("stores a PDF on a meeting streamed in chunks and serves the same bytes back as an attachment", async () => {
    const { meeting } = await meetingWithJusItem();
    // Bigger than one chunk, so that it is cut and put back together.
    const pdf = Buffer.concat([samplePdf(), Buffer.alloc(600 * 1024, 32)]);
    const answer = await upload(coordinator, newDocument("meeting", meeting.id, { fileName: "Note d’information – été.pdf" }), pdf);
    expect(answer).toMatchObject({ status: 200, body: { ok: true, data: { number: 1, kind: "pdf" } } });
    if (!answer.body.ok) throw new Error("refused");
    const version = await db.documentVersion.findUniqueOrThrow({ where: { id: answer.body.data.versionId } });
    expect(version).toMatchObject({ sizeBytes: pdf.length, sha256: sha256(pdf), kind: "pdf" });
    expect(await db.documentChunk.count({ where: { blobId: version.blobId } })).toBe(3);

    const served = await download(repRcmp, version.id);
    expect(served).not.toBeNull();
    expect(sha256(served!.bytes)).toBe(sha256(pdf));
    expect(served!.response.headers.get("content-type")).toBe("application/pdf");
    expect(served!.response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served!.response.headers.get("content-security-policy")).toContain("sandbox");
    const disposition = served!.response.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? "")).toBe("Note d’information – été.pdf");
    expect(await db.auditEvent.count({ where: { action: "document.upload", entityId: answer.body.data.documentId } })).toBe(1);
  });

  it("keeps every version readable, each audited, and withdraws with a reason without deleting", async () => {
    const initiative = await jusInitiative();
    const first = await sampleDocx("First draft");
    const answer = await upload(repJus, newDocument("initiative", initiative.id, { fileName: "framework.docx", marking: "PROTECTED_A" }), first);
    expect(answer).toMatchObject({ status: 200, body: { ok: true, data: { kind: "docx" } } });
    if (!answer.body.ok) throw new Error("refused");
    const documentId = answer.body.data.documentId;

    const second = samplePdf("Second draft");
    const next = await upload(repJus, { target: "initiative", targetId: initiative.id, documentId, fileName: "framework-v2.pdf" }, second);
    expect(next).toMatchObject({ status: 200, body: { ok: true, data: { number: 2, kind: "pdf" } } });

    const list = await listDocuments(executive, "initiative", initiative.id);
    const row = list!.documents.find((document) => document.id === documentId)!;
    expect(row.currentVersion).toBe(2);
    expect(row.versions.map((version) => version.number)).toEqual([2, 1]);
    expect(list!.mayUpload).toBe(false);
    for (const [version, bytes] of [[row.versions[1]!, first], [row.versions[0]!, second]] as const) {
      const served = await download(executive, version.id);
      expect(sha256(served!.bytes)).toBe(sha256(bytes));
    }
    // Protected: every download is an audit event.
    expect(await db.auditEvent.count({ where: { action: "document.download", entityId: documentId } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "document.newVersion", entityId: documentId } })).toBe(1);

    const document = await db.document.findUniqueOrThrow({ where: { id: documentId } });
    expect(await withdrawDocument(repRcmp, { id: documentId, reason: "Wrong file", version: document.version })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await withdrawDocument(repJus, { id: documentId, reason: "Superseded by the framework", version: document.version })).toMatchObject({ ok: true });
    const withdrawn = await db.document.findUniqueOrThrow({ where: { id: documentId }, include: { versions: true } });
    expect(withdrawn.withdrawReason).toBe("Superseded by the framework");
    expect(withdrawn.versions).toHaveLength(2);
    // Out of view for readers, still in the history for the coordinator.
    expect(await download(executive, row.versions[0]!.id)).toBeNull();
    expect(sha256((await download(coordinator, row.versions[1]!.id))!.bytes)).toBe(sha256(first));
    const again = await refusedLeavesNothing(() => upload(repJus, { target: "initiative", targetId: initiative.id, documentId, fileName: "v3.pdf" }, samplePdf()));
    expect(again).toMatchObject({ status: 400, body: { fieldErrors: { file: [expect.stringContaining("withdrawn")] } } });
  });
});

describe("bad input stores nothing", () => {
  it("refuses a marking above Protected B, saying why", async () => {
    const { meeting } = await meetingWithJusItem();
    const answer = await refusedLeavesNothing(() => upload(coordinator, newDocument("meeting", meeting.id, { marking: "SECRET" }), samplePdf()));
    expect(answer).toMatchObject({ status: 400, body: { ok: false, fieldErrors: { marking: [expect.stringContaining("Protected B")] } } });
    const french = await receiveUpload({ user: coordinator, query: newDocument("meeting", meeting.id, { marking: "PROTECTED_C" }), body: streamOf(samplePdf()).stream, contentLength: null, requestId: "t", locale: "fr" });
    expect(french).toMatchObject({ status: 400, body: { fieldErrors: { marking: [expect.stringContaining("Protégé B")] } } });
  });

  it("reads the type from the content, not the name", async () => {
    const { meeting } = await meetingWithJusItem();
    const executable = Buffer.concat([Buffer.from("MZ\x90\x00\x03", "latin1"), Buffer.alloc(2000, 0)]);
    expect(await refusedLeavesNothing(() => upload(coordinator, newDocument("meeting", meeting.id, { fileName: "report.pdf" }), executable))).toMatchObject({
      status: 400,
      body: { fieldErrors: { file: [expect.stringContaining("not accepted")] } },
    });
    const html = Buffer.from("<html><script>alert(1)</script></html>\u0000");
    expect(await refusedLeavesNothing(() => upload(coordinator, newDocument("meeting", meeting.id, { fileName: "page.html" }), html))).toMatchObject({ status: 400 });
    // A Word document named .pdf: the content does not match the extension.
    expect(await refusedLeavesNothing(async () => upload(coordinator, newDocument("meeting", meeting.id, { fileName: "paper.pdf" }), await sampleDocx()))).toMatchObject({
      status: 400,
      body: { fieldErrors: { file: [expect.stringContaining("does not match")] } },
    });
  });

  it("refuses an empty file, an unusable name, and cleans a path out of a name", async () => {
    const { meeting } = await meetingWithJusItem();
    expect(await refusedLeavesNothing(() => upload(coordinator, newDocument("meeting", meeting.id), new Uint8Array(0)))).toMatchObject({ status: 400, body: { fieldErrors: { file: [expect.stringContaining("empty")] } } });
    expect(await refusedLeavesNothing(() => upload(coordinator, newDocument("meeting", meeting.id, { fileName: `${"a".repeat(496)}.pdf` }), samplePdf()))).toMatchObject({ status: 400, body: { fieldErrors: { file: [expect.any(String)] } } });
    const answer = await upload(coordinator, newDocument("meeting", meeting.id, { fileName: "../../etc/\u202epasswd.txt", marking: "UNCLASSIFIED" }), Buffer.from("line one\nline two\n"));
    expect(answer).toMatchObject({ status: 200, body: { data: { kind: "txt" } } });
    if (!answer.body.ok) throw new Error("refused");
    expect((await db.documentVersion.findUniqueOrThrow({ where: { id: answer.body.data.versionId } })).fileName).toBe("passwd.txt");
  });

  it("refuses a file over the size setting while it streams, before reading it all", async () => {
    const { meeting } = await meetingWithJusItem();
    const previous = await db.setting.findUnique({ where: { key: DOCUMENT_MAX_MEGABYTES_KEY } });
    await db.setting.upsert({ where: { key: DOCUMENT_MAX_MEGABYTES_KEY }, create: { key: DOCUMENT_MAX_MEGABYTES_KEY, value: 1 }, update: { value: 1 } });
    try {
      const big = Buffer.concat([samplePdf(), Buffer.alloc(4 * 1024 * 1024, 32)]);
      const { stream, pulled } = streamOf(big);
      const answer = await refusedLeavesNothing(() =>
        receiveUpload({ user: coordinator, query: newDocument("meeting", meeting.id), body: stream, contentLength: null, requestId: "t", locale: "en" }),
      );
      expect(answer).toMatchObject({ status: 413, body: { fieldErrors: { file: [expect.stringContaining("1 MB")] } } });
      expect(pulled()).toBeLessThan(2 * 1024 * 1024);
      // Announced too large: refused before a byte is read.
      expect(await refusedLeavesNothing(() => upload(coordinator, newDocument("meeting", meeting.id), big))).toMatchObject({ status: 413 });
    } finally {
      if (previous) await db.setting.update({ where: { key: DOCUMENT_MAX_MEGABYTES_KEY }, data: { value: previous.value ?? 25, version: previous.version } });
      else await db.setting.delete({ where: { key: DOCUMENT_MAX_MEGABYTES_KEY } });
    }
  });
});

describe("an interrupted upload stores nothing", () => {
  it("leaves no row and no bytes when the browser's stream breaks off half-way", async () => {
    const { meeting } = await meetingWithJusItem();
    let sent = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 700 * 1024) return controller.error(new Error("connection reset by peer"));
        controller.enqueue(sent === 0 ? samplePdf() : new Uint8Array(64 * 1024));
        sent += 64 * 1024;
      },
    });
    await refusedLeavesNothing(async () => {
      await expect(receiveUpload({ user: coordinator, query: newDocument("meeting", meeting.id), body: broken, contentLength: null, requestId: "t", locale: "en" })).rejects.toThrow();
    });
  });

  it("leaves no row and no bytes when the database connection of the upload dies half-way (as in a restart)", async () => {
    const { meeting } = await meetingWithJusItem();
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 512 * 1024) {
          // The upload's transaction has written chunks by now: end its server process, as a restart would.
          await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database() AND xact_start IS NOT NULL AND state = 'idle in transaction'`;
        }
        if (sent >= 1024 * 1024) return controller.close();
        controller.enqueue(sent === 0 ? samplePdf() : new Uint8Array(64 * 1024));
        sent += 64 * 1024;
      },
    });
    await refusedLeavesNothing(async () => {
      await expect(receiveUpload({ user: coordinator, query: newDocument("meeting", meeting.id), body: stream, contentLength: null, requestId: "t", locale: "en" })).rejects.toThrow();
    });
    // The pool recovers: the next upload goes through.
    expect(await upload(coordinator, newDocument("meeting", meeting.id), samplePdf())).toMatchObject({ status: 200 });
  });
});

describe("who may upload and read", () => {
  it("lets a representative upload only to their department's records; an executive nowhere", async () => {
    const initiative = await jusInitiative();
    const { meeting, item } = await meetingWithJusItem();
    for (const [user, target, id] of [
      [repRcmp, "initiative", initiative.id],
      [repRcmp, "agendaItem", item.id],
      [executive, "initiative", initiative.id],
      [repJus, "meeting", meeting.id],
    ] as const) {
      expect(await refusedLeavesNothing(() => upload(user, newDocument(target, id), samplePdf()))).toMatchObject({ status: 403, body: { ok: false, code: "forbidden" } });
    }
    expect(await upload(repJus, newDocument("agendaItem", item.id), samplePdf())).toMatchObject({ status: 200 });
    expect(await upload(null, newDocument("agendaItem", item.id), samplePdf())).toMatchObject({ status: 401 });
  });

  it("answers 404 for a version that does not exist or whose record is off the agenda", async () => {
    expect(await download(repJus, "6b1f0c55-0000-4000-8000-000000000000")).toBeNull();
    const { item } = await meetingWithJusItem();
    const answer = await upload(coordinator, newDocument("agendaItem", item.id), samplePdf());
    if (!answer.body.ok) throw new Error("refused");
    expect(await download(repRcmp, answer.body.data.versionId)).not.toBeNull();
    await db.agendaItem.update({ where: { id: item.id }, data: { deletedAt: new Date(), deletedById: coordinator.id } });
    expect(await download(repRcmp, answer.body.data.versionId)).toBeNull();
    expect(await download(coordinator, answer.body.data.versionId)).toBeNull();
  });
});

describe("paper requests", () => {
  it("asks the presenting department, shows it on its list, marks it received and changed since publication", async () => {
    const { meeting, item, other } = await meetingWithJusItem();
    expect(await requestPaper(repJus, { agendaItemId: item.id, dueDate: daysFromToday(5) })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await requestPaper(coordinator, { agendaItemId: other.id, dueDate: daysFromToday(5) })).toMatchObject({ ok: false, code: "invalid" });
    const created = await requestPaper(coordinator, { agendaItemId: item.id, dueDate: daysFromToday(5), noteEn: "Two pages", noteFr: "Deux pages" });
    expect(created).toMatchObject({ ok: true });
    if (!created.ok) throw new Error("refused");
    expect(await requestPaper(coordinator, { agendaItemId: item.id, dueDate: daysFromToday(6) })).toMatchObject({ ok: false, code: "invalid" });

    expect((await paperRequestsForDepartment(repJus)).find((request) => request.id === created.data.id)).toMatchObject({ received: false, meeting: { id: meeting.id } });
    expect((await paperRequestsForDepartment(repRcmp)).some((request) => request.id === created.data.id)).toBe(false);

    const answer = await upload(repJus, newDocument("agendaItem", item.id, { paperRequestId: created.data.id }), samplePdf());
    if (!answer.body.ok) throw new Error("refused");
    expect((await paperRequestsForMeeting(executive, meeting.id)).find((request) => request.id === created.data.id)).toMatchObject({ received: true, changedSincePublication: false });

    await db.meeting.update({ where: { id: meeting.id }, data: { agendaStatus: "PUBLISHED", publishedAt: new Date() } });
    const replaced = await upload(repJus, { target: "agendaItem", targetId: item.id, documentId: answer.body.data.documentId, fileName: "paper-v2.pdf" }, samplePdf("Revised"));
    expect(replaced).toMatchObject({ status: 200, body: { data: { number: 2 } } });
    expect((await paperRequestsForMeeting(executive, meeting.id)).find((request) => request.id === created.data.id)).toMatchObject({ received: true, changedSincePublication: true });
  });
});
