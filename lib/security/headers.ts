/**
 * Security headers. Pure functions, so they are unit-tested and used by both the proxy
 * (pages, with a per-request nonce) and next.config.ts (every other response).
 */

/** A fresh, unpredictable nonce for one response: 16 random bytes in base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce
 * ('strict-dynamic' lets Next's own chunks load); nothing may frame the portal; forms post
 * only to the portal. Development adds 'unsafe-eval', which React's dev tooling needs.
 */
export function pageContentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // React and Next set a few style attributes (e.g. the route announcer); attributes cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For responses that are not pages (route handlers, CSV, PDF, .ics): nothing may run or frame them. */
export const nonPageContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers every response carries, whatever produced it. */
export const baseSecurityHeaders: Record<string, string> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** HSTS, sent only when the portal is reached over HTTPS (directly or behind a TLS proxy). */
export const strictTransportSecurity = "max-age=31536000; includeSubDomains";
