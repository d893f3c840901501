import type { Locale } from "@/lib/i18n/routing";

/**
 * Where to go after signing in: only a path on this site (never another origin, never
 * a protocol-relative `//host`), and never back to the sign-in page itself.
 */
export function safeCallbackUrl(raw: unknown, locale: Locale): string {
  const fallback = `/${locale}`;
  if (typeof raw !== "string" || raw.length > 2048) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return fallback;
  if (/^\/(en|fr)\/sign-in(\/|\?|$)/.test(raw)) return fallback;
  return raw;
}
