/**
 * A comment's text, read as plain text: `@address` mentions, initiative codes (`IWG-0007`) and decision numbers
 * (`2007-09-D1`) found in it. Pure (no database, no React), so the page, the commands and the unit test share it.
 * The text is never HTML: the page draws these pieces as text nodes and links.
 */

export type TextPiece =
  | { kind: "text"; text: string }
  | { kind: "mention"; text: string; email: string }
  | { kind: "initiative"; text: string; code: string }
  | { kind: "decision"; text: string; number: string };

// An address after "@" at the start or after a character that cannot end an address; codes as whole words.
const pattern = /(?<![\w.%+-])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)|\b(IWG-\d{4,})\b|\b(\d{4}-\d{2}-D\d+)\b/g;

/** The pieces of `body`, in order; their texts joined give `body` back unchanged. */
export function parseCommentText(body: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of body.matchAll(pattern)) {
    const start = match.index;
    let text = match[0];
    let email = match[1];
    // A sentence's full stop after an address is not part of it.
    if (email) {
      const trimmed = email.replace(/[.]+$/, "");
      text = text.slice(0, text.length - (email.length - trimmed.length));
      email = trimmed;
    }
    if (start > last) pieces.push({ kind: "text", text: body.slice(last, start) });
    if (email) pieces.push({ kind: "mention", text, email: email.toLowerCase() });
    else if (match[2]) pieces.push({ kind: "initiative", text, code: match[2] });
    else pieces.push({ kind: "decision", text, number: match[3]! });
    last = start + text.length;
  }
  if (last < body.length) pieces.push({ kind: "text", text: body.slice(last) });
  return pieces;
}

/** The addresses `body` mentions, lower-cased, each once. */
export function mentionedEmails(body: string): string[] {
  return [...new Set(parseCommentText(body).flatMap((piece) => (piece.kind === "mention" ? [piece.email] : [])))];
}
