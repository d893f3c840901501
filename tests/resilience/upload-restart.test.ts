/**
 * "A restart of PostgreSQL during an upload leaves no partial document" (issue 20, Done when). The production portal
 * receives a 12 MB paper as a browser sends it (the file as the request body, streamed); half-way the database is
 * stopped, the rest of the file is still sent, and the database is started again. Then:
 *
 * - the portal is the same process, healthy, and the cut upload was answered (not left hanging) with a failure;
 * - no document, version, blob or chunk row is left of it, and no audit event;
 * - the next upload of the same file goes through, and downloads byte for byte.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OwnDatabase, type Portal, portalPort, signIn, startPortal } from "./support";

const MB = 1024 * 1024;
const FILE_BYTES = 12 * MB;
const PIECE = 256 * 1024;

let database: OwnDatabase;
let portal: Portal;

beforeAll(async () => {
  database = await OwnDatabase.create("upload");
  portal = await startPortal(portalPort(3), database.databaseUrl);
}, 180_000);

afterAll(async () => {
  await portal?.stop();
  await database?.destroy();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A real PDF header and trailer around blank filler: a file the portal accepts. */
function paper(): Buffer {
  const head = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n", "latin1");
  const tail = Buffer.from("\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
  const bytes = Buffer.alloc(FILE_BYTES, 32);
  head.copy(bytes, 0);
  tail.copy(bytes, FILE_BYTES - tail.length);
  return bytes;
}

/** The body as a browser streams it; `onHalf` runs (awaited) once half the file has been sent. */
function bodyOf(bytes: Buffer, onHalf?: () => Promise<void>) {
  let sent = 0;
  let halfDone = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= bytes.length) return controller.close();
      if (!halfDone && onHalf && sent >= bytes.length / 2) {
        halfDone = true;
        await onHalf();
      }
      controller.enqueue(new Uint8Array(bytes.subarray(sent, sent + PIECE)));
      sent += PIECE;
      // A browser on a real network: the file takes a moment to arrive.
      await sleep(5);
    },
  });
}

async function counts() {
  const [row] = await database.query<{ documents: number; versions: number; blobs: number; chunks: number; audit: number }>(
    `SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM document_versions) AS versions,
            (SELECT count(*)::int FROM document_blobs) AS blobs, (SELECT count(*)::int FROM document_chunks) AS chunks,
            (SELECT count(*)::int FROM audit_events WHERE action LIKE 'document.%') AS audit`,
  );
  return row!;
}

describe("a PostgreSQL restart during an upload", () => {
  it("leaves no partial document, and the next upload goes through", async () => {
    const base = portal.url;
    const cookie = (await signIn(base, "coordinator@iwgtip.example"))!;
    expect(cookie).toBeTruthy();
    const [meeting] = await database.query<{ id: string }>("SELECT id::text AS id FROM meetings ORDER BY starts_at DESC LIMIT 1");
    const query = new URLSearchParams({ target: "meeting", targetId: meeting!.id, titleEn: "Restart paper", titleFr: "Document du redémarrage", language: "bilingual", marking: "UNCLASSIFIED", fileName: "restart.pdf", locale: "en" });
    const uploadUrl = `${base}/api/documents/upload?${query}`;
    const send = (body: ReadableStream<Uint8Array>) =>
      fetch(uploadUrl, { method: "POST", body, headers: { cookie, origin: base, "content-type": "application/pdf" }, duplex: "half" } as RequestInit & { duplex: "half" });
    const bytes = paper();
    const before = await counts();
    const pid = portal.process.pid;

    // Half-way through the file, the database stops; the browser goes on sending; then the database comes back.
    // The server may answer (its connection terminated by the shutdown) before stop() has returned: keep the promise.
    let stopping: Promise<void> | null = null;
    let stoppedAt = 0;
    const cut = await send(
      bodyOf(bytes, async () => {
        stoppedAt = Date.now();
        stopping = database.stop();
        await stopping;
      }),
    ).then(
      async (response) => ({ status: response.status, text: await response.text() }),
      // The server may answer (and close) before the browser has sent everything: a reset connection is fine too.
      (error: unknown) => ({ status: 0, text: String(error) }),
    );
    const answeredAt = Date.now();
    expect(stoppedAt, `answered ${cut.status} before half the file was sent: ${cut.text.slice(0, 200)}`).toBeGreaterThan(0);
    await stopping;
    await database.start();
    console.log(`[upload restart] the cut upload answered ${cut.status} ${answeredAt - stoppedAt} ms after the database began to stop: ${cut.text.slice(0, 120)}`);
    expect(cut.status === 0 || cut.status >= 500).toBe(true);

    // The same process, healthy once the database is back.
    for (let waited = 0; waited < 15_000 && (await fetch(`${base}/api/health`)).status !== 200; waited += 250) await sleep(250);
    expect(portal.process.exitCode).toBeNull();
    expect(portal.process.pid).toBe(pid);

    // Nothing of the cut upload: no document, no version, no blob, no chunk, no audit event.
    expect(await counts()).toEqual(before);

    // The next upload goes through (the pool may need a moment to drop its dead connections: a few tries at most).
    let next: { status: number; body: { ok: boolean; data?: { versionId: string } } } = { status: 0, body: { ok: false } };
    for (let attempt = 0; attempt < 5 && next.status !== 200; attempt++) {
      if (attempt > 0) await sleep(1_000);
      const response = await send(bodyOf(bytes));
      next = { status: response.status, body: response.headers.get("content-type")?.includes("json") ? await response.json() : { ok: false } };
    }
    expect(next.status).toBe(200);
    const after = await counts();
    expect(after.documents).toBe(before.documents + 1);
    expect(after.versions).toBe(before.versions + 1);
    expect(after.blobs).toBe(before.blobs + 1);
    const download = await fetch(`${base}/api/documents/versions/${next.body.data!.versionId}`, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(bytes));
  });
});
