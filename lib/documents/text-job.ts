import { db } from "@/lib/db";
import { extractText } from "./extract";
import { documentStore } from "./storage";

/**
 * The worker's job (lib/jobs/worker.ts): extracts the text of versions uploaded since its last run, a few at a time,
 * oldest first, and stores it for the search. A file that cannot be read is marked done with no text, so it is not
 * retried forever. Not "server-only": the worker runs from instrumentation.ts. Returns how many were processed.
 */
export async function extractPendingTexts(limit = 5): Promise<number> {
  const pending = await db.documentVersion.findMany({ where: { textExtractedAt: null }, orderBy: { createdAt: "asc" }, take: limit, select: { id: true, kind: true, blobId: true } });
  for (const version of pending) {
    let text: string | null = null;
    try {
      const stream = await documentStore().get(version.blobId);
      if (stream) text = await extractText(version.kind, new Uint8Array(await new Response(stream).arrayBuffer()));
    } catch (error) {
      console.warn(JSON.stringify({ level: "warn", time: new Date().toISOString(), msg: "document text not extracted", versionId: version.id, error: error instanceof Error ? error.message : String(error) }));
    }
    await db.documentVersion.update({ where: { id: version.id }, data: { text, textExtractedAt: new Date() } });
  }
  return pending.length;
}
