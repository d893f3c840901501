import { expect } from "vitest";
import { loadSessionUser } from "@/lib/auth/load-user";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";

/*
 * Helpers of the integration tests, which run on the seeded database (the demo accounts, the 16 departments, the
 * four pillars).
 */

/** A demo account as every command and page sees it once signed in: read by the app's own `loadSessionUser`. */
export async function sessionUser(email: string): Promise<SessionUser> {
  const { id } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const user = await loadSessionUser(id);
  if (!user) throw new Error(`The account ${email} is deactivated.`);
  return user;
}

export async function departmentId(acronym: string): Promise<string> {
  return (await db.department.findUniqueOrThrow({ where: { acronymEn: acronym }, select: { id: true } })).id;
}

export async function pillarId(code: string): Promise<string> {
  return (await db.pillar.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
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

/** Runs `call` and checks that it changed nothing in the database; answers what it returned. */
export async function expectUnchanged<T>(call: () => Promise<T>): Promise<T> {
  const before = await databaseFingerprint();
  const result = await call();
  expect(await databaseFingerprint(), "the call changed the database").toEqual(before);
  return result;
}
