import type { SessionUser } from "@/lib/auth/types";
import { sessionUser } from "../../support/database";
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
  const entries = await Promise.all(Object.entries(callerEmails).map(async ([caller, email]) => [caller, await sessionUser(email)] as const));
  return { ...Object.fromEntries(entries), SIGNED_OUT: null } as Record<Caller, SessionUser | null>;
}
