import { loadSessionUser } from "@/lib/auth/load-user";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import type { Caller } from "./matrix-types";

/** The demo account behind each kind of caller (see matrix-types.ts); SIGNED_OUT has none. */
export const callerEmails: Record<Exclude<Caller, "SIGNED_OUT">, string> = {
  ADMIN: "admin@iwgtip.example",
  COORDINATOR: "coordinator@iwgtip.example",
  EXECUTIVE: "executive@iwgtip.example",
  OWN_REP: "rep.jus@iwgtip.example",
  OTHER_REP: "rep.rcmp@iwgtip.example",
};

/** Each caller as the app would see them on a request, read from the database. */
export async function loadCallers(): Promise<Record<Caller, SessionUser | null>> {
  const entries = await Promise.all(
    Object.entries(callerEmails).map(async ([caller, email]) => {
      const { id } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
      const user = await loadSessionUser(id);
      if (!user) throw new Error(`The demo account ${email} is missing or inactive.`);
      return [caller, user] as const;
    }),
  );
  return { ...Object.fromEntries(entries), SIGNED_OUT: null } as Record<Caller, SessionUser | null>;
}

/**
 * A fingerprint of every table's content (row count and an md5 of all rows), in one fixed query, so
 * a test can prove that a refused call changed nothing at all, audit events included.
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const rows = await db.$queryRaw<{ table_name: string; fingerprint: string }[]>`
    SELECT table_name::text,
           (xpath('/row/f/text()', query_to_xml(
              format('SELECT count(*) || '':'' || md5(coalesce(string_agg(t::text, '','' ORDER BY t::text), '''')) AS f FROM %I.%I t',
                     table_schema, table_name),
              false, true, '')))[1]::text AS fingerprint
      FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`;
  return Object.fromEntries(rows.map((row) => [row.table_name, row.fingerprint]));
}
