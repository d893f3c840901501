import "server-only";
import { createTranslator } from "next-intl";
import type { SessionUser } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { catalogues } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/routing";
import { uploadDocument } from "./commands";
import { getDownload, mayUploadTo } from "./queries";
import { uploadMetadataSchema } from "./schemas";
import { documentMaxBytes, documentUploadSlots } from "./settings";
import { attachmentDisposition, contentTypes, servedFileName } from "./sniff";
import { documentStore, UploadTooLargeError } from "./storage";

/*
 * The two transfers of a document, called by the route handlers (app/api/documents/...) and by the tests: the
 * upload streams the request body into the store and then runs the `document.upload` command, which decides; a
 * refused upload is discarded, so nothing of it stays. The download streams the stored bytes back, checked against
 * the stored checksum, as an attachment of the sniffed type.
 */

export type UploadAnswer =
  | { status: 200; body: { ok: true; data: { documentId: string; versionId: string; number: number; kind: string } } }
  | { status: 400 | 401 | 403 | 404 | 409 | 413 | 503; body: { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> } };

/** The uploads this instance is receiving now (one counter per process, kept across module reloads in development). */
const inProgress = ((globalThis as { __iwgtipUploads?: { count: number } }).__iwgtipUploads ??= { count: 0 });

/** How many uploads this instance is receiving (for the tests and the bench). */
export const uploadsInProgress = () => inProgress.count;

export async function receiveUpload({
  user,
  query,
  body,
  contentLength,
  requestId,
  locale,
}: {
  user: SessionUser | null;
  query: Record<string, string>;
  body: ReadableStream<Uint8Array> | null;
  contentLength: number | null;
  requestId: string;
  locale: Locale;
}): Promise<UploadAnswer> {
  // Route handlers run outside the pages' next-intl request config: the plain translator of the catalogue.
  const forms = createTranslator({ locale, messages: catalogues[locale], namespace: "Forms" });
  const validationOf = createTranslator({ locale, messages: catalogues[locale], namespace: "Validation" });
  const validation = (key: string, values?: Record<string, string | number>) => validationOf(key as "required", values as never);
  const fail = (status: 400 | 401 | 403 | 404 | 409 | 413, code: string, fieldErrors?: Record<string, string[]>): UploadAnswer => ({
    status,
    body: { ok: false, code, message: code === "conflict" ? forms("conflict", { name: forms("someoneElse"), when: "" }) : forms(code as "forbidden"), ...(fieldErrors ? { fieldErrors } : {}) },
  });
  if (!user) return fail(401, "unauthenticated");
  const metadata = uploadMetadataSchema.safeParse(query);
  if (!metadata.success) {
    // The command reports each field's message; run it with no file so that it does.
    const result = await uploadDocument(user, { ...query, blobId: "00000000-0000-0000-0000-000000000000" }, { requestId });
    if (!result.ok && result.code === "invalid") return fail(400, "invalid", messagesOf(result.fieldErrors, validation));
    return fail(400, "invalid");
  }
  // Refused before a byte is read: no such record, or not one this user may upload to.
  const may = await mayUploadTo(user, metadata.data.target, metadata.data.targetId, metadata.data.documentId);
  if (may === null) return fail(404, "not_found");
  if (!may) return fail(403, "forbidden");
  const maxBytes = await documentMaxBytes();
  const tooLarge = () => fail(413, "invalid", { file: [validation("fileTooLarge", { max: Math.round(maxBytes / 1024 / 1024) })] });
  if (contentLength !== null && contentLength > maxBytes) return tooLarge();
  if (!body || contentLength === 0) return fail(400, "invalid", { file: [validation("fileEmpty")] });

  // A cap per instance (DOCUMENT_UPLOADS_MAX): past it, the upload is refused before a byte is read, and says so.
  if (inProgress.count >= documentUploadSlots()) {
    const documents = createTranslator({ locale, messages: catalogues[locale], namespace: "Documents" });
    return { status: 503, body: { ok: false, code: "busy", message: documents("uploadsBusy") } };
  }
  inProgress.count += 1;
  try {
    return await storeAndRecord(user, metadata.data, body, maxBytes, requestId, tooLarge, fail, validation);
  } finally {
    inProgress.count -= 1;
  }
}

async function storeAndRecord(
  user: SessionUser,
  metadata: Record<string, unknown>,
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  requestId: string,
  tooLarge: () => UploadAnswer,
  fail: (status: 400 | 401 | 403 | 404 | 409 | 413, code: string, fieldErrors?: Record<string, string[]>) => UploadAnswer,
  validation: (key: string, values?: Record<string, string | number>) => string,
): Promise<UploadAnswer> {
  let blobId: string;
  try {
    blobId = (await documentStore().put(body, { maxBytes, ownerId: user.id })).id;
  } catch (error) {
    if (error instanceof UploadTooLargeError) return tooLarge();
    throw error;
  }
  const result = await uploadDocument(user, { ...metadata, blobId }, { requestId });
  if (result.ok) return { status: 200, body: { ok: true, data: result.data } };
  await documentStore().discard(blobId);
  switch (result.code) {
    case "invalid":
      return fail(400, "invalid", messagesOf(result.fieldErrors, validation));
    case "conflict":
      return fail(409, "conflict");
    case "not_found":
      return fail(404, "not_found");
    case "unauthenticated":
      return fail(401, "unauthenticated");
    default:
      return fail(403, "forbidden");
  }
}

function messagesOf(fieldErrors: Record<string, { key: string; values?: Record<string, string | number> }[]>, validation: (key: string, values?: Record<string, string | number>) => string) {
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, errors]) => [field, errors.map((error) => validation(error.key, error.values ?? {}))]));
}

/**
 * A version as a download, or null (404): the same rules as the record it is attached to. A Protected document's
 * every download is an audit event.
 */
export async function openDownload(user: SessionUser, versionId: string, requestId: string): Promise<Response | null> {
  const version = await getDownload(user, versionId);
  if (!version) return null;
  const stream = await documentStore().get(version.blobId);
  if (!stream) return null;
  if (version.marking !== "UNCLASSIFIED") {
    await recordAudit(db, {
      actorId: user.id,
      action: "document.download",
      entityType: "document",
      entityId: version.documentId,
      after: { versionId: version.versionId, marking: version.marking },
      requestId,
    });
  }
  return new Response(stream, {
    headers: {
      "Content-Type": contentTypes[version.kind],
      "Content-Length": String(version.sizeBytes),
      "Content-Disposition": attachmentDisposition(servedFileName(version.fileName, version.kind)),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
      ETag: `"${version.sha256}"`,
    },
  });
}
