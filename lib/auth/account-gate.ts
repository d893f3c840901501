import type { Permission } from "@/lib/authz/permissions";
import type { SessionUser } from "./types";

/**
 * What a request is for: the person's own account (profile, own password, own second factor) or anything else in
 * the portal (pages, commands, CSV / PDF / .ics / JSON route handlers, read-only server actions).
 */
export type Reach = "ownAccount" | "portal";

/** The reach a command's or a page's permission needs: only `profile.update` is about one's own account. */
export function reachOf(permission: Permission): Reach {
  return permission === "profile.update" ? "ownAccount" : "portal";
}

/**
 * THE rule, for every entry point: someone holding a one-time password, or who must enrol a second factor and has
 * not, reaches nothing but their own account until they have. getCurrentUser() (every route handler and server
 * action), the page guard and the command registry all ask here, and nowhere else.
 */
export function mayReach(user: Pick<SessionUser, "mustChangePassword" | "mfaEnrolmentRequired">, reach: Reach): boolean {
  return reach === "ownAccount" || (!user.mustChangePassword && !user.mfaEnrolmentRequired);
}
