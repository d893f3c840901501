import { z } from "zod";
import { intFromForm, optionalText } from "@/lib/kernel/schema-helpers";

/** Days from circulation to the sign-off due date when the coordinator gives none. */
export const SIGN_OFF_DEFAULT_DAYS = 10;
export const SIGN_OFF_COMMENTS_MAX = 5000;

/**
 * A representative's answer for their department to the current circulation of a meeting's minutes: concur, or
 * send comments (required then). `round` is the circulation the form was read at: a newer one (the minutes were
 * changed and re-circulated) is a conflict, so nobody concurs on a text they have not seen.
 */
export const signOffMinutesSchema = z
  .object({
    meetingId: z.uuid(),
    round: intFromForm.min(1),
    response: z.enum(["CONCURRED", "COMMENTED"]),
    comments: optionalText(SIGN_OFF_COMMENTS_MAX),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.response === "COMMENTED" && !value.comments) context.addIssue({ code: "custom", path: ["comments"], params: { key: "signOffCommentsRequired" } });
  });
export type SignOffMinutesInput = z.output<typeof signOffMinutesSchema>;
