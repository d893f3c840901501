/**
 * The text rules of RFC 5545 that both calendar writers follow (the meeting's `.ics` download, lib/meetings/ics.ts,
 * and the e-mailed invitation, lib/mail/ics.ts), kept in one place so the two never disagree.
 */

/**
 * The writer's own guarantee, whatever the validation before it: no value ever ends a content line or starts
 * another (a line break in a title, an address or a link would otherwise let its author add properties, such as
 * an ATTENDEE or a second URL, to everyone's invitation).
 */
const controlCharacters = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/**
 * TEXT values (§3.3.11): backslash, semicolon and comma escaped, every line break (CRLF, LF, a lone CR, and the
 * Unicode line and paragraph separators) written as `\n`, other control characters dropped (a TEXT value may hold
 * none but the tab).
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|[\r\n\u2028\u2029]/g, "\\n")
    .replace(controlCharacters, "");
}

/**
 * A URI value (URL, the mailto: of ORGANIZER, §3.3.13): URIs hold no spaces or control characters, so any are
 * removed rather than escaped (TEXT escaping does not apply to URIs).
 */
export function uriValue(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f\u2028\u2029]/g, "");
}

/** A quoted parameter value (such as CN=, §3.2): no double quote and no control character may appear in it. */
export function quotedParam(value: string): string {
  return `"${value.replace(/"/g, "'").replace(/[\r\n\u2028\u2029]+/g, " ").replace(controlCharacters, "")}"`;
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
