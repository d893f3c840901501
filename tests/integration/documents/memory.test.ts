import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openDownload, receiveUpload } from "@/lib/documents/transfer";
import { sessionUser } from "../../support/database";
import { meetingWithJusItem, newDocument, samplePdf } from "./support";

const MB = 1024 * 1024;

/**
 * A 25 MB PDF made piece by piece as it is read, so that the test itself never holds it; one piece buffer is sent
 * again and again (the store copies what it reads), so that what is measured is the portal's memory, not the test's.
 */
function lazyPdf(size: number) {
  let sent = 0;
  const blank = new Uint8Array(64 * 1024).fill(32);
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const piece = sent === 0 ? samplePdf() : blank.subarray(0, Math.min(blank.length, size - sent));
      sent += piece.length;
      controller.enqueue(piece);
    },
  });
}

/** Samples the resident memory while `work` runs; answers the highest rise above the level before. */
async function peakRise(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}

describe("memory of a 25 MB upload (issue 20, speed)", () => {
  it("does not hold the file several times over (a regression guard; the issue's 50 MB target is the bench's)", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const { meeting } = await meetingWithJusItem();
    let versionId = "";
    const up = await peakRise(async () => {
      const answer = await receiveUpload({ user: coordinator, query: newDocument("meeting", meeting.id), body: lazyPdf(25 * MB - 1024), contentLength: null, requestId: "t", locale: "en" });
      if (!answer.body.ok) throw new Error(JSON.stringify(answer.body));
      versionId = answer.body.data.versionId;
    });
    expect((await db.documentVersion.findUniqueOrThrow({ where: { id: versionId } })).sizeBytes).toBe(25 * MB - 1024);
    const down = await peakRise(async () => {
      const response = await openDownload(coordinator, versionId, "t");
      const reader = response!.body!.getReader();
      let read = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        read += value.length;
      }
      expect(read).toBe(25 * MB - 1024);
    });
    console.log(JSON.stringify({ uploadRssRiseMB: Math.round(up / MB), downloadRssRiseMB: Math.round(down / MB) }));
    // Measured in this test process (shared with the other tests, its collector's timing its own): 2 to 50 MB for the
    // upload; for the download 40 to 55 MB with vitest's default young generation, 2 to 11 MB with the production
    // server's 4 MB semi-spaces since chunks are read in 32 KB pieces (36 to 51 MB before, 512 KB hex strings
    // collected late). Through Prisma the upload rose by 108 MB: the bound below catches a return to that, not the
    // issue's 50 MB (the bench's measure, bench/upload-memory.ts).
    expect(up).toBeLessThan(75 * MB);
    expect(down).toBeLessThan(25 * MB * 4);
  }, 120_000);
});
