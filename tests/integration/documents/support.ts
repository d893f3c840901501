import { createHash } from "node:crypto";
import JSZip from "jszip";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { openDownload, receiveUpload } from "@/lib/documents/transfer";
import { CHUNK_BYTES } from "@/lib/documents/storage";
import { departmentId } from "../../support/database";
import { makeMeeting } from "../meetings/support";

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A small real PDF (one page, one line of text), written by hand. */
export function samplePdf(text = "Briefing note"): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${`BT /F1 18 Tf 72 720 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 72 720 Td (${text}) Tj ET\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A minimal Word document (the parts the sniffer looks for), zipped by JSZip. */
export async function sampleDocx(text = "Draft framework"): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file("word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`);
  return zip.generateAsync({ type: "nodebuffer" });
}

/** A stream of `bytes` in pieces of `piece` bytes, pulled lazily; `pulled()` says how many bytes were asked for. */
export function streamOf(bytes: Uint8Array, piece = 64 * 1024) {
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + piece));
      offset += piece;
    },
  });
  return { stream, pulled: () => Math.min(offset, bytes.length) };
}

export async function upload(user: SessionUser | null, query: Record<string, string>, bytes: Uint8Array, options: { contentLength?: number | null } = {}) {
  const { stream } = streamOf(bytes);
  return receiveUpload({ user, query, body: stream, contentLength: options.contentLength === undefined ? bytes.length : options.contentLength, requestId: "test", locale: "en" });
}

export async function download(user: SessionUser, versionId: string) {
  const response = await openDownload(user, versionId, "test");
  if (!response) return null;
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

export const newDocument = (target: string, targetId: string, overrides: Record<string, string> = {}) => ({
  target,
  targetId,
  titleEn: "Briefing note",
  titleFr: "Note d'information",
  language: "bilingual",
  marking: "UNCLASSIFIED",
  fileName: "briefing.pdf",
  ...overrides,
});

/** An initiative led by JUS, from the seed. */
export async function jusInitiative() {
  return db.initiative.findFirstOrThrow({ where: { leadDepartmentId: await departmentId("JUS"), archivedAt: null }, select: { id: true } });
}

/** A draft meeting with one item presented by JUS and one by nobody. */
export async function meetingWithJusItem() {
  const meeting = await makeMeeting();
  const jus = await departmentId("JUS");
  const item = await db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, titleEn: "JUS framework", titleFr: "Cadre de JUS", presentingDepartmentId: jus }, select: { id: true } });
  const other = await db.agendaItem.create({ data: { meetingId: meeting.id, position: 2, titleEn: "Round table", titleFr: "Tour de table" }, select: { id: true } });
  return { meeting, item, other };
}

/** A stored file of no one (as a server-side import stores it), for the matrix rows that call the command directly. */
export async function storedBlob(bytes: Uint8Array) {
  const blob = await db.documentBlob.create({ data: { sizeBytes: bytes.length, sha256: sha256(bytes), completedAt: new Date() }, select: { id: true } });
  for (let seq = 0; seq * CHUNK_BYTES < bytes.length; seq++) {
    await db.documentChunk.create({ data: { blobId: blob.id, seq, data: new Uint8Array(bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES)) } });
  }
  return blob.id;
}

export const storedCounts = async () => ({
  documents: await db.document.count(),
  versions: await db.documentVersion.count(),
  blobs: await db.documentBlob.count(),
  chunks: await db.documentChunk.count(),
});
