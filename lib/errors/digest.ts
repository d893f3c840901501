/**
 * The digest an error carries to the error page when it means "the database cannot be reached". Next keeps a digest
 * an error already has (and replaces the message with it in production), so the page — a client component that sees
 * nothing else of the error — can say "service unavailable" rather than "something went wrong". Set by lib/db.ts.
 * Client-safe: no server import.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "DATABASE_UNAVAILABLE";
