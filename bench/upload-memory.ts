/**
 * The issue 20 speed target: "an upload of a 25 MB file keeps the server's resident memory within 50 MB of its level
 * before". A 25 MB PDF is posted to the upload route as the upload form's browser sends it (the file as the request
 * body, with its Content-Length, in pieces as the network delivers them), then downloaded; the server's resident
 * memory (its process tree, from /proc) is sampled before, every 50 ms during each transfer, and after.
 */
import http from "node:http";
import pg from "pg";
import { residentMemory } from "./measure";

const MB = 1024 * 1024;
export const UPLOAD_BYTES = 25 * MB;

export type UploadMemoryFigures = {
  /** The level before the upload, MB (the median of a few samples). */
  beforeMb: number;
  /** The highest level while the file was arriving and being stored, above the level before, MB. */
  uploadRiseMb: number;
  /** The level 2 s after the upload answered, above the level before, MB. */
  afterRiseMb: number;
  /** The highest level while the file was downloaded, above the level before, MB. */
  downloadRiseMb: number;
  uploadSeconds: number;
  downloadSeconds: number;
  status: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sampler(pid: number) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, residentMemory(pid))), 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, residentMemory(pid));
  };
}

async function level(pid: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(residentMemory(pid));
    await sleep(200);
  }
  return samples.sort((a, b) => a - b)[2]!;
}

/** Posts `size` bytes of a PDF (a header, then blanks), 64 KB at a time, waiting for the socket to drain. */
function postFile(url: string, cookie: string, origin: string, size: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { cookie, origin, "content-type": "application/pdf", "content-length": String(size) } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (piece: string) => (body += piece));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    const head = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n", "latin1");
    const blank = Buffer.alloc(64 * 1024, 32);
    let sent = 0;
    const write = () => {
      while (sent < size) {
        const piece = sent === 0 ? head : blank.subarray(0, Math.min(blank.length, size - sent));
        sent += piece.length;
        if (!request.write(piece)) return void request.once("drain", write);
      }
      request.end();
    };
    write();
  });
}

export async function measureUploadMemory(baseUrl: string, databaseUrl: string, serverPid: number, cookie: string): Promise<UploadMemoryFigures> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let meetingId: string;
  try {
    meetingId = (await client.query<{ id: string }>("SELECT id::text AS id FROM meetings ORDER BY starts_at DESC LIMIT 1")).rows[0]!.id;
  } finally {
    await client.end();
  }
  const query = new URLSearchParams({ target: "meeting", targetId: meetingId, titleEn: "Bench paper", titleFr: "Document du banc d'essai", language: "bilingual", marking: "UNCLASSIFIED", fileName: "bench.pdf", locale: "en" });
  await sleep(2_000);
  const before = await level(serverPid);

  let stop = sampler(serverPid);
  let started = Date.now();
  const answer = await postFile(`${baseUrl}/api/documents/upload?${query}`, cookie, baseUrl, UPLOAD_BYTES);
  const uploadSeconds = (Date.now() - started) / 1000;
  const uploadPeak = stop();
  await sleep(2_000);
  const after = residentMemory(serverPid);
  if (answer.status !== 200) throw new Error(`the 25 MB upload answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  const versionId = (JSON.parse(answer.body) as { data: { versionId: string } }).data.versionId;

  stop = sampler(serverPid);
  started = Date.now();
  const response = await fetch(`${baseUrl}/api/documents/versions/${versionId}`, { headers: { cookie } });
  let read = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.length;
  }
  const downloadSeconds = (Date.now() - started) / 1000;
  const downloadPeak = stop();
  if (response.status !== 200 || read !== UPLOAD_BYTES) throw new Error(`the 25 MB download answered ${response.status} with ${read} bytes`);
  return {
    beforeMb: before / MB,
    uploadRiseMb: (uploadPeak - before) / MB,
    afterRiseMb: (after - before) / MB,
    downloadRiseMb: (downloadPeak - before) / MB,
    uploadSeconds,
    downloadSeconds,
    status: answer.status,
  };
}
