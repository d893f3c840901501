import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/authz/permissions";
import type { Locale } from "@/lib/i18n/routing";
import { settingValue, type SettingValues } from "@/lib/settings";
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
};

/**
 * The user as every check sees them, straight from the database (null when unknown or deactivated), with the
 * `sessionHours` setting their session is held to. One statement for both, because it runs on every request:
 * the setting is read with the user rather than cached, so an administrator's change reaches every instance
 * behind the load balancer on the next request.
 */
export async function loadSession(id: string): Promise<{ user: SessionUser | null; sessionHours: SettingValues["sessionHours"] }> {
  // A token from before user ids were UUIDs (or a forged one) names nobody; the cast below would throw on it.
  if (!uuidPattern.test(id)) return { user: null, sessionHours: settingValue("sessionHours", undefined) };
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT u.id::text, u.email::text, u.display_name, u.role::text AS role, u.department_id::text, u.preferred_language::text AS preferred_language,
           u.active, u.must_change_password, d.acronym_en::text, d.acronym_fr::text,
           (SELECT s.value FROM settings s WHERE s.key = 'sessionHours') AS session_hours
      FROM (SELECT 1) AS always
      LEFT JOIN users u ON u.id = ${id}::uuid
      LEFT JOIN departments d ON d.id = u.department_id`;
  const row = rows[0];
  // The settings row comes back even for an unknown user (the LEFT JOIN on a one-row source).
  const sessionHours = settingValue("sessionHours", row?.session_hours);
  if (!row?.id || !row.active) return { user: null, sessionHours };
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
    },
    sessionHours,
  };
}

/** Just the user (for callers that do not hold a session, e.g. tests acting as a demo account). */
export async function loadSessionUser(id: string): Promise<SessionUser | null> {
  return (await loadSession(id)).user;
}
