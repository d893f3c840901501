import { createHmac } from "node:crypto";

/*
 * RFC 6238 (TOTP) written out independently of the portal's library (otplib), so that the tests check the portal
 * against the standard rather than against itself: HMAC-SHA-1 of the 30-second step count, dynamic truncation
 * (RFC 4226 §5.3), six digits.
 */
const base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Decode(text: string): Buffer {
  let bits = "";
  for (const char of text.replace(/=+$/, "").replace(/\s+/g, "").toUpperCase()) {
    const value = base32Alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, "0");
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

export const totpStepSeconds = 30;

export function currentStep(now = Date.now()): number {
  return Math.floor(now / 1000 / totpStepSeconds);
}

export function totpCode(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac("sha1", base32Decode(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(binary).padStart(6, "0");
}
