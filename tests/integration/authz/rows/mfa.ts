import { db } from "@/lib/db";
import { currentStep, totpCode } from "@/e2e/totp";
import type { MatrixRow } from "../matrix-types";
import { callerEmails } from "../callers";

/** One's own second factor: anyone signed in, on their own account. */
const anyoneSignedIn = { ADMIN: "allow", COORDINATOR: "allow", EXECUTIVE: "allow", OWN_REP: "allow", OTHER_REP: "allow", SIGNED_OUT: "deny" } as const;

/** One key for every caller's pending enrolment, so that one code (computed independently, e2e/totp.ts) confirms any. */
const sharedSecret = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BAKJ2W24DT";

type Saved = { userId: string; credential: { secret: string; confirmedAt: Date | null; lastStep: bigint | null } | null };
let saved: Saved[] | undefined;

async function callerIds(): Promise<string[]> {
  const users = await db.user.findMany({ where: { email: { in: Object.values(callerEmails) } }, select: { id: true } });
  return users.map((user) => user.id);
}

/** Every caller's enrolment pending with the shared key; what was there is saved once, for cleanup(). */
async function makeEnrolmentsPending() {
  const ids = await callerIds();
  saved ??= await Promise.all(
    ids.map(async (userId) => ({ userId, credential: await db.mfaCredential.findUnique({ where: { userId }, select: { secret: true, confirmedAt: true, lastStep: true } }) })),
  );
  for (const userId of ids) {
    await db.mfaCredential.upsert({ where: { userId }, create: { userId, secret: sharedSecret }, update: { secret: sharedSecret, confirmedAt: null, lastStep: null } });
  }
}

export const rows: MatrixRow[] = [
  // Every caller's enrolment pending (the seeded administrator and coordinator are enrolled, and starting changes
  // nothing once enrolled): starting it again writes a new secret.
  { command: "mfa.start_enrolment", prepare: async () => (await makeEnrolmentsPending(), {}), expect: anyoneSignedIn },
  {
    command: "mfa.confirm_enrolment",
    prepare: async () => {
      await makeEnrolmentsPending();
      return { code: totpCode(sharedSecret, currentStep()) };
    },
    expect: anyoneSignedIn,
  },
];

/** Puts the demo accounts' second factors back as they were (the seeded administrator and coordinator keys). */
export async function cleanup() {
  for (const { userId, credential } of saved ?? []) {
    if (credential) await db.mfaCredential.update({ where: { userId }, data: credential });
    else await db.mfaCredential.deleteMany({ where: { userId } });
    // The recovery codes the matrix's enrolments issued are test artefacts of the demo accounts.
    await db.mfaRecoveryCode.deleteMany({ where: { userId } });
  }
}
