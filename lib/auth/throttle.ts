import "server-only";
import { db } from "@/lib/db";

/**
 * Sign-in throttling that cannot be turned against the people it protects (issue 17, point 2; docs/security-a.md).
 * Counted in PostgreSQL (sign_in_attempts), so it holds across app instances, and keyed by the e-mail typed, so an
 * unknown account behaves exactly like a known one (nothing to learn from it).
 *
 * - Per account AND address: 5 wrong passwords for one account from one address within 15 minutes lock that
 *   account for that address only, until the first of them is 15 minutes old. Someone who knows a public servant's
 *   e-mail can no longer keep them out from elsewhere.
 * - Per account, across addresses: after 3 wrong passwords (since the last success) each further attempt must wait
 *   a growing delay after the previous failure (1 s, 2 s, 4 s … at most 60 s), so spreading guesses over many
 *   addresses gains little. An address the account signed in from in the last 24 hours is not slowed.
 * - Per address: 20 failed attempts (any accounts) within 15 minutes, and that address is refused.
 * - 10 wrong passwords on one account within 15 minutes is an attack: its owner and the administrators are told
 *   (lib/notifications/sign-in-attack.ts), once per hour.
 *
 * Only attempts whose password was checked are counted: a refused attempt never extends a lock or a delay.
 */
export const throttlePolicy = {
  windowMinutes: 15,
  /** Wrong passwords for one account from one address, within the window, that lock that pair. */
  maxPairFailures: 5,
  /** Failed attempts from one address, any accounts, within the window, before that address is refused. */
  maxAddressFailures: 20,
  /** Wrong passwords for one account, any addresses, before each attempt has to wait. */
  slowDownAfter: 3,
  maxDelaySeconds: 60,
  /** An address the account signed in from this recently is not slowed down by failures from elsewhere. */
  knownAddressHours: 24,
  /** Wrong passwords for one account, any addresses, within the window, that make an attack. */
  attackFailures: 10,
  /** At most one attack notice per account in this long. */
  noticeWindowMinutes: 60,
} as const;

/** Seconds an attempt must wait after the previous failure, once `failures` wrong passwords were counted. */
export function delaySeconds(failures: number): number {
  if (failures < throttlePolicy.slowDownAfter) return 0;
  return Math.min(2 ** (failures - throttlePolicy.slowDownAfter), throttlePolicy.maxDelaySeconds);
}

export type ThrottleRefusal = "throttled" | "locked" | "slowed";

export type Claim =
  | { allowed: true; attemptId: string; pairFailures: number; accountFailures: number }
  | { allowed: false; reason: ThrottleRefusal; retryAt: Date | null };

type Counts = {
  address_failures: number;
  pair_failures: number;
  pair_oldest_failure: Date | null;
  account_failures: number;
  last_failure: Date | null;
  known_address: boolean;
};

/**
 * Asks whether this attempt may check a password, and if so records it (as a failure until recordSuccess says
 * otherwise) in the same short transaction, serialized per e-mail by an advisory lock: concurrent attempts on one
 * account, from any number of instances, are counted one after another, so none slips past a limit. The password
 * is checked after this returns, outside the lock.
 */
export async function claimAttempt(email: string, ip: string, now: Date = new Date()): Promise<Claim> {
  const windowStart = new Date(now.getTime() - throttlePolicy.windowMinutes * 60_000);
  const knownSince = new Date(now.getTime() - throttlePolicy.knownAddressHours * 3_600_000);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(lower(${email}), 1717))`;
    const [counts] = await tx.$queryRaw<Counts[]>`
      WITH account AS (
        SELECT ip, succeeded, attempted_at FROM sign_in_attempts
         WHERE email = ${email}::citext AND attempted_at > ${windowStart}
      ), last_success AS (
        SELECT max(attempted_at) FILTER (WHERE succeeded) AS anywhere,
               max(attempted_at) FILTER (WHERE succeeded AND ip = ${ip}) AS here
          FROM account
      ), pair AS (
        SELECT attempted_at FROM account, last_success
         WHERE NOT succeeded AND ip = ${ip} AND attempted_at > coalesce(last_success.here, '-infinity')
      )
      SELECT (SELECT count(*)::int FROM sign_in_attempts WHERE ip = ${ip} AND NOT succeeded AND attempted_at > ${windowStart}) AS address_failures,
             (SELECT count(*)::int FROM pair) AS pair_failures,
             (SELECT min(attempted_at) FROM pair) AS pair_oldest_failure,
             (SELECT count(*)::int FROM account, last_success WHERE NOT succeeded AND attempted_at > coalesce(last_success.anywhere, '-infinity')) AS account_failures,
             (SELECT max(attempted_at) FROM account WHERE NOT succeeded) AS last_failure,
             EXISTS (SELECT 1 FROM sign_in_attempts WHERE email = ${email}::citext AND ip = ${ip} AND succeeded AND attempted_at > ${knownSince}) AS known_address`;
    const state = counts!;
    if (state.address_failures >= throttlePolicy.maxAddressFailures) return { allowed: false, reason: "throttled", retryAt: null } as const;
    if (state.pair_failures >= throttlePolicy.maxPairFailures) {
      const retryAt = state.pair_oldest_failure ? new Date(state.pair_oldest_failure.getTime() + throttlePolicy.windowMinutes * 60_000) : null;
      return { allowed: false, reason: "locked", retryAt } as const;
    }
    const wait = delaySeconds(state.account_failures);
    if (!state.known_address && wait > 0 && state.last_failure && now.getTime() < state.last_failure.getTime() + wait * 1000) {
      return { allowed: false, reason: "slowed", retryAt: new Date(state.last_failure.getTime() + wait * 1000) } as const;
    }
    const attempt = await tx.signInAttempt.create({ data: { ip, email, succeeded: false, attemptedAt: now }, select: { id: true } });
    return { allowed: true, attemptId: attempt.id, pairFailures: state.pair_failures, accountFailures: state.account_failures } as const;
  });
}

/** Input that is not even an e-mail and a password: counted against the address only. */
export async function recordMalformedAttempt(ip: string): Promise<void> {
  await db.signInAttempt.create({ data: { ip, email: null, succeeded: false } });
}
