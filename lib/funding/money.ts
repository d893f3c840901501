import type { Locale } from "@/lib/i18n/routing";

/** The largest amount accepted, in cents: a trillion dollars is far above any federal program line. */
export const MAX_CENTS = 100_000_000_000_000n;

export type MoneyParse = { ok: true; cents: bigint } | { ok: false; reason: "format" | "negative" | "tooBig" };

const spaces = /[\s\u00a0\u202f']/g;

/**
 * Reads an amount of dollars as people type it in their language: `12,300,000`, `12300000.50` (English),
 * `12 300 000`, `12 300 000,50` (French), with or without `$`. Returns integer cents, never a float.
 * A lone separator followed by exactly three digits in the other language's style is read as a thousands
 * separator only when it cannot be a decimal separator in the user's language.
 */
export function parseMoneyToCents(input: string, locale: Locale): MoneyParse {
  let text = input.trim().replace(/\$/g, "").replace(/\s*CAD$/i, "").replace(spaces, "");
  if (text.startsWith("-") || text.startsWith("−")) return { ok: false, reason: "negative" };
  if (text === "" || !/^[0-9.,]+$/.test(text)) return { ok: false, reason: "format" };

  const decimal = decimalSeparator(text, locale);
  const thousands = decimal === "." ? "," : ".";
  text = text.split(thousands).join("");
  if (decimal) text = text.replace(decimal, ".");
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return { ok: false, reason: "format" };
  const cents = BigInt(match[1]!) * 100n + BigInt((match[2] ?? "").padEnd(2, "0") || "0");
  if (cents >= MAX_CENTS) return { ok: false, reason: "tooBig" };
  return { ok: true, cents };
}

/** Which character separates the cents, if any: the last of two kinds, else the language's own when used once. */
function decimalSeparator(text: string, locale: Locale): "." | "," | null {
  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? "." : ",";
  const only = lastDot >= 0 ? "." : lastComma >= 0 ? "," : null;
  if (!only) return null;
  const count = text.split(only).length - 1;
  if (count > 1) return only === "." ? "," : "."; // 12,300,000 or 12.300.000: thousands
  const own = locale === "fr" ? "," : ".";
  if (only === own) return only;
  // The other language's separator, once: `12,300` in English is thousands; `1.5` in French is a decimal.
  const digitsAfter = text.length - text.lastIndexOf(only) - 1;
  return digitsAfter === 3 ? (only === "." ? "," : ".") : only;
}

/** Cents shown in a form field, in the language's conventions and without the currency sign: 12 300 000,50. */
export function centsToInput(cents: bigint, locale: Locale): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const dollars = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, locale === "fr" ? " " : ",");
  const rest = abs % 100n;
  const fraction = rest === 0n ? "" : `${locale === "fr" ? "," : "."}${rest.toString().padStart(2, "0")}`;
  return `${negative ? "-" : ""}${dollars}${fraction}`;
}
