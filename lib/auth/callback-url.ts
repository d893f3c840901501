import type { Locale } from "@/lib/i18n/routing";

/** Longer than any page address of the portal; a longer value is not worth parsing. */
const maxLength = 2048;

/**
 * Where to go after signing in. The value is resolved as a URL against the portal's own origin, the way a browser
 * would resolve it, and only a same-origin result is kept, as its path, query and hash: never another origin,
 * never a path a browser would read as another host (`//host`), never back to the sign-in page itself. String
 * checks alone are not enough: browsers drop tabs and line breaks inside a URL and read `\` as `/`, so
 * `/<tab>/evil.example` leaves the site. Anything else, and any value that does not parse, is the home page of
 * the language: this never throws.
 *
 * `origin` is the portal's public origin (NEXTAUTH_URL); an absolute URL on it is accepted.
 */
export function safeCallbackUrl(raw: unknown, locale: Locale, origin = "http://localhost"): string {
  const fallback = `/${locale}`;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > maxLength) return fallback;
  // Control characters have no business in an address; browsers silently drop some of them.
  if (/[\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(origin);
    resolved = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base.origin || (resolved.protocol !== "http:" && resolved.protocol !== "https:")) return fallback;
  if (resolved.username || resolved.password) return fallback;
  const { pathname, search, hash } = resolved;
  // A path starting with two slashes (or a slash and a backslash) is another host to a browser.
  if (!pathname.startsWith("/") || /^\/[\\/]/.test(pathname)) return fallback;
  if (isSignInPage(pathname)) return fallback;
  const result = pathname + search + hash;
  return result.length > maxLength ? fallback : result;
}

function isSignInPage(pathname: string): boolean {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A malformed escape is no page of the portal either; the path is kept as it is (it will be a 404).
  }
  return [pathname, decoded].some((path) => /^\/(en|fr)\/sign-in(\/|$)/i.test(path));
}
