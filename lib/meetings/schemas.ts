import { z } from "zod";
import { intFromForm, isoDate, optionalText, requiredText, wallClockTime } from "@/lib/kernel/schema-helpers";

const optionalUrl = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value),
  z.url({ protocol: /^https?$/ }).max(2000).optional(),
);

/** A meeting as the form gives it: Toronto wall-clock date and times; the end must come after the start. */
const meetingFields = {
  sequenceNumber: intFromForm.min(1).max(1_000_000),
  titleEn: requiredText(300),
  titleFr: requiredText(300),
  date: isoDate,
  startTime: wallClockTime,
  endTime: wallClockTime,
  location: optionalText(300),
  videoUrl: optionalUrl,
};

const endAfterStart = (value: { startTime: string; endTime: string }) => value.endTime > value.startTime;
const endAfterStartIssue = { path: ["endTime"], params: { key: "endBeforeStart" } };

export const createMeetingSchema = z.object(meetingFields).strict().refine(endAfterStart, endAfterStartIssue);
export type CreateMeetingInput = z.output<typeof createMeetingSchema>;

export const updateMeetingSchema = z
  .object({ ...meetingFields, id: z.uuid(), version: intFromForm.min(1), changeNote: optionalText(1000) })
  .strict()
  .refine(endAfterStart, endAfterStartIssue);
export type UpdateMeetingInput = z.output<typeof updateMeetingSchema>;

/** Cancelling a meeting: the version the coordinator saw, and why (members read it in the cancellation). */
export const cancelMeetingSchema = z.object({ id: z.uuid(), version: intFromForm.min(1), reason: requiredText(1000) }).strict();
