import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/authz/permissions";
import type { Locale } from "@/lib/i18n/routing";
import { settingValue, type SettingValues } from "@/lib/settings";
import { mfaRequiredRoles } from "./mfa-policy";
import type { SessionUser } from "./types";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type SessionRow = {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  department_id: string | null;
  preferred_language: Locale;
  active: boolean;
  must_change_password: boolean;
  acronym_en: string | null;
  acronym_fr: string | null;
  session_hours: unknown;
  session_method: string | null;
  mfa_enrolled: boolean;
  mfa_everyone: unknown;
};

/** How often a session's `last_seen_at` is written: once a minute is enough to review, and spares a write per click. */
const lastSeenResolution = "1 minute";

type Loaded = { user: SessionUser | null; sessionHours: SettingValues["sessionHours"] };

/**
 * The user as every check sees them, straight from the database (null when unknown, deactivated, or when the
 * session `sessionId` was ended: signed out, password changed, ended by an administrator …), with the
 * `sessionHours` setting their session is held to. One statement for all of it, because it runs on every
 * request: the setting is read with the user rather than cached, so an administrator's change reaches every
 * instance behind the load balancer on the next request, and so does an ended session. It also says whether the
 * person must still enrol a second factor (lib/auth/account-gate.ts). The same statement
 * notes when the session was last seen (at most once a minute).
 */
export async function loadSession(id: string, sessionId: string): Promise<Loaded> {
  return readUser(id, sessionId);
}

/** Just the user, whatever their sessions (for callers that do not hold a session, e.g. tests acting as a demo account). */
export async function loadSessionUser(id: string): Promise<SessionUser | null> {
  return (await readUser(id, null)).user;
}

async function readUser(id: string, sessionId: string | null): Promise<Loaded> {
  // A token from before user ids were UUIDs (or a forged one) names nobody; the cast below would throw on it.
  // A token from before sessions were recorded carries no session id: it names no open session.
  if (!uuidPattern.test(id) || (sessionId !== null && !uuidPattern.test(sessionId))) {
    return { user: null, sessionHours: settingValue("sessionHours", undefined) };
  }
  const checkSession = sessionId !== null;
  const rows = await db.$queryRaw<SessionRow[]>`
    WITH seen AS (
      UPDATE auth_sessions SET last_seen_at = now()
       WHERE ${checkSession} AND id = ${sessionId}::uuid AND user_id = ${id}::uuid AND ended_at IS NULL
         AND last_seen_at < now() - ${lastSeenResolution}::interval
    )
    SELECT u.id::text, u.email::text, u.display_name, u.role::text AS role, u.department_id::text, u.preferred_language::text AS preferred_language,
           u.active, u.must_change_password, d.acronym_en::text, d.acronym_fr::text,
           (SELECT s.value FROM settings s WHERE s.key = 'sessionHours') AS session_hours,
           (SELECT a.method FROM auth_sessions a WHERE a.id = ${sessionId}::uuid AND a.user_id = u.id AND a.ended_at IS NULL) AS session_method,
           EXISTS (SELECT 1 FROM mfa_credentials m WHERE m.user_id = u.id AND m.confirmed_at IS NOT NULL) AS mfa_enrolled,
           (SELECT s.value FROM settings s WHERE s.key = 'mfaRequiredForEveryone') AS mfa_everyone
      FROM (SELECT 1) AS always
      LEFT JOIN users u ON u.id = ${id}::uuid
      LEFT JOIN departments d ON d.id = u.department_id`;
  const row = rows[0];
  // The settings row comes back even for an unknown user (the LEFT JOIN on a one-row source).
  const sessionHours = settingValue("sessionHours", row?.session_hours);
  if (!row?.id || !row.active || (checkSession && row.session_method === null)) return { user: null, sessionHours };
  // A password session of someone who must have a second factor and has none reaches only their profile, to enrol.
  // (Single sign-on leaves the second factor to the organisation's sign-in.)
  const mfaRequired = (mfaRequiredRoles as readonly string[]).includes(row.role) || settingValue("mfaRequiredForEveryone", row.mfa_everyone);
  const mfaEnrolmentRequired = row.session_method === "password" && !row.mfa_enrolled && mfaRequired;
  return {
    user: {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      departmentId: row.department_id,
      departmentAcronym: row.acronym_en !== null && row.acronym_fr !== null ? { en: row.acronym_en, fr: row.acronym_fr } : null,
      language: row.preferred_language,
      mustChangePassword: row.must_change_password,
      ...(mfaEnrolmentRequired ? { mfaEnrolmentRequired } : {}),
    },
    sessionHours,
  };
}
