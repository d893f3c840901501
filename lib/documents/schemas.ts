import { z } from "zod";
import { intFromForm, isoDate, optionalId, optionalText, requiredText } from "@/lib/kernel/schema-helpers";

export const documentLanguages = ["en", "fr", "bilingual"] as const;
export const documentMarkings = ["UNCLASSIFIED", "PROTECTED_A", "PROTECTED_B"] as const;
export type DocumentMarkingValue = (typeof documentMarkings)[number];
/** Markings the portal knows of but may not hold: refused with the reason, not as an unknown choice. */
export const markingsAbovePermitted = ["PROTECTED_C", "CONFIDENTIAL", "SECRET", "TOP_SECRET"] as const;

export const documentTargets = ["meeting", "agendaItem", "initiative"] as const;
export type DocumentTarget = (typeof documentTargets)[number];

const marking = z.string().max(40).transform((value, context) => {
  const upper = value.trim().toUpperCase().replace(/[\s-]+/g, "_");
  if ((documentMarkings as readonly string[]).includes(upper)) return upper as DocumentMarkingValue;
  context.addIssue({ code: "custom", params: { key: (markingsAbovePermitted as readonly string[]).includes(upper) ? "markingTooHigh" : "invalidChoice" } });
  return z.NEVER;
});

/**
 * A file already streamed into the store (`blobId`) made a document, or a new version of one (`documentId`). The
 * command reads the file's type from its bytes, never from the name or the request. Titles, language and marking
 * are required for a new document; a new version keeps them unless given.
 */
export const uploadDocumentSchema = z
  .object({
    blobId: z.uuid(),
    fileName: z.string().max(1000),
    target: z.enum(documentTargets),
    targetId: z.uuid(),
    documentId: optionalId,
    paperRequestId: optionalId,
    titleEn: optionalText(300),
    titleFr: optionalText(300),
    language: z.preprocess((value) => (value === "" ? undefined : value), z.enum(documentLanguages).optional()),
    marking: z.preprocess((value) => (value === "" ? undefined : value), marking.optional()),
  })
  .strict();
export type UploadDocumentInput = z.output<typeof uploadDocumentSchema>;

export const withdrawDocumentSchema = z
  .object({
    id: z.uuid(),
    reason: requiredText(1000),
    version: intFromForm.min(1),
  })
  .strict();

export const requestPaperSchema = z
  .object({
    agendaItemId: z.uuid(),
    dueDate: isoDate,
    noteEn: optionalText(1000),
    noteFr: optionalText(1000),
  })
  .strict();

export const cancelPaperRequestSchema = z.object({ id: z.uuid() }).strict();

/** The upload's metadata as the form sends it (query string of the upload request), before the file is read. */
export const uploadMetadataSchema = uploadDocumentSchema.omit({ blobId: true });
