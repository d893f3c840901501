import "server-only";
import { z } from "zod";

/**
 * The app's settings from process.env, parsed and checked in one place. Values are parsed on first use, not at
 * import, because `next build` imports route modules without a runtime environment. A few readers keep their own,
 * each for a reason: lib/db.ts (DATABASE_URL and the pool settings, read when the pool is made, also by scripts run
 * outside Next), lib/mail/config.ts (the mail settings, read by the worker that instrumentation.ts starts, where
 * "server-only" modules such as this one are refused), proxy.ts (NODE_ENV and NEXTAUTH_SECRET, for the checks it
 * makes on every request) and instrumentation.ts (NEXT_RUNTIME and NEXT_PHASE, set by Next itself).
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(1).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(8).default(8),
  /**
   * Reverse proxies whose X-Forwarded-For and X-Request-Id are believed: addresses or CIDR ranges, comma-separated,
   * or `none`. Required in production (lib/auth/client-address.ts, instrumentation.ts).
   */
  TRUSTED_PROXIES: z.string().default(""),
  /** Single sign-on (OpenID Connect): all three or none. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** What the sign-in page calls the organisation's sign-in (optional). */
  OIDC_NAME: z.string().min(1).max(80).optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Single sign-on settings, or null when it is not configured (the sign-in page then offers no button). */
export function oidcSettings(): { issuer: string; clientId: string; clientSecret: string; name: string | null } | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = env();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return { issuer: OIDC_ISSUER.replace(/\/+$/, ""), clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET, name: OIDC_NAME ?? null };
}

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    }
    const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = parsed.data;
    const oidcSet = [OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidcSet !== 0 && oidcSet !== 3) {
      throw new Error("Invalid environment: set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none of them.");
    }
    cached = parsed.data;
  }
  return cached;
}
