/**
 * Whether a session has outlived the `sessionHours` setting, counted from sign-in. next-auth's cookie keeps the
 * server's ceiling (SESSION_MAX_AGE_HOURS), fixed when the process starts; this check applies the administrators'
 * setting on every request, so shortening it ends longer sessions at their next click. A session signed in before
 * the sign-in time was recorded has none: only the cookie's own lifetime ends it.
 */
export function sessionExpired(signedInAt: number | undefined, sessionHours: number, now = Date.now()): boolean {
  if (signedInAt === undefined) return false;
  return now - signedInAt >= sessionHours * 60 * 60 * 1000;
}
