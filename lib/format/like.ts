/**
 * Makes typed text match itself in a LIKE pattern. Prisma's `contains`, `startsWith` and `endsWith` build LIKE / ILIKE
 * patterns without escaping them (prisma/prisma#19506), so a search for "%" or "_" would match everyone. PostgreSQL's
 * default LIKE escape character is the backslash, so the backslash itself is escaped first.
 */
export function literalLikeText(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
