/**
 * The text rules of RFC 5545 that both calendar writers follow (the meeting's `.ics` download, lib/meetings/ics.ts,
 * and the e-mailed invitation, lib/mail/ics.ts), kept in one place so the two never disagree.
 */

/** TEXT values escape backslash, semicolon, comma and newlines (§3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets (UTF-8): CRLF then a space (§3.1), never inside a multi-byte character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** A UTC date-time (§3.3.5, form 2): 20261201T143000Z. */
export const utcStamp = (date: Date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
