// No "server-only" marker: the seed script (plain Node via tsx) hashes the demo passwords with it too.
import { hash, verify, type Algorithm } from "@node-rs/argon2";

/** Algorithm.Argon2id: the package declares an ambient const enum, which isolatedModules cannot read. */
const ARGON2ID: Algorithm = 2;

// OWASP's recommended argon2id parameters (19 MiB, 2 iterations, 1 lane).
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

// Verified against when no account matches, so that a wrong e-mail costs as much time
// as a wrong password and response times reveal nothing about which accounts exist.
let decoyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    decoyHash ??= hash("decoy-password-for-timing", options);
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
