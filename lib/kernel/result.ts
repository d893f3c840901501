/**
 * What every command returns: plain data a form or a test can read. Expected refusals are
 * results, not exceptions; only the unexpected throws.
 */
export type FieldError = { key: ValidationKey; values?: Record<string, string | number> };

/** Message keys of the `Validation` namespace in messages/*.json. */
export type ValidationKey =
  | "required"
  | "invalidType"
  | "tooShort"
  | "tooLong"
  | "tooSmall"
  | "tooBig"
  | "invalidEmail"
  | "invalidFormat"
  | "invalidChoice"
  | "unknownField"
  | "invalid"
  // Initiatives and funding (issue 4)
  | "titleInOneLanguage"
  | "endBeforeStart"
  | "amountFormat"
  | "amountNegative"
  | "amountTooBig"
  | "reportingPeriodFormat"
  | "fiscalYearRange"
  // Accounts and reference data (issue 3)
  | "emailTaken"
  | "departmentRequired"
  | "passwordIsEmail"
  | "currentPasswordWrong"
  | "acronymTaken"
  | "codeTaken"
  | "colourFormat"
  | "selfLockout"
  // Meetings, agendas, action items (issue 5)
  | "dateInPast"
  | "archivedInitiative"
  | "emptyAgenda"
  // Discussion (issue 22)
  | "mentionUnknown"
  | "replyToReply"
  | "sameMeeting"
  | "changeNoteRequired"
  | "assigneeOutsideDepartment"
  | "alreadyTaken"
  | "locked"
  // Cancelled meetings (issue 22.5)
  | "meetingCancelled"
  | "meetingHeld"
  // Hostile input (issue 8)
  | "unstorableText"
  // Settings
  | "quorumDepartmentsRange"
  | "staleDaysRange"
  | "sessionHoursRange"
  // Report a problem (issue 15)
  | "tooManyReports"
  // Results framework (issue 18)
  | "figureFormat"
  | "percentRange"
  | "rangeMinAboveMax"
  | "narrativeMismatch"
  | "beforeBaseline"
  | "explanationRequired"
  | "noTargetForYear"
  | "quarterNotExpected"
  // Translation workflow (issue 21)
  | "translationMissing"
  | "xliffTooLarge"
  | "xliffDoctype"
  | "xliffNotXml"
  | "xliffNotXliff"
  | "notAwaitingVerification"
  // Documents and meeting papers (issue 20)
  | "markingTooHigh"
  | "fileEmpty"
  | "fileTooLarge"
  | "fileTypeNotAllowed"
  | "fileTypeMismatch"
  | "fileNameInvalid"
  | "documentWithdrawn"
  | "uploadMissing"
  | "noPresentingDepartment"
  | "megabytesRange"
  // Translation workflow, in place (issue 21)
  | "verifierRoleRequired";

export type CommandFailure =
  | { ok: false; code: "invalid"; fieldErrors: Record<string, FieldError[]> }
  | { ok: false; code: "unauthenticated" }
  | { ok: false; code: "forbidden" }
  | { ok: false; code: "not_found" }
  | { ok: false; code: "conflict"; changedBy: string | null; changedAt: Date | null };

/** `replayed`: an idempotency key had been used already; `data` is the first run's result (as JSON). */
export type CommandResult<T> = { ok: true; data: T; replayed?: true } | CommandFailure;

export const ok = <T>(data: T): CommandResult<T> => ({ ok: true, data });
export const forbidden = (): CommandFailure => ({ ok: false, code: "forbidden" });
export const notFound = (): CommandFailure => ({ ok: false, code: "not_found" });
export const conflict = (changedBy: string | null, changedAt: Date | null): CommandFailure => ({ ok: false, code: "conflict", changedBy, changedAt });

/** A refusal found inside a transaction: thrown to roll it back, then turned back into its result. */
export class CommandRefusal extends Error {
  constructor(readonly failure: CommandFailure) {
    super(`command refused: ${failure.code}`);
    this.name = "CommandRefusal";
  }
}

/** Maps a result's code to the HTTP status a route handler answers with. */
export const httpStatus: Record<CommandFailure["code"], number> = {
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};
