import type { Role } from "@/lib/authz/permissions";
import type { Locale } from "@/lib/i18n/routing";

/** The signed-in user as the app sees it: small, plain, re-read from the database per request. */
export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  departmentAcronym: { en: string; fr: string } | null;
  language: Locale;
  /** Set by an administrator's one-time password: every page but the profile sends them to choose their own. */
  mustChangePassword?: boolean;
  /** The session record this request came with (auth_sessions); absent for a user loaded without a session. */
  sessionId?: string;
  /** How long this session has left when the request was read (the `sessionHours` setting from sign-in), in ms. */
  sessionRemainingMs?: number;
  /** A password session of someone whose role (or the settings) requires a second factor they have not enrolled. */
  mfaEnrolmentRequired?: boolean;
};
