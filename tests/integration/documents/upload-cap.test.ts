import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { documentUploadSlots } from "@/lib/documents/settings";
import { receiveUpload, uploadsInProgress } from "@/lib/documents/transfer";
import { sessionUser } from "../../support/database";
import { withEnv } from "../../support/s3";
import { meetingWithJusItem, newDocument, samplePdf, storedCounts, upload } from "./support";

/** A PDF stream that sends its first bytes and then waits until `release()` before sending the rest. */
function heldStream() {
  const pdf = Buffer.concat([samplePdf(), Buffer.alloc(400 * 1024, 32)]);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const startedReading = new Promise<void>((resolve) => (started = resolve));
  let step = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (step === 0) {
        controller.enqueue(pdf.subarray(0, 64 * 1024));
        step = 1;
        started();
        return;
      }
      if (step === 1) {
        await released;
        controller.enqueue(pdf.subarray(64 * 1024));
        step = 2;
        return;
      }
      controller.close();
    },
  }, { highWaterMark: 0 });
  return { stream, release, startedReading, size: pdf.length };
}

describe("the cap on concurrent uploads per instance (DOCUMENT_UPLOADS_MAX)", () => {
  it("defaults to half the database pool, at least one, and reads the setting", () => {
    expect(documentUploadSlots({})).toBe(5);
    expect(documentUploadSlots({ DATABASE_POOL_MAX: "3" })).toBe(1);
    expect(documentUploadSlots({ DATABASE_POOL_MAX: "1" })).toBe(1);
    expect(documentUploadSlots({ DOCUMENT_UPLOADS_MAX: "7", DATABASE_POOL_MAX: "4" })).toBe(7);
    expect(documentUploadSlots({ DOCUMENT_UPLOADS_MAX: "zero" })).toBe(5);
  });

  it("refuses the upload past the cap with 'try again shortly' in the user's language, storing nothing, and takes the next one once a slot is free", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const { meeting } = await meetingWithJusItem();
    await withEnv({ DOCUMENT_UPLOADS_MAX: "2" }, async () => {
      const slow = [heldStream(), heldStream()];
      const running = slow.map((held, index) =>
        receiveUpload({ user: coordinator, query: newDocument("meeting", meeting.id, { titleEn: `Slow ${index}` }), body: held.stream, contentLength: held.size, requestId: "cap", locale: "en" }),
      );
      // Both are being read by the store (and hold their slot) when the third arrives.
      await Promise.all(slow.map((held) => held.startedReading));
      await vi.waitFor(() => expect(uploadsInProgress()).toBe(2));

      const before = await storedCounts();
      const refused = await upload(coordinator, newDocument("meeting", meeting.id, { titleEn: "Third" }), samplePdf());
      expect(refused).toEqual({ status: 503, body: { ok: false, code: "busy", message: "Too many files are being uploaded right now. Nothing was saved; try again shortly." } });
      const { stream } = heldStream();
      const refusedFr = await receiveUpload({ user: coordinator, query: newDocument("meeting", meeting.id), body: stream, contentLength: null, requestId: "cap", locale: "fr" });
      expect(refusedFr.body).toMatchObject({ ok: false, code: "busy", message: "Trop de fichiers sont en cours de téléversement. Rien n'a été enregistré; réessayez dans quelques instants." });
      // Nothing stored of the refused ones (the two held uploads have not committed yet).
      expect(await storedCounts()).toEqual(before);

      slow.forEach((held) => held.release());
      const answers = await Promise.all(running);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      expect(uploadsInProgress()).toBe(0);

      // A refused upload gives its slot back too; then the next one goes through.
      const wrongType = await upload(coordinator, newDocument("meeting", meeting.id, { fileName: "page.pdf" }), Buffer.from("<html><body>hi</body></html>"));
      expect(wrongType.status).toBe(400);
      expect(uploadsInProgress()).toBe(0);
      const next = await upload(coordinator, newDocument("meeting", meeting.id, { titleEn: "After" }), samplePdf());
      expect(next.status).toBe(200);
      expect(await db.document.count({ where: { meetingId: meeting.id } })).toBe(3);
    });
  });
});
