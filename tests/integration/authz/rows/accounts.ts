import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { MatrixRow } from "../matrix-types";
import { callerEmails } from "../callers";

/** Administration of accounts: administrators only. The profile: anyone signed in, on their own account. */
const adminOnly = { ADMIN: "allow", COORDINATOR: "deny", EXECUTIVE: "deny", OWN_REP: "deny", OTHER_REP: "deny", SIGNED_OUT: "deny" } as const;
const anyoneSignedIn = { ADMIN: "allow", COORDINATOR: "allow", EXECUTIVE: "allow", OWN_REP: "allow", OTHER_REP: "allow", SIGNED_OUT: "deny" } as const;

const demoPassword = "iwgtip-demo-2007";

/** A throw-away account to act on (an executive: it shows on no department's page). */
async function makeAccount(data: { active?: boolean } = {}) {
  return db.user.create({
    data: { email: `matrix-${randomUUID()}@test.example`, displayName: "Matrix Account", role: "EXECUTIVE", preferredLanguage: "en", ...data },
    select: { id: true, version: true },
  });
}

// The profile rows change the callers' own languages: remember them to put them back afterwards.
let savedLanguages: { email: string; preferredLanguage: "en" | "fr" }[] | undefined;

export const rows: MatrixRow[] = [
  {
    command: "user.create",
    prepare: async () => ({ displayName: "Matrix New", email: `matrix-${randomUUID()}@test.example`, role: "EXECUTIVE", departmentId: "", preferredLanguage: "fr" }),
    expect: adminOnly,
  },
  {
    command: "user.update",
    prepare: async () => {
      const account = await makeAccount();
      return { id: account.id, version: account.version, displayName: "Matrix Renamed", email: `matrix-${randomUUID()}@test.example`, role: "COORDINATOR", departmentId: null, preferredLanguage: "fr" };
    },
    expect: adminOnly,
  },
  { command: "user.deactivate", prepare: async () => ({ id: (await makeAccount()).id }), expect: adminOnly },
  { command: "user.reactivate", prepare: async () => ({ id: (await makeAccount({ active: false })).id }), expect: adminOnly },
  { command: "user.allow_sso_link", prepare: async () => ({ id: (await makeAccount()).id }), expect: adminOnly },
  { command: "user.reset_mfa", prepare: async () => ({ id: (await makeAccount()).id }), expect: adminOnly },
  { command: "user.end_sessions", prepare: async () => ({ id: (await makeAccount()).id }), expect: adminOnly },
  {
    command: "user.set_one_time_password",
    prepare: async () => ({ id: (await makeAccount()).id, password: "one-time-password-2007" }),
    expect: adminOnly,
  },
  {
    command: "profile.update_preferences",
    prepare: async () => {
      savedLanguages ??= await db.user.findMany({ where: { email: { in: Object.values(callerEmails) } }, select: { email: true, preferredLanguage: true } });
      return { preferredLanguage: "fr" };
    },
    expect: anyoneSignedIn,
  },
  {
    // Same password again: allowed callers keep the demo password the other tests sign in with.
    command: "profile.change_password",
    prepare: async () => ({ currentPassword: demoPassword, newPassword: demoPassword }),
    expect: anyoneSignedIn,
  },
];

export async function cleanup() {
  for (const { email, preferredLanguage } of savedLanguages ?? []) {
    await db.user.update({ where: { email }, data: { preferredLanguage } });
  }
}
