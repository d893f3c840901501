import type { z } from "zod";
import type { FieldError, ValidationKey } from "./result";

/** The largest PostgreSQL integer: every whole number a command stores (versions above all) stays within it. */
export const INT4_MAX = 2_147_483_647;

/**
 * Turns zod issues into message keys with values, per field, so that the form shows each
 * message at its field in the user's language (the keys live in the `Validation` namespace).
 */
export function toFieldErrors(error: z.ZodError): Record<string, FieldError[]> {
  const fields: Record<string, FieldError[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    (fields[field] ??= []).push(describe(issue));
  }
  return fields;
}

function describe(issue: z.core.$ZodIssue): FieldError {
  switch (issue.code) {
    case "invalid_type":
      return { key: issue.input === undefined || issue.input === null || issue.input === "" ? "required" : "invalidType" };
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? { key: "required" } : { key: "tooShort", values: { min: Number(issue.minimum) } };
      return { key: "tooSmall", values: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { key: "tooLong", values: { max: Number(issue.maximum) } };
      return { key: "tooBig", values: { max: Number(issue.maximum) } };
    case "invalid_format":
      return { key: issue.format === "email" ? "invalidEmail" : "invalidFormat" };
    case "invalid_value":
      return { key: "invalidChoice" };
    case "unrecognized_keys":
      return { key: "unknownField" };
    case "custom": {
      const key = (issue.params as { key?: ValidationKey } | undefined)?.key;
      return { key: key ?? "invalid", values: (issue.params as { values?: Record<string, string | number> } | undefined)?.values };
    }
    default:
      return { key: "invalid" };
  }
}

/**
 * The first string in the input, at any depth, that PostgreSQL could not store: a NUL character (refused by
 * text and jsonb alike) or a lone UTF-16 surrogate (refused by jsonb, where audit events keep the values).
 * Answered per field like any other validation message, so a hostile payload gets a refusal, not a crash.
 */
export function findUnstorableText(value: unknown, path: string[] = [], depth = 0): Record<string, FieldError[]> | null {
  if (typeof value === "string") {
    return isStorableText(value) ? null : { [path.length > 0 ? path.join(".") : "_form"]: [{ key: "unstorableText" }] };
  }
  if (value === null || typeof value !== "object" || depth > 20) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findUnstorableText(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Text PostgreSQL can store in text and jsonb columns and take as a parameter: no NUL, well-formed UTF-16. */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}
